#pragma once

// A search result's snippet: the passage of an article's text that best
// matches the query, HTML-escaped, the query's words and phrases inside
// <mark>...</mark>, cut at word boundaries, with an ellipsis where the text
// goes on.

#include <oped/searcher/highlight.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace oped::searcher {

// The passage of about `bytes` bytes of `body` (a page in `language`) that
// holds the most of what `highlighter` knows: its quoted phrases, then its
// words in a row as typed, then the most distinct words of the query (a word
// found often counts once), the earliest such passage of the text. The
// lead when no word of the query is in the text (the title or an author
// matched).
std::string query_snippet(std::string_view body, std::string_view language, std::size_t bytes,
                          const Highlighter& highlighter);

// The first `bytes` of text, cut at a word, HTML-escaped, with an ellipsis.
std::string lead_snippet(std::string_view text, std::size_t bytes);

std::string html_escape(std::string_view text);

} // namespace oped::searcher
