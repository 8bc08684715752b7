// Syndicated copies in search: one result per piece with the others as its
// `copies`, collapse=0 listing each, facets counting the piece once per
// outlet it ran in, the "also ran in" line on the web pages, and the groups
// after a copy's file is removed. A real index written by `oped index`.

#include "support/copies.hpp"
#include "support/corpus.hpp"

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>
#include <oped/searcher/author.hpp>
#include <oped/searcher/related.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using http::ParamMap;
using nlohmann::json;

class SearchCopies : public ::testing::Test {
  protected:
    void SetUp() override {
        put("a.html", set.original);
        put("b.html", set.retitled);
        put("c.html", set.trimmed);
        put("d.html", set.unrelated);
        // Another piece that ran once, so a match holds more than one piece.
        PageSpec once = simple_spec("harbourtolls", "https://gazette.example/e");
        once.title = "Ferryfares and harbourtolls";
        put("e.html", once);
        ASSERT_NO_FATAL_FAILURE(index());
    }
    void put(const std::string& name, const PageSpec& spec) { write_file(c.page_path(name), article_page(spec)); }
    void index() {
        const IndexRun r = c.index();
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
    }
    json search(ParamMap params) {
        auto searcher = searcher::Searcher::open(c.db());
        EXPECT_TRUE(searcher) << searcher.error().message;
        const http::Reply reply = http::handle_search(params, searcher.value());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body);
    }
    static std::vector<std::string> urls(const json& body) {
        std::vector<std::string> out;
        for (const auto& r : body["results"]) out.push_back(r["url"]);
        return out;
    }
    static std::map<std::string, std::uint64_t> facet(const json& body, const std::string& field) {
        std::map<std::string, std::uint64_t> out;
        for (const auto& v : body["facets"][field]) out[v["value"]] = v["count"];
        return out;
    }

    Corpus c;
    CopySet set = copy_set("ferryfares");
};

TEST_F(SearchCopies, OneResultPerPieceWithTheOtherCopiesEarliestFirst) {
    // The retitled copy's headline: it ranks first and stands for the piece.
    const json body = search({{"q", "why ferryfares matters now"}});
    ASSERT_FALSE(body["results"].empty()) << body.dump(1);
    std::size_t pieces = 0;
    for (const auto& r : body["results"]) {
        const std::string url = r["url"];
        if (url == set.original.url || url == set.retitled.url || url == set.trimmed.url) ++pieces;
    }
    EXPECT_EQ(pieces, 1u) << body.dump(1);
    const json& first = body["results"][0];
    EXPECT_EQ(first["url"], set.retitled.url);
    ASSERT_EQ(first["copies"].size(), 2u) << first.dump(1);
    EXPECT_EQ(first["copies"][0]["site"], "The Test Gazette");
    EXPECT_EQ(first["copies"][0]["published"], "2020-01-15");
    EXPECT_EQ(first["copies"][0]["title"], set.original.title);
    EXPECT_EQ(first["copies"][0]["id"], schema::public_id(set.original.url));
    EXPECT_EQ(first["copies"][0]["url"], set.original.url);
    EXPECT_EQ(first["copies"][1]["site"], "The Harbour Courier");
    EXPECT_EQ(first["copies"][1]["published"], "2020-01-20");
}

TEST_F(SearchCopies, CollapseZeroListsEveryCopy) {
    const json all = search({{"q", "ferryfares"}, {"collapse", "0"}});
    const auto found = urls(all);
    for (const auto* spec : {&set.original, &set.retitled, &set.trimmed, &set.unrelated}) {
        EXPECT_NE(std::find(found.begin(), found.end(), spec->url), found.end()) << spec->url;
    }
    EXPECT_EQ(all["total"], 5);
    const json collapsed = search({{"q", "ferryfares"}});
    EXPECT_EQ(collapsed["total"], 3); // the piece, the other column, the page that ran once
    EXPECT_EQ(collapsed["results"].size(), 3u);
    // Each copy still knows the others when not collapsed.
    for (const auto& r : all["results"]) {
        const std::string url = r["url"];
        const bool copy = url == set.original.url || url == set.retitled.url || url == set.trimmed.url;
        EXPECT_EQ(r["copies"].size(), copy ? 2u : 0u) << url;
    }
    const http::Reply bad = [&] {
        auto searcher = searcher::Searcher::open(c.db());
        return http::handle_search({{"q", "ferryfares"}, {"collapse", "perhaps"}}, searcher.value());
    }();
    EXPECT_EQ(bad.status, 400);
}

