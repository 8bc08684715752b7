#include "support/fixture_index_test.hpp"
#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/text.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace oped::test {
namespace {

using searcher::SearchRequest;
using searcher::SearchResponse;
using searcher::SortOrder;

std::string fold(const std::string& s) { return text::fold_case(s); }

class SearcherTest : public FixtureIndexTest {
  protected:
    SearchResponse search(const SearchRequest& request) {
        auto response = m_searcher->search(request);
        if (!response) {
            ADD_FAILURE() << request.query << ": " << response.error().param << ": " << response.error().message;
            return {};
        }
        return std::move(response).value();
    }

    SearchResponse search(const std::string& query) {
        SearchRequest r;
        r.query = query;
        r.per_page = 100;
        return search(r);
    }

    static std::vector<std::string> titles(const SearchResponse& r) {
        std::vector<std::string> out;
        for (const auto& hit : r.results) out.push_back(hit.article.title);
        return out;
    }

    static std::vector<std::string> slugs(const SearchResponse& r) {
        std::vector<std::string> out;
        for (const auto& hit : r.results) out.push_back(hit.article.url.substr(hit.article.url.rfind('/') + 1));
        return out;
    }

    static std::size_t count_where(const std::function<bool(const Article&)>& pred) {
        const auto& all = search_fixture_articles();
        return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), pred));
    }
};

TEST_F(SearcherTest, TheArticleAboutAWordRanksAboveOneThatMentionsItOnce) {
    const auto r = search("faction");
    ASSERT_GE(r.results.size(), 2u);
    EXPECT_EQ(slugs(r)[0], "federalist-10");
    EXPECT_EQ(r.total, count_where([](const Article& a) { return has_word(a, "faction"); }));
    EXPECT_TRUE(r.total_is_exact);
    EXPECT_GT(r.results[0].score, 0);
}

TEST_F(SearcherTest, EveryWordIsRequiredByDefault) {
    EXPECT_EQ(slugs(search("government ambition")), std::vector<std::string>{"federalist-51"});
}

TEST_F(SearcherTest, TitleAndAuthorPrefixesSearchOnlyThoseFields) {
    EXPECT_EQ(slugs(search("title:wit")), std::vector<std::string>{"spectator-62"});
    auto by_madison = slugs(search("author:madison"));
    std::sort(by_madison.begin(), by_madison.end());
    EXPECT_EQ(by_madison, (std::vector<std::string>{"federalist-10", "federalist-51"}));
}

TEST_F(SearcherTest, SiteAndDatePrefixesFilterTheWords) {
    auto spectator_wit = slugs(search("wit site:\"The Spectator\""));
    std::sort(spectator_wit.begin(), spectator_wit.end());
    EXPECT_EQ(spectator_wit, (std::vector<std::string>{"spectator-10", "spectator-62", "undated-letter"}));
    auto early = slugs(search("wit date:..1711-04"));
    EXPECT_EQ(early, std::vector<std::string>{"spectator-10"});
    EXPECT_EQ(search("date:2020-02-29..").total, 2u);
    EXPECT_EQ(slugs(search("lang:fr")), std::vector<std::string>{"liberte"});
}

struct FilterCase {
    const char* name;
    std::function<void(SearchRequest&)> fill;
    std::function<bool(const Article&)> expected;
};

