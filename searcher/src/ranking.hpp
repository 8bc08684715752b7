#pragma once

// Ranking that rewards a query's words together. The parsed query decides
// which pages match (every word, stemmed); the boost built here only reorders
// them: run with with_boost(query, boost), it adds weight to a page where the
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
struct QueryWords {
    std::vector<std::string> words;
    // Per word: 1 + the number of the quoted phrase that holds it, counted
    // from 0 in the order typed; 0 for a word outside quotes.
    std::vector<std::size_t> phrase;
};
QueryWords query_words(std::string_view normalised_text, std::size_t limit);

// The boost for `words` (see query_words()); empty when there are none.
// `stopper` tells the words that do not count on their own (a title holding
// "the" is no title match). With `phrases_required` (the query was read as
// typed, so every page it matches holds each quoted phrase), the boost checks
// no positions the query has checked: a pair of words inside one quoted
// phrase, and the whole query when it is one quoted phrase, are weighed by
// their words without a phrase check. A phrase's weight is its words'
// weight, so every match weighs the same as with the checks: a phrase query
// of common words checked each match's positions three times.
Xapian::Query ranking_boost(const QueryWords& words, const Xapian::Stopper& stopper, bool phrases_required);

// The pages of `query`, each weighted by `query` plus `boost` where the boost
// matches it too. Written as OR(query, FILTER(boost, query)), not as
// OP_AND_MAYBE(query, boost): with Xapian 1.4.22's matcher, a boost that is an
// OR holding phrases, put on the right of OP_AND_MAYBE, adds the phrases'
// weight to pages whose words are all there but not in a row, depending on how
// far the match runs (check_at_least), so a page with the words apart could
// outrank every page with the phrase (tests: search_ranking_test).
Xapian::Query with_boost(const Xapian::Query& query, const Xapian::Query& boost);

} // namespace oped::searcher
