#pragma once

// The web folder's files (web/), as the server sends them: every reply
// carries a strong entity tag made from the bytes, so a browser revalidates
// its copy with If-None-Match and gets a 304 without the body when nothing
// changed. The files' URLs carry no version, so copies are never used
// without asking (Cache-Control: no-cache): a new oped is seen at once.

#include <string>
#include <string_view>

namespace oped::http {

inline constexpr std::string_view k_static_cache_control = "no-cache";

// A strong entity tag for these bytes: "\"" 16 hex digits of their FNV-1a
// hash, "-", their size in hex "\"".
std::string entity_tag(std::string_view body);

// Whether an If-None-Match header's value lists `etag` (or is "*"). The
// comparison is the weak one RFC 9110 prescribes for If-None-Match: W/"x"
// matches "x". A malformed list matches nothing, so the file is sent.
bool none_match(std::string_view if_none_match, std::string_view etag);

} // namespace oped::http
