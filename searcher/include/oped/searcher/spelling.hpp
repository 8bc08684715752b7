#pragma once

// "Did you mean" from the index's own vocabulary: the unprefixed word terms
// of titles and bodies, with their document frequencies. oped does not use
// Xapian's spelling table: in Xapian 1.4.22 it can become unreadable after
// enough commits ("Too few chunks of compressed data"), which would leave an
// index that no longer opens.

#include <xapian.h>

#include <string>
#include <string_view>

namespace oped::searcher {

// Terms looked at for one word at most; bounds the cost on a large index.
inline constexpr std::size_t k_max_spelling_candidates = 50000;

// Edit distance (insertions, deletions, substitutions, adjacent swaps)
// between two UTF-8 words, counted in code points; stops early and returns
// limit + 1 once it exceeds `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

// The indexed word closest to `word` (lower-cased), or empty when `word` is
// itself indexed, too short, or nothing is close: distance 1 for words of up
// to five letters, 2 for longer ones, the more frequent on a tie. Candidates
// share the first letter, as most misspellings do.
std::string correct_word(const Xapian::Database& db, const std::string& word);

// The query text with each misspelt plain word corrected, or empty when
// nothing changes. Field names ("author:"), operators (AND, OR, NOT) and
// words inside field values are left alone.
std::string correct_query(const Xapian::Database& db, std::string_view text);

} // namespace oped::searcher
