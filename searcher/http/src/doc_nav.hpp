#pragma once

// The article page's ways on: the results before and after it in the search
// it was reached from (the search's parameters and the result's place are in
// its URL, so this needs no script and no session), and the same author's
// articles before and after it by date.

#include "links.hpp"

#include <oped/common/article.hpp>
#include <oped/searcher/searcher.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace oped::http {

struct Neighbour {
    std::string id;
    std::string title;
    std::string published;
    std::uint64_t rank = 0; // its place in the results, from 1; 0 for an author's
};

struct Neighbours {
    std::optional<Neighbour> previous;
    std::optional<Neighbour> next;
};

// "rank=N" as a place in a result list: 1 to the deepest served, else 0.
std::uint64_t parse_rank(const ParamMap& params);

// The results at rank-1 and rank+1 of the search `state` describes, read in
// one match of a window holding both. None when the result at `rank` is no
// longer `id` nearby (the index changed) or the search fails.
Neighbours result_neighbours(searcher::Searcher& searcher, const SearchLink& state, std::uint64_t rank,
                             const std::string& id);

// `author`'s articles just before and after `article` by publication day;
// those of the same day in the order the searcher sorts them.
Neighbours author_neighbours(searcher::Searcher& searcher, const std::string& author, const Article& article,
                             const std::string& id);

} // namespace oped::http