TEST_F(SearcherTest, FiltersCombineAsTheBruteForceReadingSays) {
    const FilterCase cases[] = {
        {"an author", [](SearchRequest& r) { r.authors = {"James Madison"}; },
         [](const Article& a) { return std::count(a.authors.begin(), a.authors.end(), "James Madison") > 0; }},
        {"an author and a year",
         [](SearchRequest& r) {
             r.authors = {"james madison"};
             r.years = {"1787"};
         },
         [](const Article& a) { return a.url.ends_with("/federalist-10"); }},
        {"two authors are either",
         [](SearchRequest& r) {
             r.authors = {"James Madison", "Joseph Addison"};
         },
         [](const Article& a) {
             return std::count(a.authors.begin(), a.authors.end(), "James Madison") +
                        std::count(a.authors.begin(), a.authors.end(), "Joseph Addison") >
                    0;
         }},
        {"two authors and a site",
         [](SearchRequest& r) {
             r.authors = {"James Madison", "Joseph Addison"};
             r.sites = {"the spectator"};
         },
         [](const Article& a) {
             return a.site == "The Spectator" && std::count(a.authors.begin(), a.authors.end(), "Joseph Addison") > 0;
         }},
        {"a word and a tag",
         [](SearchRequest& r) {
             r.query = "wit";
             r.tags = {"Morality"};
         },
         [](const Article& a) { return a.url.ends_with("/spectator-10"); }},
        {"from and to in years",
         [](SearchRequest& r) {
             r.from = "1787";
             r.to = "1788";
         },
         [](const Article& a) { return a.published.starts_with("1787") || a.published.starts_with("1788"); }},
        {"from a day on", [](SearchRequest& r) { r.from = "2020-02-29"; },
         [](const Article& a) { return !a.published.empty() && a.published >= "2020-02-29"; }},
        {"up to a month", [](SearchRequest& r) { r.to = "1711-03"; },
         [](const Article& a) { return !a.published.empty() && a.published <= "1711-03-31"; }},
        {"a word and a date range",
         [](SearchRequest& r) {
             r.query = "government";
             r.from = "1788";
         },
         [](const Article& a) { return has_word(a, "government") && a.published >= "1788"; }},
    };
    for (const auto& c : cases) {
        SearchRequest r;
        r.per_page = 100;
        c.fill(r);
        const auto response = search(r);
        std::vector<std::string> got;
        for (const auto& hit : response.results) got.push_back(hit.article.url);
        std::vector<std::string> want;
        for (const auto& a : search_fixture_articles()) {
            if (c.expected(a)) want.push_back(a.url);
        }
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        EXPECT_EQ(got, want) << c.name;
        EXPECT_EQ(response.total, want.size()) << c.name;
        EXPECT_FALSE(want.empty()) << c.name << ": the case tests nothing";
    }
}

TEST_F(SearcherTest, NewestFirstPutsUndatedArticlesLast) {
    SearchRequest r;
    r.sort = SortOrder::newest;
    r.per_page = 100;
    const auto response = search(r);
    ASSERT_EQ(response.results.size(), search_fixture_articles().size());
    for (std::size_t i = 1; i + 1 < response.results.size(); ++i) {
        EXPECT_GE(response.results[i - 1].article.published, response.results[i].article.published) << i;
    }
    EXPECT_EQ(response.results.front().article.published, "2020-06-30");
    EXPECT_EQ(response.results.back().article.published, "");
}

TEST_F(SearcherTest, OldestFirstPutsUndatedArticlesLast) {
    SearchRequest r;
    r.sort = SortOrder::oldest;
    r.per_page = 100;
    const auto response = search(r);
    ASSERT_EQ(response.results.size(), search_fixture_articles().size());
    for (std::size_t i = 1; i + 1 < response.results.size(); ++i) {
        EXPECT_LE(response.results[i - 1].article.published, response.results[i].article.published) << i;
    }
    EXPECT_EQ(response.results.front().article.published, "1711-03-12");
    EXPECT_EQ(response.results.back().article.published, "");
}

TEST_F(SearcherTest, SortingAQueryByDateKeepsOnlyItsMatches) {
    SearchRequest r;
    r.query = "wit";
    r.sort = SortOrder::oldest;
    EXPECT_EQ(slugs(search(r)), (std::vector<std::string>{"spectator-10", "spectator-62", "undated-letter"}));
    r.sort = SortOrder::newest;
    EXPECT_EQ(slugs(search(r)), (std::vector<std::string>{"spectator-62", "spectator-10", "undated-letter"}));
}

TEST_F(SearcherTest, PagesTileTheResultsWithoutGapsOrRepeats) {
    SearchRequest all;
    all.sort = SortOrder::oldest;
    all.per_page = 100;
    const auto whole = slugs(search(all));
    std::vector<std::string> paged;
    SearchRequest r = all;
    r.per_page = 5;
    for (r.page = 1; r.page <= 4; ++r.page) {
        const auto response = search(r);
        EXPECT_EQ(response.total, whole.size()) << r.page;
        EXPECT_EQ(response.page, r.page);
        EXPECT_EQ(response.per_page, 5u);
        for (const auto& s : slugs(response)) paged.push_back(s);
    }
    EXPECT_EQ(paged, whole);
}

