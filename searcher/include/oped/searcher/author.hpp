#pragma once

// One author's place in the archive: how much they wrote, when, where,
// with whom, and the words that set their writing apart.

#include <oped/common/errors.hpp>
#include <oped/searcher/search.hpp>
#include <oped/searcher/timeline.hpp>

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::searcher {

inline constexpr std::size_t k_author_terms = 16;

struct AuthorProfile {
    std::string name; // the display name: the author's most frequent byline
    std::uint64_t articles = 0;
    // Every byline the author's articles carry (all the keys of the author,
    // author_groups.hpp), most articles first.
    std::vector<FacetValue> bylines;
    // The latest bio line (by publication date) of their articles, and its date.
    std::string bio;
    std::string bio_published;
    std::string first_published; // "YYYY-MM-DD"; empty when none is dated
    std::string last_published;
    std::vector<FacetValue> sites;     // outlets, most articles first
    std::vector<FacetValue> coauthors; // others named on their articles
    std::vector<std::string> distinctive_terms;
    Timeline timeline;
};

// not_found when no article names the author of the byline `name` (compared
// by author key: any byline of theirs finds them).
Result<AuthorProfile> author_profile(const Xapian::Database& db, std::string_view name);

// One author of the archive, for `oped authors`.
struct AuthorSummary {
    std::string name;              // the display name
    std::vector<std::string> keys; // its author keys, the first shared by the group
    std::uint64_t articles = 0;
    std::vector<FacetValue> bylines; // every byline form, most articles first
};

// Every author in the index, most articles first (then by name).
std::vector<AuthorSummary> list_authors(const Xapian::Database& db);

} // namespace oped::searcher
