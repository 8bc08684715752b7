#include <oped/indexer/warc_http.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/page_source.hpp>

#include <charconv>

namespace oped::indexer {
namespace {

constexpr std::size_t k_max_head = std::size_t{64} * 1024;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

Error bad(std::string message) { return Error{ErrorCode::not_html, std::move(message), ""}; }

// Chunk sizes in hex, each chunk followed by CRLF; extensions and trailers
// ignored.
Result<std::string> dechunk(std::string_view body, std::uint64_t max_size) {
    std::string out;
    for (;;) {
        const auto eol = body.find('\n');
        if (eol == std::string_view::npos) return bad("chunked body is cut short (no chunk size line)");
        std::string_view line = trim(body.substr(0, eol));
        line = line.substr(0, line.find(';'));
        std::uint64_t size = 0;
        const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.empty() || line.size() > 15 || ec != std::errc() || ptr != line.data() + line.size()) {
            return bad("chunked body has a bad chunk size '" + std::string(line.substr(0, 20)) + "'");
        }
        body.remove_prefix(eol + 1);
        if (size == 0) return out;
        if (size > body.size()) return bad("chunked body is cut short");
        if (out.size() + size > max_size) return Error{ErrorCode::too_large, "page is larger than --max-size", ""};
        out.append(body.substr(0, size));
        body.remove_prefix(size);
        if (body.starts_with("\r\n")) {
            body.remove_prefix(2);
        } else if (body.starts_with("\n")) {
            body.remove_prefix(1);
        }
    }
}

// gzip or zlib (told by their header) with window_bits 15 + 32, raw deflate
// with -15; at most max_size bytes out.
Result<std::string> inflate_body(std::string_view in, int window_bits, std::uint64_t max_size) {
    static const InflateErrors k_errors{
        bad("the body's content encoding is broken"),
        bad("the body's compressed data is cut short"),
        Error{ErrorCode::too_large, "decoded page is larger than --max-size", ""},
    };
    return inflate_bounded(in, window_bits, max_size, k_errors);
}

} // namespace

Result<HttpHead> parse_http_head(std::string_view block) {
    if (!block.starts_with("HTTP/")) return bad("the record holds no HTTP response");
    std::size_t end = block.find("\r\n\r\n");
    std::size_t sep = 4;
    if (end == std::string_view::npos || end > k_max_head) {
        end = block.find("\n\n");
        sep = 2;
    }
    if (end == std::string_view::npos || end > k_max_head) return bad("the HTTP response head has no end");
    HttpHead head;
    head.body_offset = end + sep;
    std::string_view text = block.substr(0, end);
    const auto first_eol = text.find('\n');
    const std::string_view status_line = trim(text.substr(0, first_eol));
    const auto space = status_line.find(' ');
    const std::string_view code =
        space == std::string_view::npos ? std::string_view() : status_line.substr(space + 1, 3);
    const auto [ptr, ec] = std::from_chars(code.data(), code.data() + code.size(), head.status);
    if (code.size() != 3 || ec != std::errc() || ptr != code.data() + 3) {
        return bad("bad HTTP status line '" + std::string(status_line.substr(0, 40)) + "'");
    }
    text = first_eol == std::string_view::npos ? std::string_view() : text.substr(first_eol + 1);
    while (!text.empty()) {
        const auto eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string name = text::ascii_lower(trim(line.substr(0, colon)));
        const std::string value = text::ascii_lower(trim(line.substr(colon + 1)));
        if (name == "content-type") {
            head.content_type = value;
        } else if (name == "transfer-encoding") {
            head.transfer_encoding = value;
        } else if (name == "content-encoding") {
            head.content_encoding = value;
        }
    }
    return head;
}

bool is_html_type(std::string_view content_type) {
    const std::string_view type = trim(content_type.substr(0, content_type.find(';')));
    return type == "text/html" || type == "application/xhtml+xml";
}

Result<std::string> http_payload(std::string_view block, const HttpHead& head, std::uint64_t max_size) {
    std::string body(block.substr(std::min(head.body_offset, block.size())));
    if (head.transfer_encoding.find("chunked") != std::string::npos) {
        auto plain = dechunk(body, max_size);
        if (!plain) return plain.error();
        body = std::move(plain).value();
    }
    const std::string& coding = head.content_encoding;
    if (coding.empty() || coding == "identity") return body;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
        auto decoded = inflate_body(body, 15 + 32, max_size);
        // deflate is meant as zlib, but servers send it raw too.
        if (!decoded && decoded.error().code == ErrorCode::not_html && coding == "deflate") {
            decoded = inflate_body(body, -15, max_size);
        }
        return decoded;
    }
    return bad("unsupported content encoding '" + coding + "'");
}

} // namespace oped::indexer
