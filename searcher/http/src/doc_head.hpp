#pragma once

// What the article page's <head> says about the article, for reference
// managers (Zotero reads the Highwire `citation_*` tags), search engines
// (schema.org NewsArticle as JSON-LD, the canonical URL) and link previews
// (Open Graph): the archive's permanent page is the article's URL, the
// original page is what it is based on.

#include <oped/common/article.hpp>

#include <string>
#include <string_view>

namespace oped::http {

// `base_url` is the absolute base of links ("https://host/archive"); the
// article's page is `archive_url`. Every value is escaped: attributes by
// html::Writer, the JSON-LD by json_ld_script.
std::string doc_head(const Article& article, const std::string& base_url, const std::string& archive_url);

// "1787-10-27" -> "1787/10/27", "1788-05" -> "1788/05", "1787" -> "1787";
// empty for anything else (Highwire's citation_publication_date).
std::string highwire_date(std::string_view iso);

// The start of the article's text, whole words, at most `max_bytes` (and an
// ellipsis when cut): the page's description.
std::string excerpt(const std::string& body, std::size_t max_bytes);

// The JSON as a <script type="application/ld+json"> element: '<', '>' and
// '&' written as \u escapes (no "</script>" can close it early), and U+2028
// and U+2029 as \u2028 and \u2029.
std::string json_ld_script(const std::string& json);

} // namespace oped::http
