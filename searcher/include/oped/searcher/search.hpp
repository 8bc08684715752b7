#pragma once

// A search, as the HTTP API, the CLI and the web page ask for it, and its
// answer. Plain values: no Xapian, no JSON.

#include <oped/common/article.hpp>
#include <oped/searcher/copies.hpp>
#include <oped/searcher/time_words.hpp>
#include <oped/searcher/timeline.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oped::searcher {

enum class SortOrder { relevance, newest, oldest };

// Bounds on every input; the HTTP layer rejects values past them with 400.
inline constexpr std::size_t k_max_query_bytes = 1024;
inline constexpr unsigned k_default_per_page = 10;
inline constexpr unsigned k_max_per_page = 100;
inline constexpr unsigned k_max_depth = 10000;        // page * per_page
inline constexpr unsigned k_max_wildcard_terms = 100; // expansion of word*
inline constexpr std::size_t k_max_filter_values = 20;
inline constexpr double k_match_time_limit_s = 2.0;
inline constexpr unsigned k_facet_exact_up_to = 10000; // documents counted exactly
inline constexpr unsigned k_default_facet_size = 50;
inline constexpr std::size_t k_max_facet_find_bytes = 100;

struct SearchRequest {
    std::string query;
    std::vector<std::string> authors; // OR within, AND with the rest
    std::vector<std::string> sites;
    std::vector<std::string> tags;
    std::vector<std::string> years;
    std::vector<std::string> types;  // "article", "listing", "other"
    std::vector<std::string> genres; // schema::k_genres, or a reader's word for one ("letters")
    std::string from;                // "1787", "1787-11" or "1787-11-22"
    std::string to;
    SortOrder sort = SortOrder::relevance;
    unsigned page = 1;
    unsigned per_page = k_default_per_page;
    bool facets = true;
    unsigned facet_size = k_default_facet_size;
    // Finding one value in a long facet: only the values with a word that
    // starts with this text (case and accents folded), most frequent first,
    // among all the values of the matches, not only the top facet_size.
    std::string author_find;
    std::string tag_find;
    // Typed so far, not submitted: the last word is a prefix (madis finds
    // Madison), expanded as word* is, and no spelling is offered.
    bool partial = false;
    std::size_t snippet_bytes = 300;
    // With few results, search a spelling correction that finds more at
    // once; off ("spell=0"), the words are searched as typed and the
    // correction only offered.
    bool auto_correct = true;
    // Read time in the words ("since 2016", "last year") as a date filter,
    // unless from or to is given; off ("literal=1"), they are words.
    bool read_time_words = true;
    // The day "last year" is counted from; empty: today (UTC).
    std::string today;
    // One result per syndicated piece (the copy ranked first, with the
    // others as its `copies`); off ("collapse=0"), every copy is a result.
    bool collapse = true;
};

struct Hit {
    std::string id;          // public id (schema::public_id), stable across rebuilds
    std::uint32_t docid = 0; // Xapian docid, good for this revision only
    Article article;         // body left empty: too big for a result list
    std::string snippet;     // HTML-escaped, with <mark> around matches
    double score = 0;        // percent, 0..100
    // The piece's other copies (syndicated), earliest first; empty when it
    // ran once. With collapsing, the hit stands for them all.
    std::vector<CopyRef> copies;
};

struct FacetValue {
    std::string value;
    std::uint64_t count = 0;
};

struct Facets {
    std::vector<FacetValue> author, year, site, tag, genre;
    bool exact = true;
};

struct SearchResponse {
    std::string query;
    std::string corrected;          // the query with its spelling corrected, or empty
    bool showing_corrected = false; // the results are for `corrected`, not `query`
    std::string notice;             // why the query was read differently, or empty
    std::uint64_t total = 0;
    bool total_is_exact = true;
    unsigned page = 1;
    unsigned per_page = k_default_per_page;
    double took_ms = 0;
    std::vector<Hit> results;
    Facets facets;
    Timeline timeline; // matches per year or month; empty without facets
    // Time read from the words as a date filter ("since 2016"), or nullopt.
    std::optional<TimeWords> time_words;
};

} // namespace oped::searcher
