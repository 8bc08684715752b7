// The WARC reader (record framing over libarchive's decompression), the
// HTTP layer inside a response record, and record paths.

#include "support/gzip.hpp"

#include <oped/indexer/warc.hpp>
#include <oped/indexer/warc_http.hpp>
#include <oped/indexer/warc_source.hpp>

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

constexpr std::uint64_t k_limit = 1 << 20;

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& length = {}) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: <" + uri +
           ">\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Length: " +
           (length.empty() ? std::to_string(block.size()) : length) + "\r\n\r\n" + block + "\r\n\r\n";
}

// What the reader makes of `bytes`: "uri" per record, "!" per error.
std::string outline(const std::string& bytes, std::uint64_t limit = k_limit) {
    WarcReader reader(std::string_view(bytes), limit, "t.warc");
    std::string out;
    while (auto r = reader.next()) {
        if (!out.empty()) out += ' ';
        out += *r ? r->value().target_uri + (r->value().too_large ? "(large)" : "") : "!";
    }
    return out;
}

const std::string k_a = record("response", "http://x/a", "HTTP/1.1 200 OK\r\n\r\n<p>a</p>");
const std::string k_b = record("response", "http://x/b", "HTTP/1.1 200 OK\r\n\r\n<p>bee</p>");
const std::string k_c = record("request", "http://x/c", "GET /c HTTP/1.1\r\n\r\n");

std::string with_length(const std::string& rec, const std::string& length) {
    std::string out = rec;
    const auto at = out.find("Content-Length: ") + 16;
    out.replace(at, out.find("\r\n", at) - at, length);
    return out;
}

struct FramingCase {
    const char* name;
    std::string bytes;
    std::string expected;
};

TEST(WarcReader, ReadsRecordsAndRecoversFromBadOnes) {
    const std::vector<FramingCase> cases{
        {"three good records", k_a + k_b + k_c, "http://x/a http://x/b http://x/c"},
        {"an empty file", "", ""},
        {"gzip, one member per record", test::gzip(k_a) + test::gzip(k_b), "http://x/a http://x/b"},
        {"gzip, one member for the file", test::gzip(k_a + k_b), "http://x/a http://x/b"},
        {"a length too short costs its record", k_a + with_length(k_b, "5") + k_c, "http://x/a ! http://x/c"},
        {"a length too long swallows nothing", k_a + with_length(k_b, "60") + k_c, "http://x/a ! http://x/c"},
        {"a length past the end loses nothing after", with_length(k_a, "900") + k_b, "! http://x/b"},
        {"a length that is not a number", with_length(k_a, "12x") + k_b, "! http://x/b"},
        {"a record cut short", k_a + k_b.substr(0, k_b.size() - 12), "http://x/a !"},
        {"a header cut short", k_a + k_b.substr(0, 30), "http://x/a !"},
        {"garbage between records", k_a + "junk\r\n" + k_b, "http://x/a ! http://x/b"},
        {"no separator, then the next record", k_a.substr(0, k_a.size() - 4) + k_b, "http://x/a http://x/b"},
        // libarchive's gzip filter drops the up to 64 KiB it holds when the
        // input ends early: 100 KB of metadata keep the first record clear.
        {"a gzip member cut short",
         test::gzip(k_a) + test::gzip(record("metadata", "m", std::string(100000, 'm'))) +
             test::gzip(k_b).substr(0, 30),
         "http://x/a !"},
        {"a block over the limit keeps only its head", k_a + k_b, "http://x/a(large) http://x/b(large)"},
    };
    for (const auto& c : cases) {
        const std::uint64_t limit = std::string(c.name).find("limit") != std::string::npos ? 4 : k_limit;
        EXPECT_EQ(outline(c.bytes, limit), c.expected) << c.name;
    }
}

TEST(WarcReader, ReadsTheNamedFields) {
    const std::string bytes =
        "WARC/1.1\r\nwarc-type: Response\r\nWARC-Target-URI: http://x/bare\r\n"
        "WARC-Date: 2020-01-02T03:04:05Z\r\nWARC-Payload-Digest: sha1:ABC\r\n"
        "Content-Type: application/http; msgtype=response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
    WarcReader reader(std::string_view(bytes), k_limit, "t.warc");
    auto r = reader.next();
    ASSERT_TRUE(r && *r);
    const WarcRecord& rec = r->value();
    EXPECT_EQ(rec.type, "response");
    EXPECT_EQ(rec.target_uri, "http://x/bare");
    EXPECT_EQ(rec.date, "2020-01-02T03:04:05Z");
    EXPECT_EQ(rec.payload_digest, "sha1:ABC");
    EXPECT_EQ(rec.block, "abc");
    EXPECT_FALSE(reader.next());
}

