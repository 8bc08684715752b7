#pragma once

// Completions for what a user is typing into the search box, from the
// index's own words, phrases, author names and headlines. Bounded: a short
// text, a few results, a limit on the terms scanned, on the completions
// counted as phrases and on the pages read.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::searcher {

inline constexpr std::size_t k_max_suggestions = 10;
inline constexpr std::size_t k_max_suggest_bytes = 100;
inline constexpr std::size_t k_max_suggest_scan = 20000; // terms read per request

// The text with its last word completed (the most frequent words starting
// with it; after another word, those that follow that word as a phrase in
// the most pages: "standing ar" -> "standing army"), and author names with
// a word starting with the text, ranked together by how many pages hold
// them; then up to three headlines that begin with the typed words. Words
// are written as the pages write them ("madis" -> "Madison"). At most
// `limit` (and k_max_suggestions), no two the same but for case.
std::vector<std::string> suggest(const Xapian::Database& db, std::string_view text, std::size_t limit);

} // namespace oped::searcher
