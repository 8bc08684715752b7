#pragma once

// "Did you mean" from the index's spelling keys (common/spelling_keys.hpp),
// which `oped index` brings up to date at every commit for the words it
// changed: a misspelt word looks up the keys of its own deletion variants,
// a few dozen metadata reads, and weighs the bounded lists found there, so
// the cost of a correction does not grow with the vocabulary. oped does not
// use Xapian's spelling table: in Xapian 1.4.22 it can become unreadable
// after enough commits ("Too few chunks of compressed data"), which would
// leave an index that no longer opens.

#include <xapian.h>

#include <string>
#include <string_view>

namespace oped::searcher {

// Edit distance (insertions, deletions, substitutions, adjacent swaps)
// between two UTF-8 words, counted in code points; stops early and returns
// limit + 1 once it exceeds `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

// The edits allowed to correct a word of `letters` letters: 1 up to five
// letters, 2 up to ten, 3 from eleven ("constitushun").
unsigned edit_limit(std::size_t letters);

// The indexed word closest to `word`, or empty when `word` (case folded) is
// itself indexed, too short or too long, or nothing is close enough: the
// fewest edits, then the most documents. Candidates share the first letter
// (or, for a word over seven letters, the last), as most misspellings do,
// and are looked up in the spelling keys; a word gone from the index is
// never offered. The correction takes the case of
// what was typed ("Hamliton" -> "Hamilton", "SOLDEIR" -> "SOLDIER"); a
// lower-case word that corrects to a name (a word of author names, in at
// least a tenth of the documents holding it) takes the name's display form.
std::string correct_word(const Xapian::Database& db, const std::string& word);

// The query text with each misspelt plain word corrected, or empty when
// nothing changes. Field names ("author:"), operators (AND, OR, NOT) and
// words inside field values are left alone.
std::string correct_query(const Xapian::Database& db, std::string_view text);

} // namespace oped::searcher
