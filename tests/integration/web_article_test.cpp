// The archive's article page as the place a result leads to (issue 12):
// result titles link to it with the search carried, the original is a
// secondary link, feeds and citations name its permanent URL, its <head>
// describes the article for reference managers and link previews, and it
// leads back to the search and on to the neighbouring results and the
// author's other articles.

#include "support/web_fixture.hpp"

#include <oped/http/cite.hpp>
#include <oped/http/pages.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace oped::test {
namespace {

using http::ParamMap;

constexpr const char* k_base = "https://archive.example/base";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// What a page's head says: each meta's name or property -> its contents in
// order; the canonical link; the JSON-LD block's text.
struct Head {
    std::map<std::string, std::vector<std::string>> meta;
    std::string canonical;
    std::string json_ld;
    int json_ld_blocks = 0;
};

Head read_head(const std::string& page) {
    Head head;
    auto doc = indexer::parse_html(page);
    EXPECT_NE(doc, nullptr);
    if (doc == nullptr) return head;
    indexer::walk_elements(indexer::root_element(doc.get()), [&](xmlNode* node, int) {
        const std::string tag(indexer::tag_name(node));
        if (tag == "meta") {
            std::string key = indexer::attr(node, "name");
            if (key.empty()) key = indexer::attr(node, "property");
            if (!key.empty()) head.meta[key].push_back(indexer::attr(node, "content"));
        } else if (tag == "link" && indexer::attr(node, "rel") == "canonical") {
            head.canonical = indexer::attr(node, "href");
        } else if (tag == "script" && indexer::attr(node, "type") == "application/ld+json") {
            head.json_ld = indexer::raw_text(node);
            ++head.json_ld_blocks;
        }
        return true;
    });
    return head;
}

// The links of the page's results, in order: each <a>'s class (or the
// heading's "title") -> href.
struct HitLinks {
    std::string title, source, source_rel, cite;
};

std::vector<HitLinks> hit_links(const std::string& page) {
    std::vector<HitLinks> hits;
    auto doc = indexer::parse_html(page);
    EXPECT_NE(doc, nullptr);
    if (doc == nullptr) return hits;
    indexer::walk_elements(indexer::root_element(doc.get()), [&](xmlNode* node, int) {
        const std::string tag(indexer::tag_name(node));
        const std::string cls = indexer::attr(node, "class");
        if (tag == "li" && cls == "hit") hits.emplace_back();
        if (tag != "a" || hits.empty()) return true;
        const std::string parent_class = indexer::attr(node->parent, "class");
        if (parent_class == "hit-title") hits.back().title = indexer::attr(node, "href");
        if (cls == "hit-source") {
            hits.back().source = indexer::attr(node, "href");
            hits.back().source_rel = indexer::attr(node, "rel");
        }
        if (cls == "hit-cite") hits.back().cite = indexer::attr(node, "href");
        return true;
    });
    return hits;
}

// The href of the first <a> whose class holds `cls`, or "".
std::string link_of(const std::string& page, const std::string& cls) {
    std::string href;
    auto doc = indexer::parse_html(page);
    if (doc == nullptr) return href;
    indexer::walk_elements(indexer::root_element(doc.get()), [&](xmlNode* node, int) {
        if (!href.empty()) return false;
        const std::string have = " " + indexer::attr(node, "class") + " ";
        if (indexer::tag_name(node) == "a" && contains(have, " " + cls + " ")) href = indexer::attr(node, "href");
        return true;
    });
    return href;
}

// "/doc/ID?..." -> "ID"; "/?q=a&page=2" -> its parameters.
std::string doc_id(const std::string& href) {
    const auto start = href.find("/doc/");
    if (start == std::string::npos) return {};
    return href.substr(start + 5, href.find_first_of("?#", start) - start - 5);
}

ParamMap params_of(const std::string& href) {
    ParamMap out;
    const auto q = href.find('?');
    if (q == std::string::npos) return out;
    std::string rest =
        href.substr(q + 1, href.find('#') == std::string::npos ? std::string::npos : href.find('#') - q - 1);
    std::size_t at = 0;
    while (at <= rest.size()) {
        auto end = rest.find("&amp;", at);
        const bool escaped = end != std::string::npos;
        if (!escaped) end = rest.find('&', at);
        const std::string pair = rest.substr(at, end == std::string::npos ? std::string::npos : end - at);
        const auto eq = pair.find('=');
        std::string value = eq == std::string::npos ? "" : pair.substr(eq + 1);
        std::string decoded;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '%' && i + 2 < value.size()) {
                decoded.push_back(static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16)));
                i += 2;
            } else {
                decoded.push_back(value[i] == '+' ? ' ' : value[i]);
            }
        }
        out.emplace(pair.substr(0, eq), decoded);
        if (end == std::string::npos) break;
        at = end + (escaped ? 5 : 1);
    }
    return out;
}

