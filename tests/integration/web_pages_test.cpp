// The HTML pages as socket-free handlers over a small index with a hostile
// article: what they show, and that nothing from the index or the request
// comes back as markup.

#include "support/web_fixture.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>

#include <gtest/gtest.h>

namespace oped::test {
namespace {

using http::ParamMap;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

constexpr const char* k_base = "http://127.0.0.1:8080";

class WebPages : public WebFixture {};

TEST_F(WebPages, FrontPageListsNewestArticlesAuthorsAndTheWholeTimeline) {
    const auto reply = http::handle_search_page({}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "text/html; charset=utf-8");
    EXPECT_TRUE(contains(reply.body, "An archive of opinion"));
    EXPECT_TRUE(contains(reply.body,
                         "5 essays and articles, 1776\xE2\x80\x93"
                         "1788."));
    EXPECT_TRUE(contains(reply.body, ">Newest articles</h2>"));
    // Newest first: Federalist 51 (1788) before Federalist 10 (1787-11-22).
    EXPECT_LT(reply.body.find("Checks and Balances"), reply.body.find("Domestic Faction"));
    EXPECT_TRUE(contains(reply.body, R"(data-period="1776")"));
    EXPECT_TRUE(contains(reply.body, R"(data-period="1777" data-count="0")"));
    EXPECT_TRUE(contains(
        reply.body,
        R"(<span class="facet-name">James Madison</span> <span class="facet-count">2<span class="visually-hidden"> articles</span></span>)"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, ResultsHaveMarkedSnippetsFacetLinksChipsAndPages) {
    const ParamMap params{{"q", "faction"}, {"author", "James Madison"}, {"per_page", "1"}};
    const auto reply = http::handle_search_page(params, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "<mark>faction</mark>"));
    EXPECT_TRUE(contains(reply.body, R"(class="summary-count">2 articles</span>)"));
    EXPECT_TRUE(contains(reply.body, R"(aria-label="Remove filter Author: James Madison")"));
    // The chip removes the author and keeps the rest.
    EXPECT_TRUE(contains(reply.body, R"(class="chip" href="/?q=faction&amp;per_page=1")"));
    EXPECT_TRUE(
        contains(reply.body, R"(href="/?q=faction&amp;author=James%20Madison&amp;page=2&amp;per_page=1" rel="next")"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/author/James%20Madison">About James Madison)"));
    // Per month: the matches span less than three years.
    EXPECT_TRUE(contains(reply.body, R"(data-unit="month")"));
    expect_inert_html(reply.body);
}

// Without the script the find box of a facet is a GET form: it keeps the
// search, and the page lists what it found with a way back to the whole list.
TEST_F(WebPages, AFacetFindBoxIsAFormAndItsAnswerListsWhatItFound) {
    const ParamMap params{{"q", "faction"}, {"sort", "newest"}, {"author_find", "MAD"}};
    const auto reply = http::handle_search_page(params, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(
        reply.body, R"(<form class="facet-find-form" action="/" method="get" aria-label="Find an author">)"
                    R"(<input type="hidden" name="q" value="faction"><input type="hidden" name="sort" value="newest">)"
                    R"(<input type="search" class="facet-find" name="author_find" value="MAD")"));
    EXPECT_TRUE(contains(reply.body,
                         "1 author matching \xE2\x80\x9CMAD\xE2\x80\x9D. "
                         R"(<a href="/?q=faction&amp;sort=newest" class="facet-find-clear">Show all authors</a>)"));
    // Only the author found; choosing it drops the find.
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?q=faction&amp;author=James%20Madison&amp;sort=newest")"));
    EXPECT_FALSE(contains(reply.body, R"(<span class="facet-name">Alexander Hamilton</span>)"));
    // The other facets are whole.
    EXPECT_TRUE(contains(reply.body, R"(<span class="facet-name">Faction</span>)"));
    expect_inert_html(reply.body);
    const auto tags = http::handle_search_page({{"tag_find", "fed"}}, searcher());
    EXPECT_TRUE(contains(tags.body, R"(placeholder="Find a tag" aria-label="Find a tag")"));
    EXPECT_TRUE(contains(tags.body,
                         "1 tag matching \xE2\x80\x9C"
                         "fed\xE2\x80\x9D. "));
    EXPECT_TRUE(contains(
        tags.body,
        R"(<span class="facet-name">The Federalist</span> <span class="facet-count">3<span class="visually-hidden"> articles</span></span>)"));
}

// Facet links are read by their visible text (no aria-label that differs
// from it: axe's label-content-name-mismatch) and land on the results.
TEST_F(WebPages, FacetLinksAreNamedByTheirTextAndLandOnTheResults) {
    const auto reply = http::handle_search_page({{"q", "faction"}, {"author", "James Madison"}}, searcher());
    ASSERT_EQ(reply.status, 200);
    const auto facets = reply.body.substr(reply.body.find(R"(id="facets")"));
    EXPECT_FALSE(contains(facets.substr(0, facets.find("</aside>")), "aria-label=\"James"));
    EXPECT_TRUE(contains(reply.body,
                         R"(<a href="/?q=faction#results" aria-current="true">)"
                         R"(<span class="facet-name">James Madison</span> )"
                         R"(<span class="facet-count">2<span class="visually-hidden"> articles</span></span>)"
                         R"(<span class="visually-hidden"> (selected; choose to remove)</span></a>)"));
}

// A page size of 10, 20 or 50 is offered; the one chosen is kept in every
// link of the page; a size the API refuses is refused here too, in words.
TEST_F(WebPages, APageSizeIsOfferedKeptInLinksAndCheckedLikeTheApiChecksIt) {
    const auto reply = http::handle_search_page({{"sort", "oldest"}, {"per_page", "2"}}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, R"(<nav class="per-page" aria-label="Results per page">)"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?sort=oldest" data-per-page="10">10</a>)"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?sort=oldest&amp;per_page=20" data-per-page="20">20</a>)"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?sort=oldest&amp;per_page=50" data-per-page="50">50</a>)"));
    // Kept: the next page, a facet, the sort, and the search form.
    EXPECT_TRUE(contains(reply.body, R"(href="/?sort=oldest&amp;page=2&amp;per_page=2" rel="next")"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?author=James%20Madison&amp;sort=oldest&amp;per_page=2#results">)"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/?sort=newest&amp;per_page=2" data-sort="newest">)"));
    EXPECT_TRUE(contains(reply.body, R"(<input type="hidden" name="per_page" value="2" class="keep">)"));

    const auto twenty = http::handle_search_page({{"per_page", "20"}}, searcher());
    ASSERT_EQ(twenty.status, 200);
    EXPECT_TRUE(contains(twenty.body, R"(<a href="/?per_page=20" aria-current="true" data-per-page="20">20</a>)"));

    for (const char* bad : {"0", "101", "500", "abc", "-5"}) {
        const auto refused = http::handle_search_page({{"per_page", bad}}, searcher());
        EXPECT_EQ(refused.status, 400) << bad;
        EXPECT_TRUE(contains(refused.body, "per_page must be")) << bad << ": " << refused.body.substr(0, 200);
        const auto api = http::handle_search({{"per_page", bad}}, searcher());
        EXPECT_EQ(api.status, 400) << bad;
    }
}

TEST_F(WebPages, AFacetFindThatFindsNothingSaysSoAndIsEscaped) {
    const std::string attack = "<img src=x onerror=alert(10)>";
    const auto reply = http::handle_search_page({{"author_find", attack}}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "No author matches \xE2\x80\x9C&lt;img src=x onerror=alert(10)&gt;\xE2\x80\x9D."));
    EXPECT_TRUE(contains(reply.body, R"(name="author_find" value="&lt;img src=x onerror=alert(10)&gt;")"));
    EXPECT_TRUE(contains(reply.body, R"(<ul class="facet-list"></ul>)"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, DateBoxesShowTheSpanOfTheMatchesOrElseTheShapeOfADate) {
    const auto some = http::handle_search_page({{"q", "faction"}}, searcher());
    ASSERT_EQ(some.status, 200);
    EXPECT_TRUE(contains(some.body, R"(id="from" name="from" form="search" value="" placeholder="1787)"))
        << "the first period of the matches";
    const auto none = http::handle_search_page({{"q", "xylophonist"}}, searcher());
    ASSERT_EQ(none.status, 200);
    // Regression: a made-up span (1787 to 1788) whatever the archive held.
    EXPECT_TRUE(contains(none.body, R"(placeholder="YYYY")"));
    EXPECT_TRUE(contains(none.body, R"(placeholder="YYYY-MM-DD")"));
    EXPECT_FALSE(contains(none.body, R"(placeholder="1788")"));
}

TEST_F(WebPages, HostileIndexValuesAreShownAsText) {
    const auto reply = http::handle_search_page({{"q", "zanzibar"}}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(
        contains(reply.body, "&lt;script&gt;alert(1)&lt;/script&gt; Zanzibar &amp; &quot;quotes&quot; &#39;too&#39;"));
    EXPECT_TRUE(contains(reply.body, "Mallory &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    EXPECT_TRUE(contains(reply.body, "&lt;b&gt;Hostile&lt;/b&gt; Gazette"));
    EXPECT_TRUE(contains(reply.body, "&lt;svg onload=alert(3)&gt;"));
    // Values in URLs are percent-encoded.
    EXPECT_TRUE(contains(reply.body, "author=Mallory%20%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%282%29%3E"));
    // The javascript: URL is never a link: the title goes to the archive's copy.
    EXPECT_FALSE(contains(reply.body, "javascript:"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, WhatTheUserTypedIsEscapedEverywhereItIsShown) {
    const std::string attack = "\"><script>alert(7)</script><img src=x onerror=alert(8)>";
    const ParamMap params{{"q", attack}, {"author", attack}, {"site", attack}, {"tag", attack}, {"from", "1787"}};
    const auto reply = http::handle_search_page(params, searcher());
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "value=\"&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;"));
    EXPECT_FALSE(contains(reply.body, "<script>alert"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, BadParametersGiveAReadablePageWithTheFormStillThere) {
    const auto reply = http::handle_search_page({{"q", "<b>faction</b>"}, {"sort", "sideways"}}, searcher());
    EXPECT_EQ(reply.status, 400);
    EXPECT_TRUE(contains(reply.body, "That search could not be run"));
    EXPECT_TRUE(contains(reply.body, "sort must be relevance, newest or oldest"));
    EXPECT_TRUE(contains(reply.body, R"(<form id="search")"));
    EXPECT_TRUE(contains(reply.body, R"(id="q" name="q" value="&lt;b&gt;faction&lt;/b&gt;")"));
    expect_inert_html(reply.body);
}

// Issue 12, item 8: dates the searcher refuses are put right on the page,
// not answered with an error page (the API keeps its 400).
TEST_F(WebPages, RefusedDatesAreMarkedBesideTheirFieldsAndTheResultsShownWithoutThem) {
    struct Case {
        const char* name;
        ParamMap params;
        bool from_marked, to_marked;
        const char* message;
    };
    const Case cases[] = {
        {"a range backwards",
         {{"q", "faction"}, {"from", "1788"}, {"to", "1787"}},
         true,
         true,
         "These dates were not applied: to (1787) is before from (1788)."},
        {"a start that is no date",
         {{"q", "faction"}, {"from", "<b>not a date</b>"}},
         true,
         false,
         "These dates were not applied: from must be a date like 1787, 1787-11 or 1787-11-22."},
        {"an end that is no date",
         {{"q", "faction"}, {"to", "tomorrow"}},
         false,
         true,
         "These dates were not applied: to must be a date like 1787, 1787-11 or 1787-11-22."},
    };
    const std::string marks = R"( aria-invalid="true" aria-describedby="date-error">)";
    for (const auto& c : cases) {
        const auto reply = http::handle_search_page(c.params, searcher());
        EXPECT_EQ(reply.status, 200) << c.name;
        const auto field = [&](const char* id) {
            const auto at = reply.body.find(std::string(R"(<input id=")") + id + '"');
            return at == std::string::npos ? std::string() : reply.body.substr(at, reply.body.find('>', at) + 1 - at);
        };
        EXPECT_EQ(field("from").ends_with(marks), c.from_marked) << c.name << ": " << field("from");
        EXPECT_EQ(field("to").ends_with(marks), c.to_marked) << c.name << ": " << field("to");
        EXPECT_TRUE(
            contains(reply.body, std::string(R"(<p id="date-error" class="field-error">)") + c.message + "</p>"))
            << c.name;
        // The rest of the page: the words' three matches; links and chips
        // without the refused dates.
        EXPECT_TRUE(contains(reply.body, R"(class="summary-count">3 articles</span>)")) << c.name;
        EXPECT_FALSE(contains(reply.body, "Dates:")) << c.name;
        EXPECT_TRUE(contains(reply.body, R"(<a href="/?q=faction&amp;author=James%20Madison#results">)")) << c.name;
        EXPECT_TRUE(contains(reply.body, R"(<a href="/?q=faction&amp;sort=newest" data-sort="newest">)")) << c.name;
        EXPECT_FALSE(contains(reply.body, "error-panel")) << c.name;
        expect_inert_html(reply.body);
    }
}

TEST_F(WebPages, APagePastTheEndSaysThereAreNoMoreResultsAndLinksToTheLastPage) {
    for (const char* page : {"7", "9999", "99999999999999999999"}) {
        const auto reply = http::handle_search_page({{"q", "faction"}, {"per_page", "1"}, {"page", page}}, searcher());
        EXPECT_EQ(reply.status, 200) << page;
        EXPECT_TRUE(contains(reply.body, "<h3>No more results</h3>")) << page;
        EXPECT_TRUE(contains(reply.body, "<p>Page " + std::string(page) +
                                             " is past the end: the last page of these 3 articles is page 3.</p>"))
            << page;
        EXPECT_TRUE(contains(reply.body, R"(<a href="/?q=faction&amp;page=3&amp;per_page=1" class="last-page">)"
                                         "Go to the last page (page 3)</a>"))
            << page;
        EXPECT_FALSE(contains(reply.body, R"(class="hit")")) << page;
        EXPECT_FALSE(contains(reply.body, R"(class="pagination")")) << page;
        expect_inert_html(reply.body);
    }
    // Not a page number at all: still the caller's error.
    EXPECT_EQ(http::handle_search_page({{"q", "faction"}, {"page", "abc"}}, searcher()).status, 400);
    EXPECT_EQ(http::handle_search_page({{"q", "faction"}, {"page", "0"}}, searcher()).status, 400);
}

TEST_F(WebPages, NoResultsOfferTheCorrectionALinkRemovingEachFilterAndBrowsing) {
    const auto reply = http::handle_search_page(
        {{"q", "factoin"}, {"spell", "0"}, {"author", "James Madison"}, {"from", "1788"}}, searcher());
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "No articles match <q>factoin</q>."));
    EXPECT_TRUE(contains(reply.body, R"(class="corrected">faction</a>?)"));
    EXPECT_TRUE(contains(reply.body, R"(<ul class="remove-filters" aria-labelledby="remove-filters-label">)"
                                     R"(<li><a href="/?q=factoin&amp;from=1788&amp;spell=0" class="remove-filter">)"
                                     "Remove Author: James Madison</a></li>"
                                     R"(<li><a href="/?q=factoin&amp;author=James%20Madison&amp;spell=0" )"
                                     R"(class="remove-filter">Remove Dates: 1788 )"
                                     "\xE2\x80\x93 \xE2\x80\xA6</a></li></ul>"));
    EXPECT_TRUE(contains(reply.body, R"(class="unfiltered">Search all articles for these words</a>)"));
    EXPECT_TRUE(contains(reply.body, R"(<a href="/" class="browse-all">Browse all articles, newest first</a>)"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, NoResultsSaySoWithAWayOut) {
    const auto reply = http::handle_search_page({{"q", "angels"}, {"author", "Thomas Paine"}}, searcher());
    EXPECT_TRUE(contains(reply.body, "No articles match <q>angels</q>."));
    EXPECT_TRUE(contains(reply.body, R"(class="unfiltered")"));
    EXPECT_FALSE(contains(reply.body, R"(class="sort")"));
}

TEST_F(WebPages, AMisspeltQueryShowsTheCorrectionsResultsAndALinkToTheWordsAsTyped) {
    const auto reply = http::handle_search_page({{"q", "Hamliton"}}, searcher());
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, R"(<p class="showing-corrected">Showing results for <a href="/?q=Hamilton" )"
                                     R"(class="corrected"><strong>Hamilton</strong></a></p>)"))
        << reply.body;
    EXPECT_TRUE(contains(reply.body,
                         R"(<p class="search-instead">Search instead for <a href="/?q=Hamliton&amp;spell=0" )"
                         R"(class="original">Hamliton</a></p>)"));
    EXPECT_TRUE(contains(reply.body, R"(<ol class="hits")"));
    EXPECT_TRUE(contains(reply.body, "The Federalist No. 1: General Introduction"));
    // The box keeps what was typed; a new search there is corrected again.
    EXPECT_TRUE(contains(reply.body, R"(name="q" value="Hamliton")"));
}

TEST_F(WebPages, SearchingTheWordsAsTypedOffersTheCorrection) {
    const auto reply = http::handle_search_page({{"q", "Hamliton"}, {"spell", "0"}}, searcher());
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "No articles match <q>Hamliton</q>."));
    EXPECT_TRUE(contains(reply.body, R"(Did you mean <a href="/?q=Hamilton" class="corrected">Hamilton</a>?)"));
    EXPECT_FALSE(contains(reply.body, "Showing results for"));
}

TEST_F(WebPages, TheCorrectionNoticeEscapesWhatWasTyped) {
    const auto reply = http::handle_search_page({{"q", "Zanzibr<script>"}}, searcher());
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "<strong>Zanzibar&lt;script&gt;</strong>")) << reply.body;
    EXPECT_TRUE(contains(reply.body, R"(class="original">Zanzibr&lt;script&gt;</a>)"));
    EXPECT_FALSE(contains(reply.body, "<script>"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, AuthorPageHasTheirArticlesNewestFirstOutletsCoauthorsAndWords) {
    const auto reply = http::handle_author_page("james madison", {}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, R"(<h1 class="author-name">James Madison</h1>)"));
    EXPECT_TRUE(contains(reply.body, "2 articles, 22 November 1787 \xE2\x80\x93 6 February 1788, in 1 outlet"));
    EXPECT_LT(reply.body.find("Checks and Balances"), reply.body.find("Domestic Faction"));
    EXPECT_TRUE(contains(reply.body, R"(href="/author/Alexander%20Hamilton")"));
    EXPECT_TRUE(contains(reply.body, R"(class="term-list")"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, HostileAuthorPageEscapesTheName) {
    const auto reply = http::handle_author_page(k_hostile_author, {}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body, "Mallory &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</h1>"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, UnknownAuthorIsANotFoundPage) {
    const auto reply = http::handle_author_page("<script>alert(9)</script>", {}, searcher());
    EXPECT_EQ(reply.status, 404);
    EXPECT_TRUE(contains(reply.body, "names &lt;script&gt;alert(9)&lt;/script&gt; as an author"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, ArticlePageMarksTheQueryWordsAndCitesTheArticle) {
    const auto id = id_of("federalist-51");
    const auto reply = http::handle_doc_page(id, {{"q", "ambition"}}, searcher(), k_base);
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body,
                         R"(<mark id="first-mark">Ambition</mark> must be made to counteract <mark>ambition</mark>)"));
    EXPECT_TRUE(contains(reply.body, R"(href="/?q=ambition" class="doc-back-link">)"));
    EXPECT_TRUE(contains(reply.body,
                         "Hamilton, Alexander, and James Madison. \xE2\x80\x9CThe Federalist No. 51: Checks and "
                         "Balances.\xE2\x80\x9D <i>Independent Journal</i>, February 6, 1788."));
    EXPECT_TRUE(contains(reply.body, "@article{hamilton1788federalist,"));
    EXPECT_TRUE(contains(reply.body, R"(class="similar-list")"));
    EXPECT_TRUE(
        contains(reply.body, R"(<a href="https://independent-journal.example/federalist-51" class="doc-original")"));
    expect_inert_html(reply.body);
}

// Regression: the words of a wildcard query were not marked in the article.
TEST_F(WebPages, ArticlePageMarksTheWordsOfAWildcardQuery) {
    const auto id = id_of("federalist-51");
    const auto reply = http::handle_doc_page(id, {{"q", "ambit*"}}, searcher(), k_base);
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(contains(reply.body,
                         R"(<mark id="first-mark">Ambition</mark> must be made to counteract <mark>ambition</mark>)"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, HostileArticlePageShowsItsMarkupAsText) {
    const auto reply = http::handle_doc_page(id_of("hostile"), {{"q", "script onerror"}}, searcher(), k_base);
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(
        contains(reply.body, "&lt;<mark id=\"first-mark\">script</mark>&gt;alert(4)&lt;/<mark>script</mark>&gt;"));
    EXPECT_TRUE(contains(reply.body, "&lt;img src=x <mark>onerror</mark>=alert(5)&gt;"));
    EXPECT_FALSE(contains(reply.body, "javascript:"));
    expect_inert_html(reply.body);
}

TEST_F(WebPages, MissingArticlesAreNotFoundPages) {
    for (const std::string id : {"0", "999999", "abc", "12abc", "-1"}) {
        const auto reply = http::handle_doc_page(id, {}, searcher(), k_base);
        EXPECT_EQ(reply.status, 404) << id;
        EXPECT_TRUE(contains(reply.body, "Not found")) << id;
    }
}

} // namespace
} // namespace oped::test