TEST_F(SearcherTest, APageBeyondTheLastIsEmptyButCountsTheTotal) {
    SearchRequest r;
    r.query = "faction";
    r.page = 3;
    r.per_page = 10;
    const auto response = search(r);
    EXPECT_TRUE(response.results.empty());
    EXPECT_EQ(response.total, count_where([](const Article& a) { return has_word(a, "faction"); }));
}

struct FacetCase {
    const char* name;
    std::function<void(SearchRequest&)> fill;
    std::function<bool(const Article&)> matches;
};

std::map<std::string, std::uint64_t> as_map(const std::vector<searcher::FacetValue>& values) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& v : values) out[v.value] = v.count;
    return out;
}

TEST_F(SearcherTest, FacetCountsEqualABruteForceCountUnderTheOtherFilters) {
    const FacetCase cases[] = {
        {"everything", [](SearchRequest&) {}, [](const Article&) { return true; }},
        {"a word", [](SearchRequest& r) { r.query = "wit"; }, [](const Article& a) { return has_word(a, "wit"); }},
        {"a word within a site",
         [](SearchRequest& r) {
             r.query = "wit";
             r.sites = {"The Spectator"};
         },
         [](const Article& a) { return has_word(a, "wit") && a.site == "The Spectator"; }},
        {"a word and a date range",
         [](SearchRequest& r) {
             r.query = "government";
             r.to = "1788-12-31";
         },
         [](const Article& a) {
             return has_word(a, "government") && !a.published.empty() && a.published <= "1788-12-31";
         }},
    };
    for (const auto& c : cases) {
        SearchRequest r;
        r.per_page = 1; // facets count every match, not only the page shown
        c.fill(r);
        const auto response = search(r);
        const BruteFacets want = brute_facets(search_fixture_articles(), c.matches);
        EXPECT_EQ(as_map(response.facets.author), want.author) << c.name;
        EXPECT_EQ(as_map(response.facets.year), want.year) << c.name;
        EXPECT_EQ(as_map(response.facets.site), want.site) << c.name;
        EXPECT_EQ(as_map(response.facets.tag), want.tag) << c.name;
        EXPECT_TRUE(response.facets.exact) << c.name;
    }
}

bool overlaps(const std::vector<std::string>& values, const std::vector<std::string>& chosen) {
    return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
        return std::any_of(chosen.begin(), chosen.end(), [&](const std::string& c) { return fold(v) == fold(c); });
    });
}

// The request read by brute force over the fixture articles: one word (or
// none), filters ORed within a field and ANDed across fields.
bool brute_matches(const Article& a, const SearchRequest& r) {
    const std::string year = a.published.substr(0, std::min<std::size_t>(4, a.published.size()));
    if (!r.query.empty() && !has_word(a, r.query)) return false;
    if (!r.authors.empty() && !overlaps(a.authors, r.authors)) return false;
    if (!r.sites.empty() && !overlaps({a.site}, r.sites)) return false;
    if (!r.tags.empty() && !overlaps(a.tags, r.tags)) return false;
    if (!r.years.empty() && !overlaps({year}, r.years)) return false;
    if (!r.from.empty() && (a.published.empty() || a.published < r.from)) return false;
    if (!r.to.empty() && (a.published.empty() || a.published.substr(0, r.to.size()) > r.to)) return false;
    return true;
}

