#pragma once

// Looser readings of a parsed query, tried when it finds nothing. They are
// built on the query's tree rather than on its text, so that field filters
// (site:, date:) still filter and excluded words (-word, NOT) stay excluded.

#include <xapian.h>

#include <functional>
#include <string>

namespace oped::searcher {

bool has_phrase(const Xapian::Query& query);

// Every phrase as all of its words, in any order and place, each word as
// `loose` makes it (an empty query drops the word).
using LooseWord = std::function<Xapian::Query(const std::string& term)>;
Xapian::Query phrases_as_words(const Xapian::Query& query, const LooseWord& loose);

// Every phrase of three or more words as the pages that hold it with one
// word different (a quotation remembered wrong): each phrase of the words
// without one of them, in order within one more place than the phrase had,
// or all of them with one word between. A phrase longer than
// k_loose_phrase_words is instead either of its halves, in order. A loose
// phrase of nothing but stop words (`is_stop` of its terms) is left out.
inline constexpr std::size_t k_loose_phrase_words = 12;
using IsStop = std::function<bool(const std::string& term)>;
Xapian::Query phrases_loosened(const Xapian::Query& query, const IsStop& is_stop);

// The wanted words and phrases as alternatives: any of them will do.
Xapian::Query any_wanted_word(const Xapian::Query& query);

} // namespace oped::searcher
