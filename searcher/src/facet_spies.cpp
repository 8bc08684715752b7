#include "facet_spies.hpp"

#include <oped/common/schema.hpp>
#include <oped/searcher/local_shards.hpp>
#include <oped/searcher/remote_spies.hpp>

#include <algorithm>

namespace oped::searcher {
namespace {

constexpr std::array<FacetField, 5> k_fields{FacetField::author, FacetField::year, FacetField::site, FacetField::tag,
                                             FacetField::genre};

template <class Request>
auto& values_in(Request& request, FacetField field) {
    switch (field) {
        case FacetField::author:
            return request.authors;
        case FacetField::year:
            return request.years;
        case FacetField::site:
            return request.sites;
        case FacetField::genre:
            return request.genres;
        case FacetField::tag:
            break;
    }
    return request.tags;
}

} // namespace

std::vector<std::string>& filter_values(SearchRequest& request, FacetField field) { return values_in(request, field); }

FacetSpies::FacetSpies(const SearchRequest& request, const schema::AuthorGroups& groups)
    : m_spies{ListCountSpy(groups), ListCountSpy(schema::slot::year, false),
              ListCountSpy(schema::slot::site_key, false), ListCountSpy(schema::slot::tags, true),
              ListCountSpy(schema::slot::genre, false)} {
    for (const FacetField field : k_fields) {
        if (!values_in(request, field).empty()) m_filtered.push_back(field);
    }
    // As the results collapse copies, so do the counts.
    for (auto& spy : m_spies) spy.count_pieces(request.collapse);
    m_timeline.count_pieces(request.collapse);
}

std::vector<Xapian::MatchSpy*> FacetSpies::unfiltered() {
    std::vector<Xapian::MatchSpy*> out;
    for (const FacetField field : k_fields) {
        if (std::find(m_filtered.begin(), m_filtered.end(), field) == m_filtered.end()) out.push_back(&spy(field));
    }
    out.push_back(&m_timeline);
    return out;
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
    for (auto* spy : unfiltered()) enquire.add_matchspy(spy);
}

bool FacetSpies::count_alone(const Xapian::Database& db, const Xapian::Query& query, FacetField field) {
    if (spies_run_remotely(db)) {
        return count_remotely(db, query, {&spy(field)}, k_facet_exact_up_to, k_remote_facet_bound);
    }
    Xapian::Enquire counter(db);
    counter.set_weighting_scheme(Xapian::BoolWeight()); // counts only: no weights to compute
    counter.set_time_limit(k_match_time_limit_s);
    counter.set_query(query);
    ListCountSpy& counted = spy(field);
    counter.add_matchspy(&counted);
    if (counts_need_first_matches(db)) {
        FirstMatches first_ones(k_facet_exact_up_to);
        counter.get_mset(0, 0, k_facet_exact_up_to, nullptr, &first_ones);
        return first_ones.offered() == first_ones.accepted();
    }
    const Xapian::MSet mset = counter.get_mset(0, 0, k_facet_exact_up_to);
    return mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
           counted.seen() >= mset.get_matches_estimated();
}

void FacetSpies::fill(Facets& out, const SearchRequest& request, const schema::OutletTable& outlets) {
    const std::size_t size = request.facet_size;
    spy(FacetField::site).relabel([&](const auto& by_key) { return schema::counts_by_name(by_key, outlets); });
    out.author = spy(FacetField::author).top(size, request.author_find);
    out.year = spy(FacetField::year).top(size);
    out.site = spy(FacetField::site).top(size);
    out.tag = spy(FacetField::tag).top(size, request.tag_find);
    if (request.author_find.empty()) spy(FacetField::author).keep_chosen(out.author, request.authors);
    if (request.tag_find.empty()) spy(FacetField::tag).keep_chosen(out.tag, request.tags);
    spy(FacetField::year).keep_chosen(out.year, request.years);
    spy(FacetField::site).keep_chosen(out.site, request.sites);
    out.genre = spy(FacetField::genre).top(size);
    // The chosen genres as stored ("letters" typed is "letter"), to be kept.
    std::vector<std::string> genres;
    for (const auto& g : request.genres) genres.push_back(schema::canonical_genre(g));
    spy(FacetField::genre).keep_chosen(out.genre, genres);
}

} // namespace oped::searcher
