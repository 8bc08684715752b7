// The search page, which is also the front page when there is no query:
// server-rendered so it works without JavaScript; web/search.js re-renders
// the same markup from /api/search as the user types.

#include <oped/http/pages.hpp>

#include "facets_html.hpp"
#include "layout.hpp"
#include "links.hpp"
#include "parts.hpp"
#include "search_answer.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/html.hpp>

#include <cctype>
#include <cstdio>

namespace oped::http {
namespace {

constexpr std::string_view k_help = R"(<details class="search-help"><summary>Search tips</summary>
<dl class="help-list">
<div><dt><code>"standing army"</code></dt><dd>the words together, in this order</dd></div>
<div><dt><code>militia -navy</code></dt><dd>leave out articles with a word</dd></div>
<div><dt><code>tax OR duty</code></dt><dd>either word</dd></div>
<div><dt><code>author:madison</code></dt><dd>a word of an author&#39;s name</dd></div>
<div><dt><code>title:militia</code></dt><dd>a word of the title</dd></div>
<div><dt><code>genre:letter</code></dt><dd>opinion, editorial, letter, analysis, news, review or other</dd></div>
<div><dt><code>date:1787..1788</code></dt><dd>published in a range; also <code>date:1787-10</code></dd></div>
<div><dt><code>commer*</code></dt><dd>words that start so</dd></div>
</dl></details>)";

bool is_front(const SearchLink& link) {
    for (auto key : {"q", "author", "site", "tag", "year", "genre", "type", "from", "to"}) {
        if (link.has(key)) return false;
    }
    return true;
}

std::string took(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    return buf;
}

void search_form(html::Writer& w, const SearchLink& link, std::uint64_t documents) {
    w.open("form",
           {{"id", "search"}, {"class", "search-form"}, {"role", "search"}, {"action", "/"}, {"method", "get"}});
    w.raw(R"(<div class="search-row"><label class="visually-hidden" for="q">Search the archive</label>)");
    w.open("input", {{"type", "search"},
                     {"id", "q"},
                     {"name", "q"},
                     {"value", link.get("q")},
                     {"placeholder", "Search " + plural(documents, "article", "articles")},
                     {"autocomplete", "off"},
                     {"spellcheck", "false"},
                     {"maxlength", "1024"},
                     {"aria-describedby", "search-tips-hint"}});
    w.raw(R"(<button type="submit" class="search-button">Search</button></div>)");
    w.raw(
        R"(<p id="search-tips-hint" class="visually-hidden">Results update as you type. Search tips follow the box.</p>)");
    w.raw(k_help);
    for (auto key : {"author", "site", "tag", "year", "genre", "type", "sort", "per_page"}) {
        for (const auto& v : link.all(key)) {
            w.open("input", {{"type", "hidden"}, {"name", key}, {"value", v}, {"class", "keep"}});
        }
    }
    w.close("form");
}

// What the date fields say when the dates were refused (search_answer.hpp).
struct DateMarks {
    const Error* error = nullptr;
    bool from = false;
    bool to = false;
};

void date_input(html::Writer& w, const char* id, const std::string& value, const std::string& placeholder,
                bool invalid) {
    std::vector<html::Attr> attrs{{"id", id},
                                  {"name", id},
                                  {"form", "search"},
                                  {"value", value},
                                  {"placeholder", placeholder},
                                  {"inputmode", "numeric"},
                                  {"size", "10"},
                                  {"maxlength", "10"},
                                  {"pattern", R"(\d{4}([\-\/\.]\d{1,2}([\-\/\.]\d{1,2})?)?)"},
                                  {"title", "A year, year-month or date: 1787, 1787-10 or 1787-10-27"}};
    if (invalid) {
        attrs.push_back({"aria-invalid", "true"});
        attrs.push_back({"aria-describedby", "date-error"});
    }
    w.open("input", attrs);
}

void date_range(html::Writer& w, const SearchLink& link, const searcher::Timeline& t, const DateMarks& marks = {}) {
    // Without matches there is no span to show: the shape of a date instead.
    const std::string first = t.bins.empty() ? "YYYY" : t.bins.front().period;
    const std::string last = t.bins.empty() ? "YYYY-MM-DD" : t.bins.back().period;
    w.open("div", {{"class", marks.error != nullptr ? "date-range invalid" : "date-range"}});
    w.raw(R"(<label for="from">From</label>)");
    date_input(w, "from", link.get("from"), first, marks.from);
    w.raw(R"(<label for="to">to</label>)");
    date_input(w, "to", link.get("to"), last, marks.to);
    w.raw(R"(<button type="submit" form="search" class="date-apply">Apply</button>)");
    // web/render.js (markDates) writes the same.
    if (marks.error != nullptr) {
        w.element("p", {{"id", "date-error"}, {"class", "field-error"}},
                  "These dates were not applied: " + marks.error->message + ".");
    }
    w.close("div");
}

void sort_links(html::Writer& w, const SearchLink& link, bool browsing) {
    const std::string current = link.get("sort").empty() ? (browsing ? "newest" : "relevance") : link.get("sort");
    w.open("nav", {{"class", "sort"}, {"aria-label", "Sort order"}});
    w.element("span", {{"class", "sort-label"}}, "Sort:");
    for (auto [value, label] : {std::pair{"relevance", "Relevance"}, {"newest", "Newest"}, {"oldest", "Oldest"}}) {
        if (browsing && std::string_view(value) == "relevance") continue;
        SearchLink to = link;
        to.set("sort", std::string_view(value) == "relevance" ? "" : value).remove("page");
        if (current == value) {
            w.element("a", {{"href", to.url()}, {"aria-current", "true"}, {"data-sort", value}}, label);
        } else {
            w.element("a", {{"href", to.url()}, {"data-sort", value}}, label);
        }
    }
    w.close("nav");
}

// The page sizes offered (web/render.js, perPageLinks, offers the same);
// per_page takes any size the API takes, 1 to 100, and refuses others alike.
constexpr unsigned k_page_sizes[] = {10, 20, 50};

void per_page_links(html::Writer& w, const SearchLink& link, unsigned current) {
    w.open("nav", {{"class", "per-page"}, {"aria-label", "Results per page"}});
    w.element("span", {{"class", "sort-label"}}, "Per page:");
    for (const unsigned size : k_page_sizes) {
        SearchLink to = link;
        to.set("per_page", size == searcher::k_default_per_page ? "" : std::to_string(size)).remove("page");
        const std::string text = std::to_string(size);
        if (size == current) {
            w.element("a", {{"href", to.url()}, {"aria-current", "true"}, {"data-per-page", text}}, text);
        } else {
            w.element("a", {{"href", to.url()}, {"data-per-page", text}}, text);
        }
    }
    w.close("nav");
}

// No matches: what to do next (web/render.js, emptyResults, writes the same):
// the spelling correction, a link removing each filter, the words without
// any filter, and browsing everything.
void empty_results(html::Writer& w, const searcher::SearchResponse& r, const SearchLink& link) {
    w.open("div", {{"class", "empty"}});
    const std::string q = link.get("q");
    w.open("h3");
    if (q.empty()) {
        w.text("No articles match these filters.");
    } else {
        w.text("No articles match ");
        w.element("q", q);
        w.text(".");
    }
    w.close("h3");
    if (!r.corrected.empty()) {
        SearchLink fixed = link;
        fixed.set("q", r.corrected).remove("page").remove("spell");
        w.open("p")
            .text("Did you mean ")
            .element("a", {{"href", fixed.url()}, {"class", "corrected"}}, r.corrected)
            .text("?")
            .close("p");
    }
    const std::vector<FilterChip> filters = filter_chips(link);
    if (!filters.empty()) {
        w.element("p", {{"id", "remove-filters-label"}}, "Remove a filter:");
        w.open("ul", {{"class", "remove-filters"}, {"aria-labelledby", "remove-filters-label"}});
        for (const auto& f : filters) {
            w.open("li").element("a", {{"href", f.without.url()}, {"class", "remove-filter"}}, "Remove " + f.label);
            w.close("li");
        }
        w.close("ul");
        if (!q.empty()) {
            SearchLink words_only = link;
            for (auto key : {"author", "site", "tag", "year", "genre", "from", "to", "page"}) words_only.remove(key);
            w.open("p")
                .element("a", {{"href", words_only.url()}, {"class", "unfiltered"}},
                         "Search all articles for these words")
                .close("p");
        }
    }
    if (!q.empty()) w.element("p", "Check the spelling, try fewer words, or join alternatives with OR.");
    w.open("p").element("a", {{"href", "/"}, {"class", "browse-all"}}, "Browse all articles, newest first").close("p");
    w.close("div");
}

// A page past the last (page=9999): no more results, and the way back to
// the last page (web/render.js, pastEnd, writes the same).
void past_end(html::Writer& w, const searcher::SearchResponse& r, const SearchLink& link) {
    const unsigned last = last_page(r.total, r.per_page);
    SearchLink to_last = link;
    if (last <= 1) {
        to_last.remove("page");
    } else {
        to_last.set("page", std::to_string(last));
    }
    w.open("div", {{"class", "empty past-end"}});
    w.element("h3", "No more results");
    w.element("p", "Page " + link.get("page") + " is past the end: the last page of these " +
                       plural(r.total, "article", "articles") + " is page " + format_count(last) + ".");
    w.open("p").element("a", {{"href", to_last.url()}, {"class", "last-page"}},
                        "Go to the last page (page " + format_count(last) + ")");
    w.close("p").close("div");
}

// The results are for the query's spelling correction: say so, and link to
// the words as typed, searched with the correction turned off.
void spelling_notice(html::Writer& w, const searcher::SearchResponse& r, const SearchLink& link) {
    SearchLink fixed = link;
    fixed.set("q", r.corrected).remove("page").remove("spell");
    SearchLink typed = link;
    typed.set("q", r.query).remove("page").set("spell", "0");
    w.open("div", {{"class", "spelling"}});
    w.open("p", {{"class", "showing-corrected"}}).text("Showing results for ");
    w.open("a", {{"href", fixed.url()}, {"class", "corrected"}}).element("strong", r.corrected).close("a");
    w.close("p");
    w.open("p", {{"class", "search-instead"}}).text("Search instead for ");
    w.element("a", {{"href", typed.url()}, {"class", "original"}}, r.query);
    w.close("p");
    w.close("div");
}

// Time read from the words as a date filter: what it was read as, and a way
// to search the words as typed.
void time_words_notice(html::Writer& w, const searcher::TimeWords& t, const std::string& query,
                       const SearchLink& link) {
    SearchLink literal = link;
    literal.remove("page").set("literal", "1");
    std::string reading = t.reading;
    if (!reading.empty()) reading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(reading[0])));
    w.open("p", {{"class", "time-words"}});
    w.element("span", {{"class", "time-reading"}}, reading);
    w.text(" (read from \xE2\x80\x9C" + t.text + "\xE2\x80\x9D) ");
    w.element("a", {{"href", literal.url()}, {"class", "search-literally"}},
              "Search \xE2\x80\x9C" + query + "\xE2\x80\x9D as words");
    w.close("p");
}

