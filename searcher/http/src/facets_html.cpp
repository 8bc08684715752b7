#include "facets_html.hpp"

#include "parts.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/html.hpp>

namespace oped::http {
namespace {

struct FacetSpec {
    std::string_view key; // the URL parameter
    std::string_view heading;
    std::string_view noun; // one value: "author"; empty: no find box
    std::string_view find; // the find box's label
    // The label shown for a stored value; null: the value itself.
    std::string (*label)(std::string_view) = nullptr;
};

// The find box: a GET form of the page's state and the text to find, so it
// works without the script, which instead asks /api/search as one types.
void find_form(html::Writer& w, const FacetSpec& spec, const std::string& find, const SearchLink& base) {
    const std::string label(spec.find);
    w.open("form", {{"class", "facet-find-form"}, {"action", "/"}, {"method", "get"}, {"aria-label", label}});
    for (const auto key : search_keys()) {
        for (const auto& v : base.all(key))
            w.open("input", {{"type", "hidden"}, {"name", std::string(key)}, {"value", v}});
    }
    w.open("input", {{"type", "search"},
                     {"class", "facet-find"},
                     {"name", std::string(spec.key) + "_find"},
                     {"value", find},
                     {"placeholder", label},
                     {"aria-label", label},
                     {"maxlength", std::to_string(searcher::k_max_facet_find_bytes)},
                     {"autocomplete", "off"},
                     {"spellcheck", "false"}});
    w.element("button", {{"type", "submit"}, {"class", "facet-find-go"}}, "Find");
    w.close("form");
}

// What a find found: how many values, and the way back to the whole list.
void find_summary(html::Writer& w, const FacetSpec& spec, const std::string& find, std::size_t found,
                  const SearchLink& base) {
    const std::string noun(spec.noun);
    w.open("p", {{"class", "facet-found"}});
    if (found == 0) {
        w.text("No " + noun + " matches \xE2\x80\x9C" + find + "\xE2\x80\x9D. ");
    } else {
        w.text(plural(found, noun, noun + "s") + " matching \xE2\x80\x9C" + find + "\xE2\x80\x9D. ");
    }
    w.element("a", {{"href", base.url()}, {"class", "facet-find-clear"}}, "Show all " + noun + "s");
    w.close("p");
}

void facet_section(html::Writer& w, const FacetSpec& spec, const std::vector<searcher::FacetValue>& values,
                   const std::string& find, const SearchLink& base) {
    const bool finding = !spec.noun.empty() && !find.empty();
    if (values.empty() && !finding) return;
    const std::string id = "facet-" + std::string(spec.key);
    w.open("section", {{"class", "facet"}, {"data-facet", std::string(spec.key)}, {"aria-labelledby", id}});
    w.element("h2", {{"id", id}, {"class", "facet-heading"}}, spec.heading);
    if (!spec.noun.empty() && (finding || values.size() > k_facet_visible)) find_form(w, spec, find, base);
    if (finding) find_summary(w, spec, find, values.size(), base);
    const bool collapsible = !finding && values.size() > k_facet_visible;
    w.open("ul", {{"class", "facet-list"}});
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& v = values[i];
        const bool active = base.has(spec.key, v.value);
        SearchLink link = base;
        link.toggle(spec.key, v.value);
        std::string cls = collapsible && i >= k_facet_visible ? "extra" : "";
        if (active) cls += cls.empty() ? "active" : " active";
        if (cls.empty()) {
            w.open("li");
        } else {
            w.open("li", {{"class", cls}});
        }
        // It lands on the results: on a phone the filters are a panel over
        // them (web/search.css).
        const std::string href = link.url() + "#results";
        if (active) {
            w.open("a", {{"href", href}, {"aria-current", "true"}});
        } else {
            w.open("a", {{"href", href}});
        }
        facet_value(w, spec.label != nullptr ? spec.label(v.value) : v.value, v.count);
        if (active) w.element("span", {{"class", "visually-hidden"}}, " (selected; choose to remove)");
        w.close("a").close("li");
    }
    w.close("ul");
    if (collapsible) {
        w.element("button",
                  {{"type", "button"}, {"class", "facet-more"}, {"aria-expanded", "false"}, {"hidden", "hidden"}},
                  "Show all " + std::to_string(values.size()));
    }
    w.close("section");
}

} // namespace

std::string render_facets(const searcher::Facets& facets, const SearchLink& base, const FacetFinds& finds) {
    html::Writer w;
    facet_section(w, {"author", "Authors", "author", "Find an author"}, facets.author, finds.author, base);
    facet_section(w, {"genre", "Genres", "", "", schema::genre_label}, facets.genre, {}, base);
    facet_section(w, {"site", "Outlets", "", ""}, facets.site, {}, base);
    facet_section(w, {"tag", "Tags", "tag", "Find a tag"}, facets.tag, finds.tag, base);
    return w.take();
}

std::vector<FilterChip> filter_chips(const SearchLink& base) {
    std::vector<FilterChip> chips;
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
    for (const auto& v : base.all("genre")) {
        SearchLink without = base;
        without.remove("genre", v).remove("page");
        const std::string genre = schema::canonical_genre(v);
        chips.push_back({"Genre: " + schema::genre_label(genre.empty() ? v : genre), without});
    }
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
    return chips;
}

std::string render_chips(const SearchLink& base) {
    const std::vector<FilterChip> chips = filter_chips(base);
    if (chips.empty()) return {};
    html::Writer w;
    w.open("ul", {{"class", "chips"}, {"aria-label", "Filters in force"}});
    for (const auto& chip : chips) {
        w.open("li");
        w.open("a", {{"class", "chip"}, {"href", chip.without.url()}, {"aria-label", "Remove filter " + chip.label}});
        w.element("span", {{"class", "chip-label"}}, chip.label);
        w.raw(R"(<span class="chip-x" aria-hidden="true">×</span>)");
        w.close("a").close("li");
    }
    SearchLink cleared = base;
    for (auto key : {"author", "site", "tag", "year", "genre", "from", "to", "page"}) cleared.remove(key);
    w.open("li").element("a", {{"class", "chips-clear"}, {"href", cleared.url()}}, "Clear all").close("li");
    w.close("ul");
    return w.take();
}

} // namespace oped::http