TEST(WarcReader, AnErrorNamesTheRecordAndSaysWhy) {
    const std::string bytes = with_length(k_a, "900");
    WarcReader reader(std::string_view(bytes), k_limit, "t.warc");
    auto r = reader.next();
    ASSERT_TRUE(r && !*r);
    EXPECT_EQ(r->error().param, "t.warc#http://x/a");
    EXPECT_NE(r->error().message.find("truncated record or bad Content-Length"), std::string::npos)
        << r->error().message;
}

TEST(WarcReader, StopsAtTheDecompressionBombLimit) {
    // Zeros compress about a thousand to one: past the ratio and the floor.
    const std::string zeros(k_warc_bomb_floor + (1 << 20), '\0');
    const std::string bomb = test::gzip(zeros);
    WarcReader reader(std::string_view(bomb), k_limit, "bomb.warc.gz");
    std::size_t errors = 0;
    while (auto r = reader.next()) {
        if (!*r) {
            ++errors;
            if (r->error().message.find("times its size") != std::string::npos) break;
        }
    }
    EXPECT_GE(errors, 1u);
}

std::string deflate_raw(const std::string& text) {
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    std::string out(text.size() + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    zs.avail_in = static_cast<uInt>(text.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

struct PayloadCase {
    const char* name;
    std::string block;
    std::string expected; // "!" + error code name for an error
};

TEST(HttpPayload, UndoesTransferAndContentEncodings) {
    const std::string html = "<html><body><p>words</p></body></html>";
    const std::vector<PayloadCase> cases{
        {"plain", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html, html},
        {"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n3;x=y\r\n><b\r\n0\r\n\r\n",
         "<html><b"},
        {"gzip", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + test::gzip(html), html},
        {"raw deflate", "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + deflate_raw(html), html},
        {"chunked gzip",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
             [&] {
                 const std::string z = test::gzip(html);
                 char size[16];
                 std::snprintf(size, sizeof size, "%zx", z.size());
                 return std::string(size) + "\r\n" + z + "\r\n0\r\n\r\n";
             }(),
         html},
        {"a chunk cut short", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nabc", "!not_html"},
        {"a bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc", "!not_html"},
        {"gzip cut short", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + test::gzip(html).substr(0, 20),
         "!not_html"},
        {"brotli", "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxyz", "!not_html"},
        {"a gzip bomb", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + test::gzip(std::string(4096, 'a')),
         "!too_large"},
    };
    for (const auto& c : cases) {
        const auto head = parse_http_head(c.block);
        ASSERT_TRUE(head) << c.name;
        const auto payload = http_payload(c.block, head.value(), 1024);
        const std::string got = payload ? payload.value() : "!" + std::string(error_name(payload.error().code));
        EXPECT_EQ(got, c.expected) << c.name;
    }
}

TEST(HttpHead, ReadsStatusAndType) {
    const auto head = parse_http_head("HTTP/1.0 404 Not Found\r\nCONTENT-TYPE: Text/HTML; charset=x\r\n\r\nbody");
    ASSERT_TRUE(head);
    EXPECT_EQ(head.value().status, 404);
    EXPECT_TRUE(is_html_type(head.value().content_type));
    EXPECT_FALSE(is_html_type("text/plain"));
    EXPECT_TRUE(is_html_type("application/xhtml+xml"));
    EXPECT_FALSE(parse_http_head("GET / HTTP/1.1\r\n\r\n"));
    EXPECT_FALSE(parse_http_head("HTTP/1.1 2x0 OK\r\n\r\n"));
    EXPECT_FALSE(parse_http_head("HTTP/1.1 200 OK\r\nno end"));
}

TEST(RecordPath, SplitsAtTheFirstMarkAfterAWarcName) {
    std::string file;
    std::string uri;
    ASSERT_TRUE(split_record_path("/a/b.warc.gz#http://x/p#frag", file, uri));
    EXPECT_EQ(file, "/a/b.warc.gz");
    EXPECT_EQ(uri, "http://x/p#frag");
    EXPECT_EQ(record_path(file, uri), "/a/b.warc.gz#http://x/p#frag");
    EXPECT_FALSE(split_record_path("/a/page#1.html", file, uri));
    EXPECT_FALSE(split_record_path("/a/b.warc.gz", file, uri));
}

} // namespace
} // namespace oped::indexer