class WebArticle : public WebFixture {
  protected:
    std::vector<Article> articles() const override {
        std::vector<Article> all = web_articles();
        // An updated page, and a title with the characters JSON-LD must escape.
        all[0].updated = "1787-11-24";
        Article tricky = web_article("tricky", "Closing </script><!-- tags \xE2\x80\xA8 and \xE2\x80\xA9 separators",
                                     {"Ann Writer"}, "1790-01-02", "Gazette", {}, "A plain body about separators.");
        all.push_back(tricky);
        // One author's articles, two of them on one day.
        for (const auto& [slug, day] : std::vector<std::pair<std::string, std::string>>{
                 {"ann-1", "1790-01-01"}, {"ann-2", "1790-01-05"}, {"ann-3", "1790-01-05"}, {"ann-4", "1790-02-01"}}) {
            all.push_back(web_article(slug, "Letter " + slug, {"Ann Writer"}, day, "Gazette", {}, "A letter."));
        }
        return all;
    }

    std::string page(const std::string& id, const ParamMap& params) {
        const auto reply = http::handle_doc_page(id, params, searcher(), k_base);
        EXPECT_EQ(reply.status, 200) << id;
        return reply.body;
    }
};

TEST_F(WebArticle, AResultsTitleLeadsToTheArchivesPageWithTheSearchAndTheOriginalIsASourceLink) {
    const ParamMap search = {{"q", "faction"}, {"sort", "oldest"}, {"from", "1787"}, {"to", "1788"}};
    const auto reply = http::handle_search_page(search, searcher());
    ASSERT_EQ(reply.status, 200);
    const auto hits = hit_links(reply.body);
    ASSERT_EQ(hits.size(), 3u);
    const std::vector<std::string> slugs = {"federalist-1", "federalist-10", "federalist-51"};
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const std::string want =
            "/doc/" + id_of(slugs[i]) + "?q=faction&from=1787&to=1788&sort=oldest&rank=" + std::to_string(i + 1);
        EXPECT_EQ(hits[i].title, want) << i;
        EXPECT_EQ(hits[i].source, "https://independent-journal.example/" + slugs[i]) << i;
        EXPECT_EQ(hits[i].source_rel, "noopener noreferrer external") << i;
        EXPECT_EQ(hits[i].cite, want + "#cite") << i;
    }
    EXPECT_FALSE(contains(reply.body, "Read the full text"));
}

TEST_F(WebArticle, AResultWithoutAUsableOriginalHasNoSourceLink) {
    const auto hits = hit_links(http::handle_search_page({{"q", "zanzibar"}}, searcher()).body);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(doc_id(hits[0].title), id_of("hostile"));
    EXPECT_EQ(hits[0].source, "");
}

