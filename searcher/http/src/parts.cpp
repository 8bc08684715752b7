#include "parts.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/html.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oped::http {
namespace {

constexpr int k_bin_width = 10; // SVG units per bin; the chart is scaled to fit
constexpr int k_bar_width = 8;
constexpr int k_chart_height = 100;
constexpr int k_min_bins_wide = 12; // few bins are drawn at this width, centred
// On a phone each bin is at least a 24 px target (WCAG 2.5.8): the chart is
// this wide per bin and scrolls sideways when the screen is narrower.
constexpr int k_tap_px = 24;
// Axis labels are thinned so they never overlap: one every `step` bins, for
// a chart of k_wide_px (the narrowest two-column page) and k_narrow_px (a
// 390 px phone's panel), with labels about this wide, their gap included.
constexpr int k_wide_px = 480;
constexpr int k_narrow_px = 330;
constexpr int k_year_label_px = 44;
constexpr int k_month_label_px = 72;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string period_label(const searcher::Timeline& t, const std::string& period) {
    return t.unit == searcher::Timeline::Unit::month ? html::readable_date(period) : period;
}

// "Oct 1787" for a month, the year as it is: an axis label.
std::string axis_label(const searcher::Timeline& t, const std::string& period) {
    if (t.unit != searcher::Timeline::Unit::month) return period;
    const std::string month = html::readable_date(period);
    const auto space = month.find(' ');
    return space == std::string::npos ? month : month.substr(0, std::min<std::size_t>(3, space)) + month.substr(space);
}

// Every how many bins a label `label_px` wide fits, bins being `bin_px` wide.
int label_step(int label_px, double bin_px) { return std::max(1, static_cast<int>(std::ceil(label_px / bin_px))); }

void authors_line(html::Writer& w, const std::vector<std::string>& authors, const SearchLink& base) {
    w.open("span", {{"class", "hit-authors"}});
    for (std::size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) w.text(i + 1 == authors.size() ? " and " : ", ");
        SearchLink link = base;
        link.add("author", authors[i]).remove("page");
        w.element("a", {{"href", link.url()}, {"class", "author-link"}}, authors[i]);
    }
    w.close("span");
}

} // namespace

std::string format_count(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
    return format_count(n) + " " + std::string(n == 1 ? one : many);
}

std::string author_url(std::string_view name) { return "/author/" + html::url_encode(name); }

std::string doc_url(std::string_view id, std::string_view query) {
    std::string url = "/doc/" + html::url_encode(id);
    if (!query.empty()) url += "?q=" + html::url_encode(query);
    return url;
}

std::string doc_link(std::string_view id, const SearchLink& state, std::uint64_t rank) {
    SearchLink link = state;
    link.path("/doc/" + html::url_encode(id));
    if (rank != 0) link.add("rank", std::to_string(rank));
    return link.url();
}

void facet_value(html::Writer& w, const std::string& value, std::uint64_t count) {
    w.element("span", {{"class", "facet-name"}}, value);
    w.text(" ").open("span", {{"class", "facet-count"}}).text(format_count(count));
    w.element("span", {{"class", "visually-hidden"}}, count == 1 ? " article" : " articles");
    w.close("span");
}

void updated_span(html::Writer& w, const Article& a) {
    const std::string day = a.updated.substr(0, std::min<std::size_t>(10, a.updated.size()));
    w.open("span", {{"class", "updated"}}).text("Updated ");
    w.element("time", {{"datetime", day}}, html::readable_date(day));
    w.close("span");
}

void genre_link(html::Writer& w, const Article& a, const std::string& cls) {
    if (a.genre.empty() || a.genre == "other") return;
    SearchLink link(ParamMap{});
    link.add("genre", a.genre);
    w.element("a", {{"class", "genre genre-" + a.genre + " " + cls}, {"href", link.url()}},
              schema::genre_label(a.genre));
}

void correction_badge(html::Writer& w, const std::string& corrections_href) {
    w.element("a",
              {{"class", "badge badge-correction"},
               {"href", corrections_href},
               {"title", "The page carries a correction notice"}},
              "Corrected");
}

void copies_line(html::Writer& w, const std::vector<searcher::CopyRef>& copies, const SearchLink& state) {
    if (copies.empty()) return;
    w.open("p", {{"class", "copies"}}).text("Also ran in ");
    for (std::size_t i = 0; i < copies.size(); ++i) {
        const searcher::CopyRef& c = copies[i];
        if (i > 0) w.text(", ");
        const std::string name = !c.site.empty() ? c.site : (c.title.empty() ? "(untitled)" : c.title);
        w.element("a", {{"href", doc_link(c.id, state, 0)}, {"class", "copy-link"}, {"title", c.title}}, name);
        if (!c.published.empty()) {
            const std::string day = c.published.substr(0, std::min<std::size_t>(10, c.published.size()));
            w.text(" (").element("time", {{"datetime", day}}, html::readable_date(day)).text(")");
        }
    }
    w.close("p");
}

