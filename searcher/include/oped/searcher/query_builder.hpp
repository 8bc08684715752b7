#pragma once

// Query text and filter parameters -> Xapian::Query. Tested as tables of
// {input, get_description()} rows against a small in-memory database.

#include <oped/common/errors.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::searcher {

struct ParsedQuery {
    Xapian::Query query; // empty (MatchNothing) when the text has no words
    bool has_words = false;
    std::string corrected; // "did you mean", or empty
    std::string notice;    // set when the text was read differently
    // Looser readings tried in order when `query` finds nothing (a phrase
    // remembered a word or two wrong), each with the notice to show.
    std::vector<std::pair<Xapian::Query, std::string>> relaxed;
    // Reorders the matches of `query` or of a looser reading, run as
    // OP_AND_MAYBE(reading, boost): the words as a phrase, in pairs, in the
    // title (ranking.hpp). Empty when there is nothing to reward.
    Xapian::Query boost;
};

// Curly quotes to straight ones, ellipses and NBSPs to spaces.
std::string normalise_query_text(std::string_view text);

class DateFieldProcessor; // date: ranges; defined in query_builder.cpp

class QueryBuilder {
  public:
    // `db` gives wildcard expansion and spelling corrections; it must outlive this.
    explicit QueryBuilder(const Xapian::Database& db);
    QueryBuilder(const QueryBuilder&) = delete; // the parser points into this object
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    ParsedQuery parse(std::string_view text);
    const Xapian::Stem& stemmer() const { return m_stem; }

  private:
    Xapian::Query parse_with(const std::string& text, unsigned flags, Xapian::Query::op default_op);
    Xapian::Query parse_text(const std::string& text);
    Xapian::Query loose_word(const std::string& term) const;
    bool is_stop_term(const std::string& term) const; // a stop word, whatever its field prefix

    const Xapian::Database& m_db; // for spelling corrections
    Xapian::Stem m_stem;
    Xapian::SimpleStopper m_stopper;
    Xapian::QueryParser m_qp;    // after m_stopper, which it points to
    DateFieldProcessor* m_dates; // owned by m_qp
};

// The filters of a request (authors, sites, tags, years, from/to) as one
// boolean query; MatchAll when there are none. Invalid values are errors
// naming the parameter.
Result<Xapian::Query> filter_query(const SearchRequest& request);

// A query matching every document, made fresh: Xapian::Query::MatchAll is one
// shared object whose reference count is not atomic, so copying it from
// several server threads at once corrupts it.
Xapian::Query match_all();

} // namespace oped::searcher