// Disjunctive facets: each facet counts the matches of every filter but its
// own field's, so after choosing one author the others the query finds are
// still listed, with the counts they would add.
TEST_F(SearcherTest, AFilteredFieldsFacetCountsAsIfThatFieldWereNotFiltered) {
    const std::pair<const char*, std::function<void(SearchRequest&)>> cases[] = {
        {"one author", [](SearchRequest& r) { r.authors = {"James Madison"}; }},
        {"two authors",
         [](SearchRequest& r) {
             r.authors = {"James Madison", "joseph addison"};
         }},
        {"an author and an outlet",
         [](SearchRequest& r) {
             r.authors = {"Alexander Hamilton"};
             r.sites = {"Independent Journal"};
         }},
        {"a word and an outlet",
         [](SearchRequest& r) {
             r.query = "wit";
             r.sites = {"The Spectator"};
         }},
        {"a word, an author and a tag",
         [](SearchRequest& r) {
             r.query = "government";
             r.authors = {"James Madison"};
             r.tags = {"The Federalist"};
         }},
        {"a year within a date range",
         [](SearchRequest& r) {
             r.years = {"1787"};
             r.to = "1788-12-31";
         }},
        {"every field",
         [](SearchRequest& r) {
             r.authors = {"Joseph Addison"};
             r.sites = {"The Spectator"};
             r.tags = {"Wit"};
             r.years = {"1711"};
         }},
    };
    for (const auto& [name, fill] : cases) {
        SearchRequest r;
        r.per_page = 1; // facets count every match, not only the page shown
        fill(r);
        const auto response = search(r);
        auto without = [&](auto field) {
            SearchRequest w = r;
            (w.*field).clear();
            return brute_facets(search_fixture_articles(), [&](const Article& a) { return brute_matches(a, w); });
        };
        EXPECT_EQ(as_map(response.facets.author), without(&SearchRequest::authors).author) << name;
        EXPECT_EQ(as_map(response.facets.site), without(&SearchRequest::sites).site) << name;
        EXPECT_EQ(as_map(response.facets.tag), without(&SearchRequest::tags).tag) << name;
        EXPECT_EQ(as_map(response.facets.year), without(&SearchRequest::years).year) << name;
        EXPECT_EQ(response.total, count_where([&](const Article& a) { return brute_matches(a, r); })) << name;
        EXPECT_TRUE(response.facets.exact) << name;
    }
}

// Regression (issue 12, item 5): with one author chosen, only that author's
// co-authors were listed, so a second author could not be added.
TEST_F(SearcherTest, AfterChoosingAnAuthorTheOtherAuthorsOfTheQueryStayListed) {
    SearchRequest r;
    r.query = "faction"; // Madison's Federalist 10 and Hamilton's Federalist 1
    r.authors = {"James Madison"};
    const auto one = search(r);
    EXPECT_EQ(one.total, 1u);
    EXPECT_EQ(as_map(one.facets.author),
              (std::map<std::string, std::uint64_t>{{"Alexander Hamilton", 1}, {"James Madison", 1}}));
    r.authors.push_back("Alexander Hamilton");
    const auto two = search(r);
    EXPECT_EQ(two.total, 2u); // either author
    EXPECT_EQ(as_map(two.facets.author), as_map(one.facets.author));
}

TEST_F(SearcherTest, FacetValuesComeMostFrequentFirstAndAreCutToTheFacetSize) {
    SearchRequest r;
    r.facet_size = 2;
    const auto response = search(r);
    ASSERT_EQ(response.facets.author.size(), 2u);
    EXPECT_GE(response.facets.author[0].count, response.facets.author[1].count);
    ASSERT_EQ(response.facets.site.size(), 2u);
    EXPECT_EQ(response.facets.site[0].value, "Independent Journal");
    EXPECT_EQ(response.facets.site[0].count, 3u);
}

using Pairs = std::vector<std::pair<std::string, std::uint64_t>>;

Pairs pairs(const std::vector<searcher::FacetValue>& values) {
    Pairs out;
    for (const auto& v : values) out.emplace_back(v.value, v.count);
    return out;
}

// Regression: the find box of a long facet only looked among the values
// listed, so an author past the top facet_size could not be found.
TEST_F(SearcherTest, FindingAnAuthorLooksPastTheTopValues) {
    SearchRequest r;
    r.facet_size = 1;
    ASSERT_EQ(pairs(search(r).facets.author), (Pairs{{"Ada Lovelace", 2}}));
    r.author_find = "steele";
    EXPECT_EQ(pairs(search(r).facets.author), (Pairs{{"Richard Steele", 1}}));
}

// Regression: an author chosen after finding them, past the top facet_size,
// was not in the list, so the list showed no author as chosen.
TEST_F(SearcherTest, AChosenValuePastTheTopOnesStaysInItsFacet) {
    SearchRequest r;
    r.facet_size = 1;
    r.authors = {"richard steele"};
    r.tags = {"Morality"};
    const auto response = search(r);
    EXPECT_EQ(pairs(response.facets.author), (Pairs{{"Joseph Addison", 1}, {"Richard Steele", 1}}));
    EXPECT_EQ(pairs(response.facets.tag), (Pairs{{"Morality", 1}}));
    r.facet_size = 2;
    EXPECT_EQ(pairs(search(r).facets.author), (Pairs{{"Joseph Addison", 1}, {"Richard Steele", 1}}));
}

