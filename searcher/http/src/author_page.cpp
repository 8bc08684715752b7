// "/author/{name}": everything one author wrote, newest first, with their
// timeline, outlets, co-authors and the words that set them apart.

#include <oped/http/pages.hpp>

#include "layout.hpp"
#include "links.hpp"
#include "parts.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/html.hpp>
#include <oped/searcher/author.hpp>

namespace oped::http {
namespace {

constexpr unsigned k_per_page = 20;
constexpr std::size_t k_max_name_bytes = 200;

void counted_list(html::Writer& w, std::string_view heading, std::string_view id,
                  const std::vector<searcher::FacetValue>& values, auto&& href) {
    if (values.empty()) return;
    w.open("section", {{"class", "facet"}, {"aria-labelledby", std::string(id)}});
    w.element("h2", {{"id", std::string(id)}, {"class", "facet-heading"}}, heading);
    w.open("ul", {{"class", "facet-list"}});
    for (const auto& v : values) {
        w.open("li").open("a", {{"href", href(v.value)}});
        facet_value(w, v.value, v.count);
        w.close("a").close("li");
    }
    w.close("ul").close("section");
}

// Every byline the author's articles carry, with how many carry it.
void bylines(html::Writer& w, const std::vector<searcher::FacetValue>& forms) {
    if (forms.empty()) return;
    w.open("section", {{"class", "facet"}, {"aria-labelledby", "author-bylines"}});
    w.element("h2", {{"id", "author-bylines"}, {"class", "facet-heading"}}, "Bylines");
    w.open("ul", {{"class", "facet-list byline-list"}});
    for (const auto& v : forms) {
        w.open("li", {{"aria-label", v.value + ", " + plural(v.count, "article", "articles")}});
        w.element("span", {{"class", "facet-name"}}, v.value);
        w.element("span", {{"class", "facet-count"}}, format_count(v.count));
        w.close("li");
    }
    w.close("ul").close("section");
}

std::string span_text(const searcher::AuthorProfile& p) {
    std::string out = plural(p.articles, "article", "articles");
    if (!p.first_published.empty()) {
        out += ", " + html::readable_date(p.first_published);
        if (p.last_published != p.first_published) out += " \xE2\x80\x93 " + html::readable_date(p.last_published);
    }
    if (!p.sites.empty()) out += ", in " + plural(p.sites.size(), "outlet", "outlets");
    return out;
}

} // namespace

Reply handle_author_page(const std::string& name, const ParamMap& params, searcher::Searcher& searcher) {
    if (name.empty() || name.size() > k_max_name_bytes) {
        return error_page(Error{ErrorCode::not_found, "No author by that name is in the archive.", "author"});
    }
    auto found = searcher::author_profile(searcher.database(), name);
    if (!found) {
        return error_page(
            Error{ErrorCode::not_found, "No article in the archive names " + name + " as an author.", "author"});
    }
    const auto& p = found.value();

    ParamMap search_params{{"author", p.name}, {"sort", "newest"}, {"per_page", std::to_string(k_per_page)}};
    const auto page = params.find("page");
    if (page != params.end()) search_params.emplace("page", page->second);
    auto request = parse_search_params(search_params);
    if (!request) return error_page(request.error());
    request.value().facets = false;
    auto listing = searcher.search(request.value());
    if (!listing) return error_page(listing.error());
    const auto& r = listing.value();

    SearchLink filter(ParamMap{{"author", p.name}});
    html::Writer w;
    w.open("header", {{"class", "author-header"}});
    w.element("p", {{"class", "kicker"}}, "Author");
    w.element("h1", {{"class", "author-name"}}, p.name);
    w.element("p", {{"class", "author-stats"}}, span_text(p));
    if (!p.bio.empty()) {
        w.open("p", {{"class", "author-bio"}});
        w.text(p.bio);
        if (!p.bio_published.empty()) {
            w.text(" ");
            w.element("span", {{"class", "author-bio-date"}}, "(" + html::readable_date(p.bio_published) + ")");
        }
        w.close("p");
    }
    w.open("p", {{"class", "author-actions"}});
    w.element("a", {{"href", filter.url()}, {"class", "button-link"}}, "Search their articles");
    SearchLink feed = filter;
    feed.path("/feed");
    w.element("a", {{"href", feed.url()}, {"class", "feed-inline"}, {"type", "application/atom+xml"}}, "Atom feed");
    w.close("p");
    w.close("header");

    w.open("div", {{"class", "layout"}});
    w.open("div", {{"class", "results-col"}});
    w.open("section", {{"class", "timeline-panel"}, {"aria-label", "Timeline"}});
    w.raw(render_timeline(p.timeline, filter, "Their articles"));
    w.close("section");
    w.open("section", {{"class", "results"}, {"aria-labelledby", "author-articles"}});
    w.open("div", {{"class", "results-head"}});
    w.element("h2", {{"id", "author-articles"}, {"class", "results-heading"}}, "Articles, newest first");
    w.close("div");
    if (r.results.empty()) {
        w.element("p", {{"class", "empty"}}, "No articles on this page.");
    } else {
        const std::uint64_t first = static_cast<std::uint64_t>(r.page - 1) * r.per_page + 1;
        w.open("ol", {{"class", "hits"}, {"start", std::to_string(first)}});
        for (const auto& hit : r.results) w.raw(render_hit(hit, filter));
        w.close("ol");
    }
    SearchLink pages(ParamMap{}, author_url(p.name));
    w.raw(render_pagination(r.page, last_page(r.total, r.per_page), pages));
    w.close("section");
    w.close("div");

    w.open("aside", {{"class", "facets"}, {"aria-label", "About " + p.name}});
    if (!p.distinctive_terms.empty()) {
        w.open("section", {{"class", "facet"}, {"aria-labelledby", "author-terms"}});
        w.element("h2", {{"id", "author-terms"}, {"class", "facet-heading"}}, "Words that set them apart");
        w.open("ul", {{"class", "term-list"}});
        for (const auto& term : p.distinctive_terms) {
            SearchLink link = filter;
            link.set("q", term);
            w.open("li").element("a", {{"href", link.url()}}, term).close("li");
        }
        w.close("ul").close("section");
    }
    counted_list(w, "Outlets", "author-outlets", p.sites, [&](const std::string& site) {
        SearchLink link = filter;
        return link.add("site", site).url();
    });
    bylines(w, p.bylines);
    counted_list(w, "Wrote with", "author-coauthors", p.coauthors,
                 [](const std::string& other) { return author_url(other); });
    w.close("aside");
    w.close("div");

    PageFrame frame;
    frame.title = p.name;
    frame.kind = "author";
    frame.feed_url = feed.url();
    return html::page_reply(render_page(frame, w.str()));
}

} // namespace oped::http