TEST_F(SearchCopies, FacetsCountThePieceOncePerOutletItRanIn) {
    for (const char* collapse : {"1", "0"}) {
        const json body = search({{"q", "ferryfares"}, {"collapse", collapse}});
        const auto sites = facet(body, "site");
        EXPECT_EQ(sites.at("The Test Gazette"), 3u) << collapse; // the piece, the other column, the one-off
        EXPECT_EQ(sites.at("The Evening Herald"), 1u) << collapse;
        EXPECT_EQ(sites.at("The Harbour Courier"), 1u) << collapse;
        // Collapsed, an author's count is the results her filter gives: the
        // piece once, the other column, the one-off.
        const bool collapsed = std::string(collapse) == "1";
        EXPECT_EQ(facet(body, "author").at("Ada Lovelace"), collapsed ? 3u : 5u) << collapse;
        const json hers = search({{"q", "ferryfares"}, {"collapse", collapse}, {"author", "Ada Lovelace"}});
        EXPECT_EQ(hers["total"], collapsed ? 3 : 5) << collapse;
        // The timeline counts as the facets do: the piece ran three times in one month, and counts once there.
        std::uint64_t in_timeline = 0;
        for (const auto& bin : body["timeline"]["bins"]) in_timeline += bin["count"].get<std::uint64_t>();
        EXPECT_EQ(in_timeline, body["total"].get<std::uint64_t>()) << collapse;
    }
    // Filtered to one outlet, that outlet's copy is the result.
    const json herald = search({{"q", "ferryfares"}, {"site", "The Evening Herald"}});
    EXPECT_EQ(urls(herald), std::vector<std::string>{set.retitled.url});
    EXPECT_EQ(herald["results"][0]["copies"].size(), 2u);
}

TEST_F(SearchCopies, ACopysOutletIsShownByItsOneName) {
    // Regression: "Also ran in" gave the name the copy's page gave, not the
    // outlet's ("McLean's Edition Archive" beside a facet "McLean's Edition").
    const fs::path aliases = c.root().parent_path() / "outlets.txt";
    write_file(aliases, "The Harbour Courier = The Courier\n");
    const IndexRun r = c.index({}, {"--outlets", aliases.string()});
    ASSERT_EQ(r.run.exit_code, 0) << r.output();
    const json body = search({{"q", "why ferryfares matters now"}});
    ASSERT_FALSE(body["results"].empty()) << body.dump(1);
    const json& first = body["results"][0];
    ASSERT_EQ(first["copies"].size(), 2u) << first.dump(1);
    EXPECT_EQ(first["copies"][1]["site"], "The Courier");
    EXPECT_EQ(facet(body, "site").count("The Harbour Courier"), 0u) << body["facets"].dump();
}

TEST_F(SearchCopies, MoreLikeThisLeavesOutThePiecesOwnCopies) {
    // Regression: an article's "More like this" listed its own reprints.
    const Xapian::Database db(c.db());
    Xapian::docid original = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto article = decode_docdata(db.get_document(*it).get_data());
        if (article && article.value().url == set.original.url) original = *it;
    }
    ASSERT_NE(original, 0u);
    const auto similar = searcher::more_like_this(db, original, 10);
    ASSERT_TRUE(similar) << similar.error().message;
    EXPECT_FALSE(similar.value().empty()) << "the other column and the one-off are like it";
    for (const auto& hit : similar.value()) {
        EXPECT_NE(hit.article.url, set.retitled.url);
        EXPECT_NE(hit.article.url, set.trimmed.url);
    }
}

