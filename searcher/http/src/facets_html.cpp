#include "facets_html.hpp"

#include "parts.hpp"

#include <oped/http/html.hpp>

namespace oped::http {
namespace {

struct FacetSpec {
    std::string_view key;  // the URL parameter
    std::string_view heading;
    std::string_view find;  // placeholder of the find box; empty: no box
};

void facet_section(html::Writer& w, const FacetSpec& spec, const std::vector<searcher::FacetValue>& values,
                   const SearchLink& base) {
    if (values.empty()) return;
    const std::string id = "facet-" + std::string(spec.key);
    w.open("section", {{"class", "facet"}, {"data-facet", std::string(spec.key)}, {"aria-labelledby", id}});
    w.element("h2", {{"id", id}, {"class", "facet-heading"}}, spec.heading);
    if (!spec.find.empty() && values.size() > k_facet_visible) {
        // Shown by the script, which filters the list as one types.
        w.open("input", {{"type", "search"},
                         {"class", "facet-find"},
                         {"placeholder", std::string(spec.find)},
                         {"aria-label", std::string(spec.find)},
                         {"hidden", "hidden"}});
    }
    w.open("ul", {{"class", "facet-list"}});
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& v = values[i];
        const bool active = base.has(spec.key, v.value);
        SearchLink link = base;
        link.toggle(spec.key, v.value);
        std::string cls = i >= k_facet_visible ? "extra" : "";
        if (active) cls += cls.empty() ? "active" : " active";
        if (cls.empty()) {
            w.open("li");
        } else {
            w.open("li", {{"class", cls}});
        }
        const std::string label = v.value + ", " + plural(v.count, "article", "articles") +
                                  (active ? " (selected; choose to remove)" : "");
        if (active) {
            w.open("a", {{"href", link.url()}, {"aria-label", label}, {"aria-current", "true"}});
        } else {
            w.open("a", {{"href", link.url()}, {"aria-label", label}});
        }
        w.element("span", {{"class", "facet-name"}}, v.value);
        w.element("span", {{"class", "facet-count"}}, format_count(v.count));
        w.close("a").close("li");
    }
    w.close("ul");
    if (values.size() > k_facet_visible) {
        w.element(
            "button",
            {{"type", "button"}, {"class", "facet-more"}, {"aria-expanded", "false"}, {"hidden", "hidden"}},
            "Show all " + std::to_string(values.size()));
    }
    w.close("section");
}

}  // namespace

std::string render_facets(const searcher::Facets& facets, const SearchLink& base) {
    html::Writer w;
    facet_section(w, {"author", "Authors", "Find an author"}, facets.author, base);
    facet_section(w, {"site", "Outlets", ""}, facets.site, base);
    facet_section(w, {"tag", "Tags", "Find a tag"}, facets.tag, base);
    return w.take();
}

std::string render_chips(const SearchLink& base) {
    struct Chip {
        std::string label;
        SearchLink without;
    };
    std::vector<Chip> chips;
    auto add_values = [&](std::string_view key, std::string_view name) {
        for (const auto& v : base.all(key)) {
            SearchLink without = base;
            without.remove(key, v).remove("page");
            chips.push_back({std::string(name) + ": " + v, without});
        }
    };
    add_values("author", "Author");
    add_values("site", "Outlet");
    add_values("tag", "Tag");
    add_values("year", "Year");
    const std::string from = base.get("from"), to = base.get("to");
    if (!from.empty() || !to.empty()) {
        SearchLink without = base;
        without.remove("from").remove("to").remove("page");
        std::string label = "Dates: ";
        if (from == to) {
            label += html::readable_date(from);
        } else {
            label += (from.empty() ? "…" : html::readable_date(from)) + " \xE2\x80\x93 " +
                     (to.empty() ? "…" : html::readable_date(to));
        }
        chips.push_back({label, without});
    }
    if (chips.empty()) return {};
    html::Writer w;
    w.open("ul", {{"class", "chips"}, {"aria-label", "Filters in force"}});
    for (const auto& chip : chips) {
        w.open("li");
        w.open(
            "a",
            {{"class", "chip"}, {"href", chip.without.url()}, {"aria-label", "Remove filter " + chip.label}});
        w.element("span", {{"class", "chip-label"}}, chip.label);
        w.raw(R"(<span class="chip-x" aria-hidden="true">×</span>)");
        w.close("a").close("li");
    }
    SearchLink cleared = base;
    for (auto key : {"author", "site", "tag", "year", "from", "to", "page"}) cleared.remove(key);
    w.open("li").element("a", {{"class", "chips-clear"}, {"href", cleared.url()}}, "Clear all").close("li");
    w.close("ul");
    return w.take();
}

}  // namespace oped::http