std::string results_heading(const SearchLink& link) {
    if (is_front(link)) return "Newest articles";
    return link.has("q") ? "Results" : "Articles";
}

void results(html::Writer& w, const searcher::SearchResponse& r, const SearchLink& link) {
    const bool browsing = link.get("q").empty();
    w.open("section", {{"id", "results"}, {"class", "results"}, {"aria-labelledby", "results-heading"}});
    w.open("div", {{"class", "results-head"}});
    w.element("h2", {{"id", "results-heading"}, {"class", "results-heading"}, {"tabindex", "-1"}},
              results_heading(link));
    w.open("p", {{"class", "summary"}});
    w.element("span", {{"class", "summary-count"}},
              (r.total_is_exact ? "" : "About ") + plural(r.total, "article", "articles"));
    if (r.total > 0) {
        const std::uint64_t first = static_cast<std::uint64_t>(r.page - 1) * r.per_page + 1;
        const std::uint64_t last = first + r.results.size() - (r.results.empty() ? 0 : 1);
        if (!r.results.empty() && r.total > r.per_page) {
            w.element("span", {{"class", "summary-range"}},
                      ", showing " + format_count(first) + "\xE2\x80\x93" + format_count(last));
        }
    }
    w.element("span", {{"class", "summary-took"}}, " in " + took(r.took_ms));
    w.close("p");
    if (r.total > 0) sort_links(w, link, browsing);
    // Offered when a page could hold them all at another size, or to undo one.
    if (r.total > k_page_sizes[0] || link.has("per_page")) per_page_links(w, link, r.per_page);
    // On a phone the filters are a panel over the page: this opens it, as a
    // link to it without the script (web/search.css shows it as :target).
    if (r.total > 0) {
        const std::size_t active = filter_chips(link).size();
        w.element("a", {{"class", "filters-toggle"}, {"href", "#facets"}, {"aria-controls", "facets"}},
                  active == 0 ? std::string("Filters") : "Filters (" + std::to_string(active) + ")");
    }
    w.close("div");
    w.raw(render_chips(link));
    const auto authors = link.all("author");
    if (authors.size() == 1) {
        w.open("p", {{"class", "author-callout"}});
        w.element("a", {{"href", author_url(authors.front())}},
                  "About " + authors.front() + ": timeline, outlets, distinctive words");
        w.close("p");
    }
    if (r.showing_corrected) {
        spelling_notice(w, r, link);
    } else if (!r.corrected.empty() && r.total > 0) {
        SearchLink fixed = link;
        fixed.set("q", r.corrected).remove("page").remove("spell");
        w.open("p", {{"class", "did-you-mean"}}).text("Did you mean ");
        w.element("a", {{"href", fixed.url()}, {"class", "corrected"}}, r.corrected);
        w.text("?").close("p");
    }
    if (r.time_words) time_words_notice(w, *r.time_words, r.query, link);
    if (!r.notice.empty()) w.element("p", {{"class", "notice"}}, r.notice);
    const bool beyond = r.results.empty() && r.total > 0;
    if (r.results.empty()) {
        if (r.total == 0) {
            empty_results(w, r, link);
        } else {
            past_end(w, r, link);
        }
    } else {
        const std::uint64_t first = static_cast<std::uint64_t>(r.page - 1) * r.per_page + 1;
        w.open("ol", {{"class", "hits"}, {"start", std::to_string(first)}});
        // Articles open with the words the results are for marked.
        SearchLink shown = link;
        if (r.showing_corrected) shown.set("q", r.corrected);
        std::uint64_t rank = first;
        for (const auto& hit : r.results) w.raw(render_hit(hit, shown, rank++));
        w.close("ol");
    }
    if (!beyond) w.raw(render_pagination(r.page, last_page(r.total, r.per_page), link));
    SearchLink feed = link;
    feed.remove("page").remove("sort").remove("per_page").path("/feed");
    w.open("p", {{"class", "feed-link"}});
    w.element("a", {{"href", feed.url()}, {"type", "application/atom+xml"}},
              "Atom feed of these articles, newest first");
    w.close("p");
    w.close("section");
}