TEST_F(SearchCopies, BrowsingCollapsesToo) {
    const json body = search({});
    std::size_t pieces = 0;
    for (const auto& r : body["results"]) {
        const std::string url = r["url"];
        if (url == set.original.url || url == set.retitled.url || url == set.trimmed.url) ++pieces;
    }
    EXPECT_EQ(pieces, 1u) << body.dump(1);
    EXPECT_EQ(body["total"], 3);
    EXPECT_EQ(search({{"collapse", "0"}})["total"], 5);
}

TEST_F(SearchCopies, RemovingACopyTakesItOutOfTheOthersCopies) {
    fs::remove(c.page_path("c.html"));
    ASSERT_NO_FATAL_FAILURE(index());
    const json body = search({{"q", "why ferryfares matters now"}});
    ASSERT_FALSE(body["results"].empty());
    EXPECT_EQ(body["results"][0]["url"], set.retitled.url);
    ASSERT_EQ(body["results"][0]["copies"].size(), 1u);
    EXPECT_EQ(body["results"][0]["copies"][0]["url"], set.original.url);
    fs::remove(c.page_path("a.html"));
    ASSERT_NO_FATAL_FAILURE(index());
    EXPECT_TRUE(search({{"q", "why ferryfares matters now"}})["results"][0]["copies"].empty());
}

TEST_F(SearchCopies, TheWebPagesSayWhereElseThePieceRan) {
    auto searcher = searcher::Searcher::open(c.db());
    ASSERT_TRUE(searcher);
    const http::Reply page = http::handle_search_page({{"q", "why ferryfares matters now"}}, searcher.value());
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Also ran in <a href=\"/doc/" + schema::public_id(set.original.url)), std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("The Test Gazette</a> (<time datetime=\"2020-01-15\">"), std::string::npos);
    const http::Reply doc =
        http::handle_doc_page(schema::public_id(set.original.url), {}, searcher.value(), "http://archive.test");
    ASSERT_EQ(doc.status, 200);
    EXPECT_NE(doc.body.find("class=\"copies\">Also ran in "), std::string::npos);
    EXPECT_NE(doc.body.find("The Evening Herald</a>"), std::string::npos);
    const http::Reply api = http::handle_doc(schema::public_id(set.original.url), searcher.value());
    EXPECT_EQ(json::parse(api.body)["copies"].size(), 2u);
}

TEST_F(SearchCopies, AnAuthorsPiecesCountOnceWhereverTheyRan) {
    // Regression: the author page said "5 articles" and listed 5 entries in
    // its timeline for 3 pieces, one of them run in three outlets.
    const Xapian::Database db(c.db());
    const auto profile = searcher::author_profile(db, "Ada Lovelace");
    ASSERT_TRUE(profile) << profile.error().message;
    const auto& p = profile.value();
    EXPECT_EQ(p.articles, 3u);
    std::map<std::string, std::uint64_t> sites;
    for (const auto& v : p.sites) sites[v.value] = v.count;
    EXPECT_EQ(sites, (std::map<std::string, std::uint64_t>{
                         {"The Test Gazette", 3}, {"The Evening Herald", 1}, {"The Harbour Courier", 1}}));
    std::uint64_t in_timeline = 0;
    for (const auto& bin : p.timeline.bins) in_timeline += bin.count;
    EXPECT_EQ(in_timeline, 3u);
    bool listed = false;
    for (const auto& a : searcher::list_authors(db)) {
        if (a.name != "Ada Lovelace") continue;
        listed = true;
        EXPECT_EQ(a.articles, 3u);
    }
    EXPECT_TRUE(listed);
    // The page says so, and lists as many entries as it counts.
    auto searcher = searcher::Searcher::open(c.db());
    ASSERT_TRUE(searcher);
    const http::Reply page = http::handle_author_page("Ada Lovelace", {}, searcher.value());
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("3 articles"), std::string::npos) << page.body;
    std::size_t entries = 0;
    for (auto at = page.body.find("class=\"hit\""); at != std::string::npos;
         at = page.body.find("class=\"hit\"", at + 1)) {
        ++entries;
    }
    EXPECT_EQ(entries, 3u);
}

} // namespace
} // namespace oped::test
