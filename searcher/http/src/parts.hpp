#pragma once

// Pieces the search, author and article pages share: a result, the
// timeline chart, pagination, numbers and dates as people read them.

#include "links.hpp"

#include <oped/http/html.hpp>

#include <oped/searcher/search.hpp>
#include <oped/searcher/timeline.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace oped::http {

// Values shown before "show more" in a facet list.
inline constexpr std::size_t k_facet_visible = 8;

std::string format_count(std::uint64_t n); // 1234 -> "1,234"
std::string plural(std::uint64_t n, std::string_view one,
                   std::string_view many); // "1 article", "2 articles"

// The author page's URL.
std::string author_url(std::string_view name);
// The article page's URL; `query` is carried for highlighting.
std::string doc_url(std::string_view id, std::string_view query);

// The article page reached from a search: the search's state (query,
// filters, sort, page) carried, so the page marks the query's words, leads
// back to the same results and to the neighbouring ones; `rank` is the
// result's place in the whole list from 1 (0: none).
std::string doc_link(std::string_view id, const SearchLink& state, std::uint64_t rank);

// One result as an <li>: the title to the archive's article page (doc_link),
// authors filtering `base`, date, outlet, snippet, the original as a
// secondary "source" link, and "Cite" to the article page's citations.
std::string render_hit(const searcher::Hit& hit, const SearchLink& base, std::uint64_t rank = 0);

// A facet value inside its link: the name, then the count, read as "James
// Madison 2 articles". No aria-label: the link's name is its visible text
// (axe: label-content-name-mismatch).
void facet_value(html::Writer& w, const std::string& value, std::uint64_t count);

// The article's genre as a link to the search for its genre ("Opinion",
// class "genre genre-opinion" plus `cls`); nothing for no genre or "other",
// which says nothing a reader needs.
void genre_link(html::Writer& w, const Article& a, const std::string& cls);

// "Updated 3 November 1787" (a.updated set), and the "Corrected" badge
// linking to the notices at `corrections_href`: on results and the article.
void updated_span(html::Writer& w, const Article& a);
void correction_badge(html::Writer& w, const std::string& corrections_href);

// "Also ran in The X (3 November 1787), The Y (5 November 1787)": a
// syndicated piece's other copies, earliest first, each linking to its
// article page with the search's `state` carried; nothing when there are none.
void copies_line(html::Writer& w, const std::vector<searcher::CopyRef>& copies, const SearchLink& state);

// The chart: one bar per bin linking to `base` with that period as from/to.
// `caption` says what is counted ("Matching articles").
std::string render_timeline(const searcher::Timeline& timeline, const SearchLink& base, std::string_view caption);

// Page links around `page` of `last`; empty when there is one page.
std::string render_pagination(unsigned page, unsigned last, const SearchLink& base);

// The last page a result list can show.
unsigned last_page(std::uint64_t total, unsigned per_page);

} // namespace oped::http