TEST_F(SearcherTest, FindingAFacetValueMatchesTheStartOfAnyWordAmongTheMatches) {
    struct Case {
        const char* name;
        std::string query, author_find, tag_find;
        Pairs authors, tags;
    };
    const Case cases[] = {
        {"any word of a name, most articles first", "", "JO", "", {{"Joseph Addison", 2}, {"Samuel Johnson", 1}}, {}},
        {"the middle of a word finds nothing", "", "teele", "", {}, {}},
        {"accents are folded", "", "", "liberte", {}, {{"Libert\xC3\xA9", 1}}},
        {"a tag find keeps both spellings", "", "", "Liber", {}, {{"Liberty", 1}, {"Libert\xC3\xA9", 1}}},
        {"only the values of the query's matches", "wit", "a", "", {{"Joseph Addison", 2}}, {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        SearchRequest r;
        r.query = c.query;
        r.author_find = c.author_find;
        r.tag_find = c.tag_find;
        const auto response = search(r);
        if (!c.author_find.empty()) {
            EXPECT_EQ(pairs(response.facets.author), c.authors);
        }
        if (!c.tag_find.empty()) {
            EXPECT_EQ(pairs(response.facets.tag), c.tags);
        }
    }
}

TEST_F(SearcherTest, NoFacetsWhenNotAskedFor) {
    SearchRequest r;
    r.facets = false;
    const auto response = search(r);
    EXPECT_TRUE(response.facets.author.empty());
    EXPECT_TRUE(response.facets.tag.empty());
}

// Only <mark> and </mark> may be tags in a snippet; everything else is text.
void expect_only_marks(const std::string& snippet, const std::string& context) {
    std::string rest = snippet;
    for (const std::string tag : {"<mark>", "</mark>"}) {
        for (auto at = rest.find(tag); at != std::string::npos; at = rest.find(tag)) rest.erase(at, tag.size());
    }
    EXPECT_EQ(rest.find('<'), std::string::npos) << context << ": " << snippet;
    EXPECT_EQ(rest.find('>'), std::string::npos) << context << ": " << snippet;
}

TEST_F(SearcherTest, SnippetsMarkTheMatches) {
    const auto r = search("faction");
    ASSERT_FALSE(r.results.empty());
    for (const auto& hit : r.results) {
        EXPECT_NE(hit.snippet.find("<mark>faction</mark>"), std::string::npos) << hit.snippet;
        expect_only_marks(hit.snippet, hit.article.title);
        EXPECT_TRUE(hit.article.body.empty()) << "a result list does not carry bodies";
    }
}

TEST_F(SearcherTest, SnippetsEscapeMarkupInTheText) {
    const auto r = search("markup");
    ASSERT_EQ(slugs(r), std::vector<std::string>{"hostile"});
    const std::string& snippet = r.results[0].snippet;
    EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
    expect_only_marks(snippet, "markup");
    // The title is data, not HTML: it comes back as written for the page to escape.
    EXPECT_EQ(r.results[0].article.title, "<script>alert(1)</script> Crisis of Markup");
}

TEST_F(SearcherTest, MarkupInTheQueryNeverReachesASnippet) {
    for (const std::string q : {"<script>alert</script>", "\"<script>\" crisis", "<b>markup</b>", "<mark>wit"}) {
        const auto r = search(q);
        for (const auto& hit : r.results) expect_only_marks(hit.snippet, q);
        EXPECT_EQ(r.query, q);
    }
}

TEST_F(SearcherTest, BrowsingWithoutWordsShowsTheLeadOfEachArticle) {
    SearchRequest r;
    r.sites = {"The Rambler"};
    const auto response = search(r);
    ASSERT_EQ(response.results.size(), 1u);
    EXPECT_EQ(response.results[0].snippet,
              "No place affords a more striking conviction of the vanity of human hopes, than a public library.");
    EXPECT_EQ(response.results[0].score, 0);
    EXPECT_TRUE(response.notice.empty());
}

TEST_F(SearcherTest, TheLeadOfALongArticleIsCutAtAWordWithAnEllipsis) {
    SearchRequest r;
    r.sites = {"Independent Journal"};
    r.snippet_bytes = 60;
    for (const auto& hit : search(r).results) {
        EXPECT_LE(hit.snippet.size(), 60u + 3u) << hit.snippet;
        EXPECT_TRUE(hit.snippet.ends_with("\xE2\x80\xA6")) << hit.snippet;
        EXPECT_EQ(hit.snippet.find("<mark>"), std::string::npos);
    }
}

TEST_F(SearcherTest, AnExactPhraseFindsItsQuotationWithoutANotice) {
    const auto r = search("\"the latent causes of faction\"");
    EXPECT_EQ(slugs(r), std::vector<std::string>{"federalist-10"});
    EXPECT_TRUE(r.notice.empty()) << r.notice;
}

TEST_F(SearcherTest, APhraseWithAWordMissingFallsBackToAllItsWords) {
    const auto r = search("\"ambition must counteract ambition\"");
    EXPECT_EQ(slugs(r), std::vector<std::string>{"federalist-51"});
    EXPECT_FALSE(r.notice.empty());
}

TEST_F(SearcherTest, AQuotationWithAWordWrongFallsBackToTheClosestMatches) {
    // The paper has "angels", not "devils".
    const auto r = search("\xE2\x80\x9CIf men were devils, no government would be necessary\xE2\x80\x9D");
    ASSERT_FALSE(r.results.empty());
    EXPECT_EQ(slugs(r)[0], "federalist-51");
    EXPECT_FALSE(r.notice.empty());
}

TEST_F(SearcherTest, ALooserReadingStillHonoursTheFilters) {
    // Regression: the fallback searched the query's words without its
    // site: filter, and showed The Federalist for a Spectator-only query.
    const auto r = search("\"counteract ambition\" site:\"The Spectator\"");
    for (const auto& hit : r.results) EXPECT_EQ(hit.article.site, "The Spectator") << hit.article.title;
    EXPECT_EQ(r.total, 0u);
}

TEST_F(SearcherTest, ALooserReadingStillExcludesTheExcludedWords) {
    // Regression: the fallback turned -judgment into a wanted word, and
    // showed the one page the user had excluded.
    const auto r = search("\"false wit\" -judgment");
    ASSERT_FALSE(r.results.empty());
    for (const auto& hit : r.results) EXPECT_FALSE(has_word(hit.article, "judgment")) << hit.article.title;
    EXPECT_FALSE(r.notice.empty());
}

TEST_F(SearcherTest, ExcludedWordsAloneFindEverythingElse) {
    // Regression: Xapian reads "-wit" alone as "wit".
    const auto r = search("-wit");
    EXPECT_EQ(r.total, count_where([](const Article& a) { return !has_word(a, "wit"); }));
    for (const auto& hit : r.results) EXPECT_FALSE(has_word(hit.article, "wit")) << hit.article.title;
}

TEST_F(SearcherTest, ADateRangeTypedBackwardsStillFilters) {
    // Regression: date:1788..1787 vanished from the query and everything matched.
    auto r = slugs(search("government date:1788..1787"));
    std::sort(r.begin(), r.end());
    EXPECT_EQ(r, (std::vector<std::string>{"federalist-1", "federalist-51"}));
}

TEST_F(SearcherTest, AMisspellingThatFindsNothingIsSearchedCorrectedAtOnce) {
    const auto r = search("ambitoin");
    EXPECT_EQ(r.query, "ambitoin");
    EXPECT_EQ(r.corrected, "ambition");
    EXPECT_TRUE(r.showing_corrected);
    EXPECT_EQ(slugs(r), (std::vector<std::string>{"federalist-51"}));
    // The snippet marks the corrected word.
    ASSERT_EQ(r.results.size(), 1u);
    EXPECT_NE(r.results[0].snippet.find("<mark>"), std::string::npos) << r.results[0].snippet;
}

TEST_F(SearcherTest, AMisspeltNameTakesTheNamesCapital) {
    const auto r = search("Hamliton");
    EXPECT_EQ(r.corrected, "Hamilton");
    EXPECT_TRUE(r.showing_corrected);
    EXPECT_GT(r.total, 0u);
    // Typed in lower case, a name still shows as it is written.
    EXPECT_EQ(search("madisen").corrected, "Madison");
}

TEST_F(SearcherTest, WithoutAutoCorrectionTheWordsAsTypedAreSearchedAndTheCorrectionOffered) {
    SearchRequest r;
    r.query = "ambitoin";
    r.auto_correct = false;
    const auto response = search(r);
    EXPECT_EQ(response.total, 0u);
    EXPECT_EQ(response.corrected, "ambition");
    EXPECT_FALSE(response.showing_corrected);
}

TEST_F(SearcherTest, AQueryThatFindsEnoughIsNotCorrected) {
    // "wit" and "faction" are indexed: nothing to correct, whatever is near.
    EXPECT_EQ(search("wit faction").corrected, "");
    EXPECT_FALSE(search("faction").showing_corrected);
}

TEST_F(SearcherTest, AMisspellingBesideACorrectWordIsCorrectedBeforeLooserReadings) {
    // Without the correction, the looser "any word" reading would show the
    // pages holding "government" alone.
    const auto r = search("government ambitoin");
    EXPECT_TRUE(r.showing_corrected);
    EXPECT_EQ(r.corrected, "government ambition");
    EXPECT_EQ(slugs(r), (std::vector<std::string>{"federalist-51"}));
    EXPECT_EQ(r.notice, "");
}

TEST_F(SearcherTest, ACorrectWordIsNotCorrected) {
    EXPECT_EQ(search("ambition").corrected, "");
    EXPECT_EQ(search("socrates").corrected, "");
}

TEST_F(SearcherTest, ExcludedWordsDropTheirArticles) {
    auto r = slugs(search("wit -morality"));
    std::sort(r.begin(), r.end());
    EXPECT_EQ(r, (std::vector<std::string>{"spectator-62", "undated-letter"}));
}

TEST_F(SearcherTest, AStoredDocumentComesBackWhole) {
    const auto r = search("\"the latent causes of faction\"");
    ASSERT_EQ(r.results.size(), 1u);
    auto doc = m_searcher->document(r.results[0].id);
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc.value().article, search_fixture_articles()[0]);
    EXPECT_EQ(doc.value().id, r.results[0].id);
}

TEST_F(SearcherTest, AnUnknownDocumentIsNotFound) {
    for (const std::string id : {"0", "1", "999999", "0123456789abcdef", ""}) {
        auto doc = m_searcher->document(id);
        ASSERT_FALSE(doc) << id;
        EXPECT_EQ(doc.error().code, ErrorCode::not_found);
    }
}

struct RefusedCase {
    const char* name;
    std::function<void(SearchRequest&)> fill;
    const char* param;
};

TEST_F(SearcherTest, BadRequestsAreRefusedAsValuesNamingTheParameter) {
    // Regression (fixed in aaf708d): invalid year/from/to threw std::logic_error.
    const RefusedCase cases[] = {
        {"a two-digit year", [](SearchRequest& r) { r.years = {"87"}; }, "year"},
        {"a month 13", [](SearchRequest& r) { r.from = "1787-13"; }, "from"},
        {"a word for a date", [](SearchRequest& r) { r.to = "tomorrow"; }, "to"},
        {"no results per page", [](SearchRequest& r) { r.per_page = 0; }, "per_page"},
        {"too many per page", [](SearchRequest& r) { r.per_page = 101; }, "per_page"},
        {"page zero", [](SearchRequest& r) { r.page = 0; }, "page"},
        {"deeper than 10,000",
         [](SearchRequest& r) {
             r.page = 101;
             r.per_page = 100;
         },
         "page"},
        {"too long a query", [](SearchRequest& r) { r.query = std::string(1025, 'a'); }, "q"},
    };
    for (const auto& c : cases) {
        SearchRequest r;
        c.fill(r);
        auto response = m_searcher->search(r);
        ASSERT_FALSE(response) << c.name;
        EXPECT_EQ(response.error().code, ErrorCode::invalid_param) << c.name;
        EXPECT_EQ(response.error().param, c.param) << c.name;
    }
}

TEST_F(SearcherTest, TheDeepestAllowedPageIsServed) {
    SearchRequest r;
    r.page = 100;
    r.per_page = 100;
    auto response = m_searcher->search(r);
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_TRUE(response.value().results.empty());
}

TEST_F(SearcherTest, CaseAndSpacingOfFilterValuesDoNotMatter) {
    SearchRequest r;
    r.sites = {"  the   SPECTATOR "};
    r.per_page = 100;
    const SearchResponse response = search(r);
    EXPECT_EQ(response.total, count_where([](const Article& a) { return fold(a.site) == "the spectator"; }));
    // The total is a count, not an estimate: the filter's two terms (the
    // name given, the site) match the same pages.
    EXPECT_TRUE(response.total_is_exact);
    EXPECT_EQ(response.results.size(), response.total);
}

} // namespace
} // namespace oped::test