std::string render_hit(const searcher::Hit& hit, const SearchLink& base, std::uint64_t rank) {
    const Article& a = hit.article;
    const std::string here = doc_link(hit.id, base, rank);
    const std::string original = html::external_url(a.url);
    const std::string title = a.title.empty() ? "(untitled)" : a.title;
    html::Writer w;
    w.open("li", {{"class", "hit"}});
    w.open("h3", {{"class", "hit-title"}});
    w.element("a", {{"href", here}}, title);
    w.close("h3");
    w.open("p", {{"class", "hit-meta"}});
    bool first = true;
    auto separator = [&] {
        if (!first) w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
        first = false;
    };
    if (!a.genre.empty() && a.genre != "other") {
        separator();
        genre_link(w, a, "hit-genre");
    }
    if (!a.authors.empty()) {
        separator();
        authors_line(w, a.authors, base);
    }
    if (!a.published.empty()) {
        separator();
        const std::string day = a.published.substr(0, std::min<std::size_t>(10, a.published.size()));
        w.element("time", {{"datetime", day}}, html::readable_date(day));
    }
    if (!a.updated.empty()) {
        separator();
        updated_span(w, a);
    }
    if (!a.site.empty()) {
        separator();
        w.element("span", {{"class", "hit-site"}}, a.site);
    }
    if (!a.corrections.empty()) {
        separator();
        correction_badge(w, here + "#corrections");
    }
    w.close("p");
    copies_line(w, hit.copies, base);
    if (!hit.snippet.empty()) {
        w.open("p", {{"class", "hit-snippet"}}).raw(html::safe_snippet(hit.snippet)).close("p");
    }
    w.open("p", {{"class", "hit-links"}});
    if (!original.empty()) {
        w.open("a", {{"href", original}, {"class", "hit-source"}, {"rel", "noopener noreferrer external"}});
        w.text("source \xE2\x86\x97");
        w.element("span", {{"class", "visually-hidden"}}, ": the original of " + title);
        w.close("a");
        w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
    }
    w.open("a", {{"href", here + "#cite"}, {"class", "hit-cite"}}).text("Cite");
    w.element("span", {{"class", "visually-hidden"}}, " " + title);
    w.close("a");
    w.close("p");
    w.close("li");
    return w.take();
}