TEST_F(WebArticle, FeedEntriesLinkTheArchivesPageWithTheOriginalAsVia) {
    const auto reply = http::handle_feed({{"q", "angels"}}, searcher(), k_base);
    ASSERT_EQ(reply.status, 200);
    const std::string archived = std::string(k_base) + "/doc/" + id_of("federalist-51");
    EXPECT_TRUE(contains(reply.body, R"(<link rel="alternate" type="text/html" href=")" + archived + R"("/>)"))
        << reply.body;
    EXPECT_TRUE(contains(
        reply.body, R"(<link rel="via" type="text/html" href="https://independent-journal.example/federalist-51"/>)"));
}

TEST_F(WebArticle, TheHeadCarriesHighwireTagsOpenGraphACanonicalUrlAndNewsArticleJsonLd) {
    const std::string id = id_of("federalist-51");
    const std::string archived = std::string(k_base) + "/doc/" + id;
    Head head = read_head(page(id, {{"q", "ambition"}, {"rank", "2"}}));
    EXPECT_EQ(head.canonical, archived);
    const std::map<std::string, std::vector<std::string>> want = {
        {"citation_title", {"The Federalist No. 51: Checks and Balances"}},
        {"citation_author", {"Alexander Hamilton", "James Madison"}},
        {"citation_publication_date", {"1788/02/06"}},
        {"citation_journal_title", {"Independent Journal"}},
        {"citation_public_url", {archived}},
        {"og:title", {"The Federalist No. 51: Checks and Balances"}},
        {"og:type", {"article"}},
        {"og:url", {archived}},
        {"article:published_time", {"1788-02-06"}},
        {"article:author",
         {std::string(k_base) + "/author/Alexander%20Hamilton", std::string(k_base) + "/author/James%20Madison"}},
    };
    for (const auto& [key, values] : want) EXPECT_EQ(head.meta[key], values) << key;
    ASSERT_EQ(head.meta["og:description"].size(), 1u);
    EXPECT_EQ(head.meta["og:description"][0].rfind("If men were angels, no government would be necessary.", 0), 0u);
    EXPECT_TRUE(head.meta["article:modified_time"].empty());

    ASSERT_EQ(head.json_ld_blocks, 1);
    const auto ld = nlohmann::json::parse(head.json_ld);
    EXPECT_EQ(ld["@context"], "https://schema.org");
    EXPECT_EQ(ld["@type"], "NewsArticle");
    EXPECT_EQ(ld["headline"], "The Federalist No. 51: Checks and Balances");
    ASSERT_EQ(ld["author"].size(), 2u);
    EXPECT_EQ(ld["author"][0], (nlohmann::json{{"@type", "Person"}, {"name", "Alexander Hamilton"}}));
    EXPECT_EQ(ld["author"][1]["name"], "James Madison");
    EXPECT_EQ(ld["datePublished"], "1788-02-06");
    EXPECT_FALSE(ld.contains("dateModified"));
    EXPECT_EQ(ld["publisher"]["name"], "Independent Journal");
    EXPECT_EQ(ld["url"], archived);
    EXPECT_EQ(ld["isBasedOn"], "https://independent-journal.example/federalist-51");
}

TEST_F(WebArticle, AnUpdatedPageSaysWhenItWasModified) {
    Head head = read_head(page(id_of("federalist-10"), {}));
    EXPECT_EQ(head.meta["article:modified_time"], std::vector<std::string>{"1787-11-24"});
    EXPECT_EQ(nlohmann::json::parse(head.json_ld)["dateModified"], "1787-11-24");
}

TEST_F(WebArticle, JsonLdCannotBeClosedEarlyAndKeepsLineSeparatorsEscaped) {
    const std::string body = page(id_of("tricky"), {});
    const auto start = body.find(R"(<script type="application/ld+json">)");
    ASSERT_NE(start, std::string::npos);
    const auto open = start + std::string(R"(<script type="application/ld+json">)").size();
    const std::string block = body.substr(open, body.find("</script>", open) - open);
    EXPECT_FALSE(contains(block, "</"));
    EXPECT_FALSE(contains(block, "<!--"));
    EXPECT_FALSE(contains(block, "\xE2\x80\xA8"));
    EXPECT_FALSE(contains(block, "\xE2\x80\xA9"));
    EXPECT_TRUE(contains(block, "\\u2028"));
    EXPECT_EQ(nlohmann::json::parse(block)["headline"],
              "Closing </script><!-- tags \xE2\x80\xA8 and \xE2\x80\xA9 separators");
    expect_inert_html(body);
}

TEST_F(WebArticle, CitationsNameTheArchivesPageTheDayReadAndTheOriginal) {
    const std::string id = id_of("federalist-51");
    const std::string body = page(id, {});
    const std::string archived = std::string(k_base) + "/doc/" + id;
    EXPECT_TRUE(contains(body, R"(<section class="cite" id="cite")"));
    EXPECT_TRUE(contains(body, "Accessed ")) << body;
    EXPECT_TRUE(contains(
        body, " " + archived + ". Originally published at https://independent-journal.example/federalist-51."));
    EXPECT_TRUE(contains(body, "  url     = {" + archived + "},\n"));
    EXPECT_TRUE(contains(body, R"(href="/doc/)" + id + R"(/cite.ris")"));
    EXPECT_TRUE(contains(body, "TY  - NEWS\r\n"));
}

TEST_F(WebArticle, TheRisFileIsARecordToDownload) {
    const std::string id = id_of("federalist-51");
    const auto reply = http::handle_citation_file(id, "ris", searcher(), k_base);
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/x-research-info-systems; charset=utf-8");
    ASSERT_EQ(reply.headers.size(), 1u);
    EXPECT_EQ(reply.headers[0].second, "attachment; filename=\"oped-" + id + ".ris\"");
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < reply.body.size();) {
        const auto end = reply.body.find("\r\n", at);
        ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
        lines.push_back(reply.body.substr(at, end - at));
        at = end + 2;
    }
    const std::string accessed = http::cite::today_utc();
    const std::vector<std::string> want = {
        "TY  - NEWS",
        "TI  - The Federalist No. 51: Checks and Balances",
        "AU  - Hamilton, Alexander",
        "AU  - Madison, James",
        "PY  - 1788",
        "DA  - 1788/02/06/",
        "T2  - Independent Journal",
        "LA  - en",
        "UR  - " + std::string(k_base) + "/doc/" + id,
        "Y2  - " + accessed.substr(0, 4) + "/" + accessed.substr(5, 2) + "/" + accessed.substr(8, 2) + "/",
        "N1  - Originally published at https://independent-journal.example/federalist-51",
        "ER  - ",
    };
    EXPECT_EQ(lines, want);
    EXPECT_EQ(http::handle_citation_file(id, "bib", searcher(), k_base).content_type,
              "application/x-bibtex; charset=utf-8");
    EXPECT_EQ(http::handle_citation_file("0123456789abcdef", "ris", searcher(), k_base).status, 404);
}

TEST_F(WebArticle, TheWayBackKeepsEveryParameterOfTheSearch) {
    const struct {
        const char* name;
        ParamMap params;
        std::string back;
        std::string text;
    } rows[] = {
        {"a search with filters, dates, sort and page",
         {{"q", "faction"},
          {"author", "James Madison"},
          {"from", "1787"},
          {"to", "1788"},
          {"sort", "newest"},
          {"page", "2"},
          {"per_page", "1"},
          {"rank", "2"}},
         "/?q=faction&amp;author=James%20Madison&amp;from=1787&amp;to=1788&amp;sort=newest&amp;page=2&amp;per_page=1",
         "Results for"},
        {"browsing, without words",
         {{"tag", "The Federalist"}, {"sort", "oldest"}, {"page", "2"}, {"per_page", "2"}, {"rank", "3"}},
         "/?tag=The%20Federalist&amp;sort=oldest&amp;page=2&amp;per_page=2",
         "Back to the articles"},
    };
    for (const auto& row : rows) {
        const std::string body = page(id_of("federalist-51"), row.params);
        EXPECT_TRUE(
            contains(body, R"(<a href=")" + row.back + R"(" class="doc-back-link">)" + "\xE2\x86\x90 " + row.text))
            << row.name;
    }
    EXPECT_FALSE(contains(page(id_of("federalist-51"), {}), "doc-back-link"));
}

TEST_F(WebArticle, PreviousAndNextResultAreTheSearchsNeighboursAcrossItsPages) {
    // One result a page: each result's neighbours are on other pages.
    const ParamMap search = {{"q", "faction"}, {"sort", "oldest"}, {"per_page", "1"}};
    std::vector<std::string> titles; // the title links of ranks 1..3, as the search pages write them
    for (const char* p : {"", "2", "3"}) {
        ParamMap params = search;
        if (*p != '\0') params.emplace("page", p);
        const auto hits = hit_links(http::handle_search_page(params, searcher()).body);
        ASSERT_EQ(hits.size(), 1u) << p;
        titles.push_back(hits[0].title);
    }
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const std::string body = page(doc_id(titles[i]), params_of(titles[i]));
        EXPECT_EQ(link_of(body, "doc-nav-link prev"), i > 0 ? titles[i - 1] : "") << i;
        EXPECT_EQ(link_of(body, "doc-nav-link next"), i + 1 < titles.size() ? titles[i + 1] : "") << i;
        EXPECT_TRUE(contains(body, "Result " + std::to_string(i + 1))) << i;
    }
}

