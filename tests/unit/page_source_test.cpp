#include <oped/indexer/page_source.hpp>

#include "support/gzip.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

const std::filesystem::path k_fixtures = std::filesystem::path(OPED_FIXTURES_DIR) / "index";

TEST(IsPageFile, AcceptsHtmlNamesAndTheirGzips) {
    struct Row {
        const char* name;
        const char* path;
        bool expected;
    };
    const std::vector<Row> rows{
        {".html", "/a/b.html", true},
        {".htm", "/a/b.htm", true},
        {".xhtml", "b.xhtml", true},
        {"upper case extension", "/a/B.HTML", true},
        {"mixed case", "/a/b.HtM", true},
        {"gzipped html", "/a/b.html.gz", true},
        {"gzipped htm, upper case", "/a/b.HTM.GZ", true},
        {"a plain gzip", "/a/b.gz", false},
        {"a tarball", "/a/b.tar.gz", false},
        {"a text file", "/a/b.txt", false},
        {"html inside the stem only", "/a/html", false},
        {"a name that is only the extension", "/a/.html", true},
        {"a folder named like a page does not matter: only the name", "/a.html/b.txt", false},
        {"a backup copy", "/a/b.html~", false},
        {"a json file", "/a/b.json", false},
    };
    for (const auto& row : rows) EXPECT_EQ(is_page_file(row.path), row.expected) << row.name;
}

TEST(LooksBinary, KnowsSignaturesAndControlBytes) {
    struct Row {
        const char* name;
        std::string bytes;
        bool expected;
    };
    const std::vector<Row> rows{
        {"PNG", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16), true},
        {"GIF", "GIF89a\x01\x00", true},
        {"JPEG", "\xFF\xD8\xFF\xE0\x00\x10JFIF", true},
        {"PDF", "%PDF-1.7\n", true},
        {"ZIP", "PK\x03\x04\x14\x00", true},
        {"ELF",
         "\x7F"
         "ELF\x02\x01\x01",
         true},
        // Regression (issue 8, item 15): one NUL made a page binary.
        {"a stray NUL in the head is not binary", std::string("<html>\0<body>", 13), false},
        {"NULs by the hundred are", std::string("<html>") + std::string(200, '\0') + std::string(800, 'a'), true},
        {"UTF-16LE without a BOM", std::string("<\0h\0t\0m\0l\0>\0<\0p\0>\0x\0y\0<\0/\0p\0>\0", 26), false},
        {"UTF-16BE without a BOM", std::string("\0<\0h\0t\0m\0l\0>\0<\0p\0>\0x\0y\0<\0/\0p\0>", 26), false},
        {"many control bytes", std::string(100, '\x01') + "<p>x</p>", true},
        {"plain HTML", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", false},
        {"HTML with tabs, form feeds and CRLF", "<p>\ta\r\n\fb</p>", false},
        {"UTF-16LE with BOM (NULs after it)", std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), false},
        {"UTF-16BE with BOM", std::string("\xFE\xFF\0<\0h\0t\0m\0l\0>", 14), false},
        {"UTF-8 with BOM", "\xEF\xBB\xBF<html></html>", false},
        {"windows-1252 bytes", "<p>caf\xE9 \x93quoted\x94</p>", false},
        {"a NUL after the first 4 KiB is not looked at", std::string(5000, 'a') + std::string(1, '\0'), false},
        {"empty", "", false},
    };
    for (const auto& row : rows) EXPECT_EQ(looks_binary(row.bytes), row.expected) << row.name;
}

TEST(Gunzip, RoundTrips) {
    const std::vector<std::string> inputs{"", "<p>hello</p>", std::string(1 << 20, 'x'),
                                          std::string("nul\0inside", 10)};
    for (const auto& input : inputs) {
        auto out = gunzip(test::gzip(input), 1 << 24);
        ASSERT_TRUE(out) << out.error().message;
        EXPECT_EQ(out.value(), input);
    }
}

TEST(Gunzip, FailsCleanly) {
    const std::string page = "<html><body>" + std::string(100000, 'y') + "</body></html>";
    const std::string packed = test::gzip(page);
    struct Row {
        const char* name;
        std::string bytes;
        std::uint64_t max_size;
        ErrorCode expected;
    };
    const std::vector<Row> rows{
        {"truncated in the middle", packed.substr(0, packed.size() / 2), 1 << 24, ErrorCode::not_html},
        {"missing only its trailer", packed.substr(0, packed.size() - 4), 1 << 24, ErrorCode::not_html},
        {"the header alone", packed.substr(0, 10), 1 << 24, ErrorCode::not_html},
        {"empty input", "", 1 << 24, ErrorCode::not_html},
        {"not gzip at all", "<html></html>", 1 << 24, ErrorCode::not_html},
        {"a corrupt stream", packed.substr(0, 12) + std::string(64, '\xAA') + packed.substr(76), 1 << 24,
         ErrorCode::not_html},
        {"unpacks past the size limit", packed, 50000, ErrorCode::too_large},
    };
    for (const auto& row : rows) {
        auto out = gunzip(row.bytes, row.max_size);
        ASSERT_FALSE(out) << row.name;
        EXPECT_EQ(out.error().code, row.expected) << row.name << ": " << out.error().message;
    }
}

