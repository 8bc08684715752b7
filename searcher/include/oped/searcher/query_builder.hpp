#pragma once

// Query text and filter parameters -> Xapian::Query. Tested as tables of
// {input, get_description()} rows against a small in-memory database.

#include <oped/common/author_groups.hpp>
#include <oped/common/errors.hpp>
#include <oped/common/outlets.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <memory>
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
    // Reorders the matches of `query`, run as with_boost(query, boost): the
    // words as a phrase, in pairs, in the title (ranking.hpp). Empty when
    // there is nothing to reward.
    Xapian::Query boost;
    // The same for the looser readings, whose matches need not hold the
    // quoted phrases that `boost` takes as checked.
    Xapian::Query loose_boost;
};

// Curly quotes to straight ones, ellipses and NBSPs to spaces.
std::string normalise_query_text(std::string_view text);

class DateFieldProcessor; // date: ranges; defined in query_builder.cpp
struct QueryReading;      // one language's reading; defined in query_builder.cpp

// At most this many languages are read with their own stemmer and stop
// words (the index's commonest); pages in the others match words as written.
inline constexpr std::size_t k_max_query_languages = 6;

class QueryBuilder {
  public:
    // `db` gives wildcard expansion, spelling corrections and the languages
    // of its pages; it must outlive this.
    explicit QueryBuilder(const Xapian::Database& db);
    QueryBuilder(const QueryBuilder&) = delete; // the parser points into this object
    QueryBuilder& operator=(const QueryBuilder&) = delete;
    ~QueryBuilder();

    // The query's words are read once per language the index holds (each
    // language's stemmer and stop words, for that language's pages only),
    // or per language named by lang: in the text. `partial`: the text is
    // being typed, so its last word is a prefix (Xapian's FLAG_PARTIAL,
    // expanded as word* is) and no correction is offered for a word not
    // finished.
    ParsedQuery parse(std::string_view text, bool partial = false);
    // The stemmer of the first reading (the index's commonest language).
    const Xapian::Stem& stemmer() const;

  private:
    Xapian::Query parse_with(const QueryReading& reading, const std::string& text, unsigned flags,
                             Xapian::Query::op default_op);
    Xapian::Query parse_text(const QueryReading& reading, const std::string& text, unsigned flags);
    Xapian::Query loose_word(const QueryReading& reading, const std::string& term) const;
    // The readings for `text`, chosen from the index's languages and lang:.
    std::vector<const QueryReading*> readings_for(const std::string& text);

    const Xapian::Database& m_db;                          // for spelling corrections
    std::vector<std::unique_ptr<QueryReading>> m_readings; // the index's languages, commonest first
    std::vector<std::unique_ptr<QueryReading>> m_named;    // languages named by lang:
    Xapian::QueryParser m_qp;                              // points to the readings' stoppers
    DateFieldProcessor* m_dates;                           // owned by m_qp
};

// The filters of a request (authors, sites, tags, years, from/to) as one
// boolean query; MatchAll when there are none. Invalid values are errors
// naming the parameter. With the index's outlet table, an outlet's name
// selects every page of the sites shown under it or giving it (outlets.hpp),
// besides the pages giving it; without, only those. An author is found by
// key, with every key `groups` (the index's) counts as the same author;
// without `groups`, by its own key and exact byline only.
Result<Xapian::Query> filter_query(const SearchRequest& request, const schema::OutletTable* outlets = nullptr,
                                   const schema::AuthorGroups* groups = nullptr);

// A query matching every document, made fresh: Xapian::Query::MatchAll is one
// shared object whose reference count is not atomic, so copying it from
// several server threads at once corrupts it.
Xapian::Query match_all();

} // namespace oped::searcher