TEST_F(WebArticle, AStaleRankShowsNoNeighboursRatherThanWrongOnes) {
    const std::string body =
        page(id_of("federalist-51"), {{"q", "faction"}, {"sort", "oldest"}, {"rank", "1"}}); // it is third
    EXPECT_FALSE(contains(body, "doc-results-nav"));
    for (const char* rank : {"0", "-1", "abc", "99999999999"}) {
        EXPECT_FALSE(contains(page(id_of("federalist-51"), {{"q", "faction"}, {"rank", rank}}), "doc-results-nav"))
            << rank;
    }
}

TEST_F(WebArticle, PreviousAndNextByTheSameAuthorWalkTheirArticlesByDate) {
    // Ann Writer: ann-1 (1 January 1790), tricky (2 January), ann-2 and ann-3 (both 5 January), ann-4
    // (1 February). From the earliest, "Later" visits each once in date order (the two of one day in
    // either order), and "Earlier" walks back the same way.
    std::vector<std::string> forward = {id_of("ann-1")};
    for (int i = 0; i < 10; ++i) {
        const std::string next = doc_id(link_of(page(forward.back(), {}), "doc-nav-link next"));
        if (next.empty()) break;
        forward.push_back(next);
    }
    ASSERT_EQ(forward.size(), 5u);
    EXPECT_EQ(forward[1], id_of("tricky"));
    EXPECT_EQ(std::set<std::string>({forward[2], forward[3]}), std::set<std::string>({id_of("ann-2"), id_of("ann-3")}));
    EXPECT_EQ(forward[4], id_of("ann-4"));
    EXPECT_EQ(link_of(page(id_of("ann-1"), {}), "doc-nav-link prev"), "");
    for (std::size_t i = 1; i < forward.size(); ++i) {
        EXPECT_EQ(doc_id(link_of(page(forward[i], {}), "doc-nav-link prev")), forward[i - 1]) << i;
    }
}

TEST_F(WebArticle, AuthorLinksKeepTheSearchForTheWayBack) {
    const std::string body = page(id_of("federalist-1"), {{"q", "faction"}, {"page", "2"}, {"rank", "3"}});
    const std::string later = link_of(body, "doc-nav-link next");
    EXPECT_EQ(doc_id(later), id_of("federalist-51"));
    EXPECT_EQ(later.substr(later.find('?')), "?q=faction&page=2");
}

} // namespace
} // namespace oped::test