// The chart, with the date fields before it: they sit at its top right, so
// they come first in the tab order too.
void timeline_panel(html::Writer& w, const searcher::Timeline& t, const SearchLink& link, const SearchLink& typed,
                    const DateMarks& marks) {
    w.open("section", {{"class", "timeline-panel"}, {"aria-label", "Timeline"}});
    date_range(w, typed, t, marks);
    w.raw(render_timeline(t, link, is_front(link) ? "Articles" : "Matching articles"));
    w.close("section");
}

// The page's one h1: the front page's welcome, or a heading for readers
// of other states (which the script may turn back into the front page).
void intro(html::Writer& w, const SearchLink& link, std::uint64_t documents, const searcher::Timeline* timeline) {
    const bool front = is_front(link);
    w.element("h1", {{"id", "page-heading"}, {"class", front ? "intro-title" : "visually-hidden"}},
              front ? "An archive of opinion" : "Search the archive");
    std::string span;
    if (front && timeline != nullptr && !timeline->bins.empty()) {
        span = ", " + timeline->bins.front().period.substr(0, 4) + "\xE2\x80\x93" +
               timeline->bins.back().period.substr(0, 4);
    }
    const std::string text = plural(documents, "essay and article", "essays and articles") + span +
                             ". Search them, or browse by author, outlet and date.";
    if (front) {
        w.element("p", {{"class", "intro-text"}, {"id", "intro"}}, text);
    } else {
        w.element("p", {{"class", "intro-text"}, {"id", "intro"}, {"hidden", "hidden"}}, text);
    }
}

