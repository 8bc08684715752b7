#pragma once

// The facets of one search, counted as disjunctive (multi-select) facets: a
// facet whose field the request filters counts its values as if that field
// were not filtered (every other filter still applies), so a reader who chose
// one author still sees the others the query finds and can add one (values of
// one field are ORed, fields ANDed). The facets of unfiltered fields and the
// timeline count in the search's own match; each filtered field costs one
// more match, over at most k_facet_exact_up_to documents, with one spy.

#include <oped/common/outlets.hpp>
#include <oped/searcher/facets.hpp>
#include <oped/searcher/search.hpp>
#include <oped/searcher/timeline_spy.hpp>

#include <xapian.h>

#include <array>
#include <string>
#include <vector>

namespace oped::searcher {

enum class FacetField { author, year, site, tag, genre };

// The request's filter values of a facet's field.
std::vector<std::string>& filter_values(SearchRequest& request, FacetField field);

class FacetSpies {
  public:
    // `groups` (the index's authors) must outlive the spies.
    FacetSpies(const SearchRequest& request, const schema::AuthorGroups& groups);
    FacetSpies(const FacetSpies&) = delete;
    FacetSpies& operator=(const FacetSpies&) = delete;

    // The spies of the unfiltered fields and the timeline.
    std::vector<Xapian::MatchSpy*> unfiltered();
    void attach(Xapian::Enquire& enquire);
    // The fields the request filters, each to be counted by count_alone().
    const std::vector<FacetField>& filtered() const { return m_filtered; }
    // Counts `field` over the matches of `query` (the search's words, with
    // every filter but this field's); returns whether it saw them all.
    bool count_alone(const Xapian::Database& db, const Xapian::Query& query, FacetField field);

    // Documents the attached spies saw.
    Xapian::doccount seen() const { return m_timeline.seen(); }
    const TimelineSpy& timeline() const { return m_timeline; }
    // The values, top request.facet_size of each, chosen values kept; the
    // sites counted by site key are shown by the names of `outlets`.
    void fill(Facets& out, const SearchRequest& request, const schema::OutletTable& outlets);

  private:
    ListCountSpy& spy(FacetField field) { return m_spies[static_cast<std::size_t>(field)]; }
    const ListCountSpy& spy(FacetField field) const { return m_spies[static_cast<std::size_t>(field)]; }

    std::array<ListCountSpy, 5> m_spies;
    std::vector<FacetField> m_filtered;
    TimelineSpy m_timeline;
};

} // namespace oped::searcher
