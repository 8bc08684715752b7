#pragma once

// The sidebar of the search page: authors, genres, outlets and tags with counts,
// each value a link that adds or removes it as a filter, and a find box
// (a GET form) for long lists; and the chips of the filters in force.

#include "links.hpp"

#include <oped/searcher/search.hpp>

#include <string>
#include <vector>

namespace oped::http {

// The texts of the authors' and tags' find boxes (author_find, tag_find):
// when set, those facets hold only the values found.
struct FacetFinds {
    std::string author;
    std::string tag;
};

std::string render_facets(const searcher::Facets& facets, const SearchLink& base, const FacetFinds& finds);

// A filter in force ("Author: James Madison") and the state without it.
struct FilterChip {
    std::string label;
    SearchLink without;
};
std::vector<FilterChip> filter_chips(const SearchLink& base);

// The active filters as removable chips, with "clear all"; empty when none.
std::string render_chips(const SearchLink& base);

} // namespace oped::http
