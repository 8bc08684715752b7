// The search page, which is also the front page when there is no query:
// server-rendered so it works without JavaScript; web/search.js re-renders
// the same markup from /api/search as the user types.

#include <oped/http/pages.hpp>

#include "facets_html.hpp"
#include "layout.hpp"
#include "links.hpp"
#include "parts.hpp"

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
<div><dt><code>title:liberty</code></dt><dd>a word of the title</dd></div>
<div><dt><code>date:1787..1788</code></dt><dd>published in a range; also <code>date:1787-10</code></dd></div>
<div><dt><code>commer*</code></dt><dd>words that start so</dd></div>
</dl></details>)";

bool is_front(const SearchLink& link) {
    for (auto key : {"q", "author", "site", "tag", "year", "type", "from", "to"}) {
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
    for (auto key : {"author", "site", "tag", "year", "type", "sort"}) {
        for (const auto& v : link.all(key)) {
            w.open("input", {{"type", "hidden"}, {"name", key}, {"value", v}, {"class", "keep"}});
        }
    }
    w.close("form");
}

void date_range(html::Writer& w, const SearchLink& link, const searcher::Timeline& t) {
    // Without matches there is no span to show: the shape of a date instead.
    const std::string first = t.bins.empty() ? "YYYY" : t.bins.front().period;
    const std::string last = t.bins.empty() ? "YYYY-MM-DD" : t.bins.back().period;
    w.open("div", {{"class", "date-range"}});
    w.raw(R"(<label for="from">From</label>)");
    w.open("input", {{"id", "from"},
                     {"name", "from"},
                     {"form", "search"},
                     {"value", link.get("from")},
                     {"placeholder", first},
                     {"inputmode", "numeric"},
                     {"size", "10"},
                     {"maxlength", "10"},
                     {"pattern", R"(\d{4}([\-\/\.]\d{1,2}([\-\/\.]\d{1,2})?)?)"},
                     {"title", "A year, year-month or date: 1787, 1787-10 or 1787-10-27"}});
    w.raw(R"(<label for="to">to</label>)");
    w.open("input", {{"id", "to"},
                     {"name", "to"},
                     {"form", "search"},
                     {"value", link.get("to")},
                     {"placeholder", last},
                     {"inputmode", "numeric"},
                     {"size", "10"},
                     {"maxlength", "10"},
                     {"pattern", R"(\d{4}([\-\/\.]\d{1,2}([\-\/\.]\d{1,2})?)?)"},
                     {"title", "A year, year-month or date: 1787, 1787-10 or 1787-10-27"}});
    w.raw(R"(<button type="submit" form="search" class="date-apply">Apply</button></div>)");
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
    bool filtered = false;
    for (auto key : {"author", "site", "tag", "year", "from", "to"}) filtered = filtered || link.has(key);
    if (filtered) {
        w.element("p", "Try removing a filter above.");
        if (!q.empty()) {
            SearchLink words_only = link;
            for (auto key : {"author", "site", "tag", "year", "from", "to", "page"}) words_only.remove(key);
            w.open("p")
                .element("a", {{"href", words_only.url()}, {"class", "unfiltered"}},
                         "Search all articles for these words")
                .close("p");
        }
    } else {
        w.element("p", "Check the spelling, try fewer words, or join alternatives with OR.");
    }
    w.close("div");
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
    // On narrow screens the filters come after the results: a way down to them.
    if (r.total > 0) w.raw(R"(<a class="jump-filters" href="#facets">Filters &darr;</a>)");
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
    if (r.results.empty()) {
        if (r.total == 0) {
            empty_results(w, r, link);
        } else {
            w.element("p", {{"class", "empty"}}, "No articles on this page; go back to the first.");
        }
    } else {
        const std::uint64_t first = static_cast<std::uint64_t>(r.page - 1) * r.per_page + 1;
        w.open("ol", {{"class", "hits"}, {"start", std::to_string(first)}});
        // Articles open with the words the results are for marked.
        SearchLink shown = link;
        if (r.showing_corrected) shown.set("q", r.corrected);
        for (const auto& hit : r.results) w.raw(render_hit(hit, shown));
        w.close("ol");
    }
    w.raw(render_pagination(r.page, last_page(r.total, r.per_page), link));
    SearchLink feed = link;
    feed.remove("page").remove("sort").remove("per_page").path("/feed");
    w.open("p", {{"class", "feed-link"}});
    w.element("a", {{"href", feed.url()}, {"type", "application/atom+xml"}},
              "Atom feed of these articles, newest first");
    w.close("p");
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
    const SearchLink link(params);
    const std::uint64_t documents = searcher.database().get_doccount();
    auto request = parse_search_params(params);
    Result<searcher::SearchResponse> response = request ? searcher.search(request.value()) : request.error();

    html::Writer w;
    intro(w, link, documents, response ? &response.value().timeline : nullptr);
    search_form(w, link, documents);
    w.raw(R"(<p id="live-status" class="visually-hidden" role="status" aria-live="polite"></p>)");

    int status = 200;
    w.open("div", {{"class", "layout"}});
    w.open("div", {{"class", "results-col"}});
    if (response) {
        const auto& r = response.value();
        w.open("section", {{"class", "timeline-panel"}, {"aria-label", "Timeline"}});
        w.raw(render_timeline(r.timeline, link, is_front(link) ? "Articles" : "Matching articles"));
        date_range(w, link, r.timeline);
        w.close("section");
        results(w, r, link);
    } else {
        status = http_status(response.error().code);
        // The date fields stay, so a bad date can be put right here; the
        // chart's place is kept for the script to fill.
        w.open("section", {{"class", "timeline-panel"}, {"aria-label", "Timeline"}});
        w.raw(R"(<figure class="timeline" id="timeline" hidden></figure>)");
        date_range(w, link, searcher::Timeline{});
        w.close("section");
        w.open("section", {{"id", "results"}, {"class", "results"}});
        w.open("div", {{"class", "error-panel"}, {"role", "alert"}});
        w.element("h2", "That search could not be run");
        w.element("p", response.error().message);
        w.raw(R"(<p><a href="/">Start again from the front page</a></p>)");
        w.close("div").close("section");
    }
    w.close("div");
    w.open("aside", {{"id", "facets"}, {"class", "facets"}, {"aria-label", "Filter results"}});
    if (response) {
        const auto& r = request.value();
        w.raw(render_facets(response.value().facets, link, {r.author_find, r.tag_find}));
    }
    w.close("aside");
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
