#pragma once

// The sidebar of the search page: authors, outlets and tags with counts,
// each value a link that adds or removes it as a filter; and the chips of
// the filters in force.

#include "links.hpp"

#include <oped/searcher/search.hpp>

#include <string>

namespace oped::http {

std::string render_facets(const searcher::Facets& facets, const SearchLink& base);

// The active filters as removable chips, with "clear all"; empty when none.
std::string render_chips(const SearchLink& base);

}  // namespace oped::http
