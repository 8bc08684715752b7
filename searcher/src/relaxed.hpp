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

// The wanted words and phrases as alternatives: any of them will do.
Xapian::Query any_wanted_word(const Xapian::Query& query);

} // namespace oped::searcher