// The checks read_page makes on bytes in memory, as the extract fuzz target
// calls them: the same outcomes as for a file, with no path in the error.
TEST(CheckPageBytes, ChecksBytesLikeAFile) {
    const std::string page = "<html><body><p>text</p></body></html>";
    struct Row {
        const char* name;
        std::string bytes;
        bool gzipped;
        std::uint64_t max_size;
        bool ok;
        ErrorCode expected; // when not ok
    };
    const std::vector<Row> rows{
        {"a plain page", page, false, k_default_max_size, true, {}},
        {"a gzipped page is unpacked", test::gzip(page), true, k_default_max_size, true, {}},
        {"gzip bytes not said to be gzip are binary", test::gzip(page), false, k_default_max_size, false,
         ErrorCode::not_html},
        {"a broken gzip", page, true, k_default_max_size, false, ErrorCode::not_html},
        {"past the size limit", page, false, 10, false, ErrorCode::too_large},
        {"unpacked past the size limit", test::gzip(page), true, 10, false, ErrorCode::too_large},
        {"empty", "", false, k_default_max_size, false, ErrorCode::empty_article},
        {"empty once unpacked", test::gzip(""), true, k_default_max_size, false, ErrorCode::empty_article},
        {"binary", "%PDF-1.7\n", false, k_default_max_size, false, ErrorCode::not_html},
    };
    for (const auto& row : rows) {
        auto out = check_page_bytes(row.bytes, row.gzipped, row.max_size);
        ASSERT_EQ(out.has_value(), row.ok) << row.name;
        if (row.ok) {
            EXPECT_EQ(out.value(), page) << row.name;
        } else {
            EXPECT_EQ(out.error().code, row.expected) << row.name << ": " << out.error().message;
            EXPECT_EQ(out.error().param, "") << row.name;
        }
    }
}

TEST(ReadPage, ReadsFixturesOrSaysWhyNot) {
    struct Row {
        const char* name;
        const char* file;
        std::uint64_t max_size;
        bool ok;
        ErrorCode expected; // when not ok
        const char* message_part;
    };
    const std::vector<Row> rows{
        {"a plain page", "pages/opinion-housing.html", k_default_max_size, true, {}, ""},
        {"a gzipped page is unpacked", "pages/gzipped.html.gz", k_default_max_size, true, {}, ""},
        {"an empty file", "bad/empty.html", k_default_max_size, false, ErrorCode::empty_article, "empty"},
        {"PNG bytes named .html", "bad/png-named.html", k_default_max_size, false, ErrorCode::not_html, "binary"},
        {"a truncated gzip", "bad/truncated.html.gz", k_default_max_size, false, ErrorCode::not_html, "gzip"},
        {"a NUL byte in the head is no reason to refuse", "bad/nul-bytes.html", k_default_max_size, true, {}, ""},
        {"over the size limit", "pages/opinion-housing.html", 100, false, ErrorCode::too_large, "max-size"},
        {"a missing file", "pages/no-such-page.html", k_default_max_size, false, ErrorCode::io, "cannot"},
    };
    for (const auto& row : rows) {
        auto page = read_page(k_fixtures / row.file, row.max_size);
        if (row.ok) {
            ASSERT_TRUE(page) << row.name << ": " << page.error().message;
            EXPECT_NE(page.value().find("<html"), std::string::npos) << row.name;
            continue;
        }
        ASSERT_FALSE(page) << row.name;
        EXPECT_EQ(page.error().code, row.expected) << row.name << ": " << page.error().message;
        EXPECT_NE(page.error().message.find(row.message_part), std::string::npos)
            << row.name << ": " << page.error().message;
    }
}

TEST(ReadPage, LimitsTheUnpackedSizeOfAGzip) {
    // Small enough on disk, too large once unpacked: a gzip bomb is refused
    // without unpacking it all.
    const auto path = k_fixtures / "pages/gzipped.html.gz";
    const auto on_disk = std::filesystem::file_size(path);
    auto page = read_page(path, on_disk + 1);
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::too_large);
    EXPECT_NE(page.error().message.find("uncompressed"), std::string::npos) << page.error().message;
    EXPECT_EQ(page.error().param, path.string());
}

} // namespace
} // namespace oped::indexer
