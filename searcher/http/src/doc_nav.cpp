#include "doc_nav.hpp"

#include <oped/http/handlers.hpp>

#include <algorithm>

namespace oped::http {
namespace {

constexpr unsigned k_max_window = 100;       // per_page at most
constexpr unsigned k_same_day_articles = 20; // an author's articles of one day looked through
constexpr std::size_t k_max_rank_digits = 5; // k_max_depth is 10000
constexpr std::size_t k_snippet_bytes = 40;  // neighbours show no snippet: keep it cheap

Result<searcher::SearchResponse> run(searcher::Searcher& searcher, const ParamMap& params) {
    auto request = parse_search_params(params);
    if (!request) return request.error();
    request.value().facets = false;
    request.value().snippet_bytes = k_snippet_bytes;
    return searcher.search(request.value());
}

Neighbour neighbour(const searcher::Hit& hit, std::uint64_t rank) {
    return {hit.id, hit.article.title, hit.article.published, rank};
}

std::string day_of(const std::string& published) {
    return published.substr(0, std::min<std::size_t>(10, published.size()));
}

} // namespace

std::uint64_t parse_rank(const ParamMap& params) {
    const auto it = params.find("rank");
    if (it == params.end()) return 0;
    const std::string& text = it->second;
    if (text.empty() || text.size() > k_max_rank_digits || text.find_first_not_of("0123456789") != std::string::npos) {
        return 0;
    }
    const std::uint64_t rank = std::stoull(text);
    return rank <= searcher::k_max_depth ? rank : 0;
}

Neighbours result_neighbours(searcher::Searcher& searcher, const SearchLink& state, std::uint64_t rank,
                             const std::string& id) {
    if (rank == 0) return {};
    // A window [start, start + size) of the results holding rank-1 and rank+1
    // (0-based: rank-2 and rank), as a page of `size` results.
    const std::uint64_t at = rank - 1;
    unsigned size = 2;
    if (at > 0) {
        size = 3;
        while (size <= k_max_window && (at - 1) / size != (at + 1) / size) ++size;
        if (size > k_max_window) return {};
    }
    const std::uint64_t page = (at == 0 ? 0 : (at - 1) / size) + 1;
    ParamMap params;
    for (const auto& key : search_keys()) {
        if (key == "page" || key == "per_page") continue;
        for (const auto& value : state.all(key)) params.emplace(std::string(key), value);
    }
    params.emplace("page", std::to_string(page));
    params.emplace("per_page", std::to_string(size));
    auto found = run(searcher, params);
    if (!found) return {};
    const auto& hits = found.value().results;
    const auto here = std::find_if(hits.begin(), hits.end(), [&](const auto& h) { return h.id == id; });
    if (here == hits.end()) return {};
    const auto pos = static_cast<std::uint64_t>(here - hits.begin());
    const std::uint64_t first = (page - 1) * size + 1;
    Neighbours out;
    if (pos > 0) out.previous = neighbour(hits[pos - 1], first + pos - 1);
    if (pos + 1 < hits.size()) out.next = neighbour(hits[pos + 1], first + pos + 1);
    return out;
}

Neighbours author_neighbours(searcher::Searcher& searcher, const std::string& author, const Article& article,
                             const std::string& id) {
    const std::string day = day_of(article.published);
    if (author.empty() || day.size() != 10) return {};
    const std::string per_page = std::to_string(k_same_day_articles);
    // From its day on, oldest first: the same day's articles, then later ones.
    auto later = run(searcher, {{"author", author}, {"from", day}, {"sort", "oldest"}, {"per_page", per_page}});
    if (!later) return {};
    const auto& hits = later.value().results;
    const auto here = std::find_if(hits.begin(), hits.end(), [&](const auto& h) { return h.id == id; });
    if (here == hits.end()) return {};
    Neighbours out;
    if (here + 1 != hits.end()) out.next = neighbour(*(here + 1), 0);
    if (here != hits.begin()) {
        out.previous = neighbour(*(here - 1), 0); // the same day, sorted before it
        return out;
    }
    // Up to its day, newest first: the first article of an earlier day; of
    // several that day, the last in the order "next" walks them.
    auto earlier = run(searcher, {{"author", author}, {"to", day}, {"sort", "newest"}, {"per_page", per_page}});
    if (!earlier) return out;
    const auto& before = earlier.value().results;
    const auto found = std::find_if(before.begin(), before.end(),
                                    [&](const auto& h) { return h.id != id && day_of(h.article.published) < day; });
    if (found == before.end()) return out;
    out.previous = neighbour(*found, 0);
    const std::string that_day = day_of(found->article.published);
    if (that_day.size() != day.size()) return out;
    auto same =
        run(searcher,
            {{"author", author}, {"from", that_day}, {"to", that_day}, {"sort", "oldest"}, {"per_page", per_page}});
    if (same && !same.value().results.empty()) out.previous = neighbour(same.value().results.back(), 0);
    return out;
}

} // namespace oped::http
