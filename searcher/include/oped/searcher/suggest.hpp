#pragma once

// Completions for what a user is typing into the search box: author names,
// then words of titles, by prefix. Bounded: a short prefix, a few results,
// and a limit on the terms scanned.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::searcher {

inline constexpr std::size_t k_max_suggestions = 10;
inline constexpr std::size_t k_max_suggest_bytes = 100;
inline constexpr std::size_t k_max_suggest_scan = 20000; // terms read per request

// Author names with a word starting with the text (most articles first),
// then the text with its last word completed from title words (most
// frequent first). At most `limit` (and k_max_suggestions), no duplicates.
std::vector<std::string> suggest(const Xapian::Database& db, std::string_view text, std::size_t limit);

} // namespace oped::searcher