std::string render_timeline(const searcher::Timeline& t, const SearchLink& base, std::string_view caption) {
    html::Writer w;
    w.open("figure", {{"class", "timeline"}, {"id", "timeline"}, {"data-unit", searcher::unit_name(t.unit)}});
    if (t.bins.empty()) {
        w.element("figcaption", {{"class", "timeline-caption"}}, "Nothing to chart: no dated article matches.");
        w.close("figure");
        return w.take();
    }
    const std::uint64_t peak = std::max_element(t.bins.begin(), t.bins.end(), [](const auto& x, const auto& y) {
                                   return x.count < y.count;
                               })->count;
    const std::string per = t.unit == searcher::Timeline::Unit::month ? "month" : "year";
    const std::string span = period_label(t, t.bins.front().period) +
                             (t.bins.size() > 1 ? "\xE2\x80\x93" + period_label(t, t.bins.back().period) : "");
    // The readout shows the bar under the pointer or focus (web/timeline.js);
    // the hint shows only where dragging works (web/search.css).
    w.open("figcaption", {{"class", "timeline-caption"}});
    w.element("span", {{"class", "timeline-title"}}, std::string(caption) + " per " + per + ", " + span);
    w.element("span", {{"class", "timeline-readout"}, {"aria-hidden", "true"}}, "");
    w.element("span", {{"class", "timeline-hint"}}, "Choose a bar, or drag across bars, to set the dates.");
    w.close("figcaption");

    const int bins = static_cast<int>(t.bins.size());
    const int slots = std::max(bins, k_min_bins_wide);
    const int width = slots * k_bin_width;
    const int offset = (width - bins * k_bin_width) / 2;
    w.open("div", {{"class", "timeline-plot"}}).open("div", {{"class", "timeline-track"}});
    w.open("svg", {{"class", "timeline-chart"},
                   {"viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(k_chart_height)},
                   {"width", std::to_string(slots * k_tap_px)},
                   {"preserveAspectRatio", "none"},
                   {"role", "group"},
                   {"aria-label", std::string(caption) + " per " + per}});
    for (int i = 0; i < bins; ++i) {
        const auto& bin = t.bins[static_cast<std::size_t>(i)];
        const int x = offset + i * k_bin_width;
        const std::string label = period_label(t, bin.period) + ": " + plural(bin.count, "article", "articles");
        const html::Attr hit_rect[] = {{"class", "tl-hit"},
                                       {"x", std::to_string(x)},
                                       {"y", "0"},
                                       {"width", std::to_string(k_bin_width)},
                                       {"height", std::to_string(k_chart_height)}};
        if (bin.count == 0) {
            w.open("g", {{"class", "tl-bin tl-empty"}, {"data-period", bin.period}, {"data-count", "0"}});
        } else {
            SearchLink link = base;
            link.set("from", bin.period).set("to", bin.period).remove("page");
            w.open("a", {{"class", "tl-bin"},
                         {"href", link.url()},
                         {"data-period", bin.period},
                         {"data-count", std::to_string(bin.count)},
                         {"aria-label", label}});
        }
        w.element("title", label);
        w.open("rect", std::vector<html::Attr>(std::begin(hit_rect), std::end(hit_rect))).close("rect");
        if (bin.count > 0) {
            const double h =
                std::max(2.0, static_cast<double>(bin.count) * (k_chart_height - 4) / static_cast<double>(peak));
            w.open("rect", {{"class", "tl-bar"},
                            {"x", num(x + (k_bin_width - k_bar_width) / 2.0)},
                            {"y", num(k_chart_height - h)},
                            {"width", std::to_string(k_bar_width)},
                            {"height", num(h)}})
                .close("rect");
        }
        w.close(bin.count == 0 ? "g" : "a");
    }
    w.close("svg");
    // One cell per bin under it (two grid columns; one per half bin of the
    // centring margin), so a label sits under its bar at any number of bars;
    // web/search.css shows one every `step` for the screen's width.
    const int label_px = t.unit == searcher::Timeline::Unit::month ? k_month_label_px : k_year_label_px;
    const int wide_step = label_step(label_px, static_cast<double>(k_wide_px) / slots);
    const int narrow_step = label_step(label_px, std::max<double>(k_tap_px, static_cast<double>(k_narrow_px) / slots));
    w.open("div", {{"class", "timeline-axis"}, {"aria-hidden", "true"}});
    for (int i = 0; i < slots - bins; ++i) w.element("span", {{"class", "tl-pad"}}, "");
    for (int i = 0; i < bins; ++i) {
        std::string cls = "tl-tick";
        if (i % wide_step == 0) cls += " tl-wide";
        if (i % narrow_step == 0) cls += " tl-narrow";
        const bool labelled = i % wide_step == 0 || i % narrow_step == 0;
        w.element("span", {{"class", cls}}, labelled ? axis_label(t, t.bins[static_cast<std::size_t>(i)].period) : "");
    }
    for (int i = 0; i < slots - bins; ++i) w.element("span", {{"class", "tl-pad"}}, "");
    w.close("div").close("div").close("div");
    w.close("figure");
    return w.take();
}

unsigned last_page(std::uint64_t total, unsigned per_page) {
    if (per_page == 0) return 1;
    const std::uint64_t pages = (total + per_page - 1) / per_page;
    const std::uint64_t deepest = searcher::k_max_depth / per_page;
    return static_cast<unsigned>(std::max<std::uint64_t>(1, std::min(pages, deepest)));
}

std::string render_pagination(unsigned page, unsigned last, const SearchLink& base) {
    if (last <= 1) return {};
    html::Writer w;
    w.open("nav", {{"class", "pagination"}, {"aria-label", "Pages of results"}});
    auto link_to = [&](unsigned p) {
        SearchLink link = base;
        if (p <= 1) {
            link.remove("page");
        } else {
            link.set("page", std::to_string(p));
        }
        return link.url();
    };
    if (page > 1)
        w.element("a", {{"href", link_to(page - 1)}, {"rel", "prev"}, {"class", "page-prev"}}, "\xE2\x86\x90 Previous");
    unsigned shown = 0;
    for (unsigned p = 1; p <= last; ++p) {
        const bool near = p == 1 || p == last || (p + 2 >= page && p <= page + 2);
        if (!near) {
            if (shown + 1 == p) w.raw(R"(<span class="page-gap" aria-hidden="true">…</span>)");
            continue;
        }
        shown = p;
        if (p == page) {
            w.element("a", {{"href", link_to(p)}, {"aria-current", "page"}, {"class", "page-num"}}, std::to_string(p));
        } else {
            w.element("a", {{"href", link_to(p)}, {"class", "page-num"}}, std::to_string(p));
        }
    }
    if (page < last)
        w.element("a", {{"href", link_to(page + 1)}, {"rel", "next"}, {"class", "page-next"}}, "Next \xE2\x86\x92");
    w.close("nav");
    return w.take();
}

} // namespace oped::http