std::string page_title(const SearchLink& link) {
    if (is_front(link)) return "";
    const std::string q = link.get("q");
    if (!q.empty()) return "\xE2\x80\x9C" + q + "\xE2\x80\x9D";
    const auto authors = link.all("author");
    if (authors.size() == 1) return "Articles by " + authors.front();
    return "Articles";
}

} // namespace

Reply handle_search_page(const ParamMap& params, searcher::Searcher& searcher) {
    const SearchLink typed(params);
    const std::uint64_t documents = searcher.database().get_doccount();
    const PageAnswer answer = answer_search_page(params, searcher);
    const Result<searcher::SearchResponse>& response = answer.response;
    // Refused dates stay in their fields, marked, but in no link: the page
    // shows the results without them.
    SearchLink link = typed;
    DateMarks marks;
    if (answer.date_error) {
        link.remove("from").remove("to");
        marks = {&*answer.date_error, marks_from(*answer.date_error, params), marks_to(*answer.date_error)};
    }

    html::Writer w;
    intro(w, link, documents, response ? &response.value().timeline : nullptr);
    search_form(w, link, documents);
    w.raw(R"(<p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>)");

    int status = 200;
    // The filters come first, as they are seen (the left column), so the tab
    // order follows what the eye does; on a phone they are a panel the
    // results' "Filters" link opens, closed by "Show results".
    w.open("div", {{"class", "layout"}});
    w.open("aside", {{"id", "facets"}, {"class", "facets"}, {"aria-label", "Filter results"}});
    if (response && response.value().total > 0) {
        const auto& r = answer.request;
        w.raw(R"(<div class="facets-head"><h2 class="facets-title">Filters</h2>)"
              R"(<a class="facets-close" href="#results">Show results</a></div>)");
        w.raw(render_facets(response.value().facets, link, {r.author_find, r.tag_find}));
    }
    w.close("aside");
    w.open("div", {{"class", "results-col"}});
    if (response) {
        const auto& r = response.value();
        timeline_panel(w, r.timeline, link, typed, marks);
        results(w, r, link);
    } else {
        status = http_status(response.error().code);
        // The date fields stay, so a bad date can be put right here; the
        // chart's place is kept for the script to fill.
        w.open("section", {{"class", "timeline-panel"}, {"aria-label", "Timeline"}});
        date_range(w, typed, searcher::Timeline{});
        w.raw(R"(<figure class="timeline" id="timeline" hidden></figure>)");
        w.close("section");
        w.open("section", {{"id", "results"}, {"class", "results"}});
        w.open("div", {{"class", "error-panel"}, {"role", "alert"}});
        w.element("h2", "That search could not be run");
        w.element("p", response.error().message);
        w.raw(R"(<p><a href="/">Start again from the front page</a></p>)");
        w.close("div").close("section");
    }
    w.close("div");
    w.close("div");

    PageFrame frame;
    frame.title = page_title(link);
    frame.kind = "search";
    frame.masthead_search = false;
    SearchLink feed = link;
    feed.remove("page").remove("sort").remove("per_page").path("/feed");
    frame.feed_url = feed.url();
    return html::page_reply(render_page(frame, w.str()), status);
}

} // namespace oped::http
