#pragma once

// The spelling data's keys, shared by the indexer, which writes them at each
// commit, and the searcher, which reads them. Candidates for a misspelt word
// are found by symmetric deletion: a word is filed under every variant of
// its first k_prefix letters with up to k_filed_deletions letter deleted
// (never the first letter), and a query word looks up its own variants with
// up to k_lookup_deletions deleted, so two words an edit or two apart meet
// under a shared key. A longer word is also
// filed under the variants of its last k_prefix letters (any of them may be
// deleted), so words that share a long beginning ("pagekw1234", "pagekw1235")
// still meet when the error lies near their end. Each key holds a bounded
// list of words, the most frequent first: the cost of a lookup does not grow
// with the vocabulary.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace oped::spelling {

inline constexpr std::size_t k_prefix = 7;           // letters of a word that make its keys
inline constexpr std::size_t k_filed_deletions = 1;  // letters deleted, at most, from an indexed word
inline constexpr std::size_t k_lookup_deletions = 2; // and from a word looked up
inline constexpr std::size_t k_list_max = 24;        // words kept under one key
inline constexpr std::size_t k_min_letters = 3;
inline constexpr std::size_t k_max_letters = 30;

// The metadata key holding the words filed under `variant`.
std::string metadata_key(std::string_view variant);

// True for an index term that spelling may suggest: an unprefixed word
// term (lower case, no prefix capital) of 3 to 30 letters holding a letter.
bool is_word_term(std::string_view term);

// Marks the variants of a word's last letters.
inline constexpr std::string_view k_tail_mark = "$";

// The variants of `word` (lower case, UTF-8) with up to `deletions` letters
// of its first k_prefix deleted (never the first) and, when it is longer,
// of its last k_prefix (any of them), those marked with k_tail_mark;
// sorted and unique. Each keeps at least two letters.
std::vector<std::string> variants(std::string_view word, std::size_t deletions);

// A key's word list, as stored in its metadata value ("\n"-separated).
std::vector<std::string> decode_words(std::string_view value);
std::string encode_words(const std::vector<std::string>& words);

} // namespace oped::spelling
