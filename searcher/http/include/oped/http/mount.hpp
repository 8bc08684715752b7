#pragma once

// Serving behind a reverse proxy: the pages under a path prefix (`oped serve
// --base-path /archive`) and the scheme and host of absolute links taken
// from a trusted proxy's X-Forwarded-Proto and X-Forwarded-Host
// (`--trust-proxy`).
//
// The handlers write every link from the root ("/doc/ID", "/base.css"), as if
// the pages were served at "/"; the server strips the prefix from each
// request before routing and puts it back into every root-relative link of
// an HTML page (mount_links), every Location, and the base of the feed's and
// OpenSearch's absolute links. html::Writer escapes '"' in every value it
// writes, so `href="/` occurs in a page only as an attribute the page wrote.

#include <oped/common/errors.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace oped::http {

inline constexpr std::size_t k_max_base_path_bytes = 200;
inline constexpr std::size_t k_max_forwarded_bytes = 255;

// "/archive", "/archive/" -> "/archive"; "/a/b-c" -> "/a/b-c"; "" and "/" ->
// "" (the root). A usage error for anything else: no leading '/', an empty,
// "." or ".." segment, a character other than letters, digits, "-._~" and
// '/' (so no query, fragment, percent-escape or space), or more than
// k_max_base_path_bytes.
Result<std::string> parse_base_path(std::string_view text);

// `html` with `base_path` put before every root-relative URL ("/x", not
// "//host") of an href, src, action or formaction attribute.
std::string mount_links(std::string_view html, std::string_view base_path);

// HOST, HOST:PORT, IPv4 or [IPv6] with an optional port; at most 255 bytes.
bool is_host_and_port(std::string_view host);

// X-Forwarded-Proto's scheme, "http" or "https" (any case in the header),
// else "" (absent, or anything else). Of a list ("https, http"), the last
// value: the one the nearest proxy wrote.
std::string forwarded_scheme(std::string_view header);

// X-Forwarded-Host's host when it is_host_and_port, lower-cased, else "".
// Of a list, the last value.
std::string forwarded_host(std::string_view header);

} // namespace oped::http
