#pragma once

// The HTTP response inside a WARC response record: its status, its type,
// and its payload with the transfer and content encodings undone.

#include <oped/common/errors.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oped::indexer {

struct HttpHead {
    int status = 0;
    std::string content_type;      // lower case, parameters kept
    std::string transfer_encoding; // lower case
    std::string content_encoding;  // lower case
    std::size_t body_offset = 0;   // where the body starts in the block
};

// The status line and header fields (at most 64 KiB of them); fails with
// not_html when the block does not start as an HTTP response.
Result<HttpHead> parse_http_head(std::string_view block);

// text/html or application/xhtml+xml.
bool is_html_type(std::string_view content_type);

// The body with chunked transfer-encoding and gzip or deflate content
// encoding undone, at most max_size bytes of it (too_large past that); a
// broken encoding is not_html.
Result<std::string> http_payload(std::string_view block, const HttpHead& head, std::uint64_t max_size);

} // namespace oped::indexer
