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
    std::string name; // the display name as indexed
    std::uint64_t articles = 0;
    std::string first_published; // "YYYY-MM-DD"; empty when none is dated
    std::string last_published;
    std::vector<FacetValue> sites;     // outlets, most articles first
    std::vector<FacetValue> coauthors; // others named on their articles
    std::vector<std::string> distinctive_terms;
    Timeline timeline;
};

// The filter that selects an author's articles (exact, case-folded name).
Xapian::Query author_query(std::string_view name);

// not_found when no article names `name` (compared case-folded).
Result<AuthorProfile> author_profile(const Xapian::Database& db, std::string_view name);

} // namespace oped::searcher
