#pragma once

// Ranking that rewards a query's words together. The parsed query decides
// which pages match (every word, stemmed); the boost built here only reorders
// them: run as OP_AND_MAYBE(query, boost), it adds weight to a page where the
// words occur as typed, as a phrase or in adjacent pairs, and where they make
// up the title. Each part is bounded by a number of words, so a pasted
// paragraph costs a few phrase checks per candidate page, not a scan.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::searcher {

// The words a query asks for, in the order typed, as the indexer writes
// unstemmed terms (lower case, no prefix): quotes, `+` and punctuation
// dropped; excluded words (-word, -"a phrase") and field values (title:,
// site:, date:, ...) left out. Empty when the query uses boolean operators
// (AND, OR, NOT, XOR, NEAR, ADJ) or parentheses: its words then have no one
// order to reward. At most `limit` words.
std::vector<std::string> query_words(std::string_view normalised_text, std::size_t limit);

// The boost for `words` (see query_words()); empty when there are none.
// `stopper` tells the words that do not count on their own (a title holding
// "the" is no title match).
Xapian::Query ranking_boost(const std::vector<std::string>& words, const Xapian::Stopper& stopper);

} // namespace oped::searcher
