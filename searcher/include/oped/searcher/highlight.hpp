#pragma once

// The words of a query marked in a whole text, for an article reached from
// a search. Words match as the query matches them: as typed, by stem, or as
// one of the (bounded) expansions of a wildcard; excluded words (-word,
// NOT word) are not marked.

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace oped::searcher {

class Highlighter {
  public:
    // `db` gives the query parser its wildcard and spelling data.
    Highlighter(const Xapian::Database& db, std::string_view query);
    // The words of a query already parsed (QueryBuilder::parse); `db` expands
    // its wildcards. (A factory: a string converts to a Xapian::Query too.)
    static Highlighter of_parsed(const Xapian::Database& db, const Xapian::Query& query);

    bool empty() const { return m_words.empty() && m_stems.empty(); }

    // `text` HTML-escaped, each word of the query inside <mark>...</mark>.
    std::string html(std::string_view text) const;

    // Where the first word of the query starts in `text`, if anywhere.
    std::optional<std::size_t> first_match(std::string_view text) const;

  private:
    Highlighter() : m_stem("en") {}
    // Calls on_word(start, end, word in lower case) for each word of `text`
    // until it returns false.
    template <typename OnWord>
    static void each_word(std::string_view text, OnWord on_word);
    bool matches(const std::string& lower) const; // `lower`: a word in lower case
    void add_terms(const Xapian::Database& db, const Xapian::Query& query);
    void add_term(std::string_view term);

    Xapian::Stem m_stem;
    std::set<std::string> m_words; // unstemmed, lower case
    std::set<std::string> m_stems;
};

} // namespace oped::searcher
