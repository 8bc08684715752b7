// `oped search` as a process over the searcher's fixture index.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/http/handlers.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace oped::test {
namespace {

using nlohmann::json;

class SearchCliTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", search_fixture_articles());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static RunResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"search", "--db", (*s_dir / "db").string()});
        return run_oped(args);
    }
    static TempDir* s_dir;
};

TempDir* SearchCliTest::s_dir = nullptr;

TEST_F(SearchCliTest, PrintsNumberedResultsWithTheirAuthorsDatesAndSnippets) {
    const RunResult r = search({"latent", "causes"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 results"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1. The Federalist No. 10"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("James Madison \xC2\xB7 1787-11-22 \xC2\xB7 Independent Journal"), std::string::npos) << r.out;
    // Not a terminal: no escape codes, and the snippet's HTML is text again.
    EXPECT_NE(r.out.find("The latent causes of faction"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("<mark>"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('\033'), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("https://independent-journal.example/federalist-10"), std::string::npos) << r.out;
}

TEST_F(SearchCliTest, JsonIsTheApiShape) {
    const RunResult r = search({"--json", "--author", "James Madison", "--sort", "oldest"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json body = json::parse(r.out);
    EXPECT_EQ(body["total"], 2);
    EXPECT_EQ(body["results"][0]["url"], "https://independent-journal.example/federalist-10");
    EXPECT_FALSE(body["facets"]["author"].empty());
}

// The same search through the API handler, as JSON.
json api_search(const std::string& db, const http::ParamMap& params) {
    auto opened = searcher::Searcher::open(db);
    EXPECT_TRUE(opened) << opened.error().message;
    const http::Reply reply = http::handle_search(params, opened.value());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return json::parse(reply.body);
}

TEST_F(SearchCliTest, JsonIsExactlyTheApisAnswer) {
    struct Row {
        std::vector<std::string> args;
        http::ParamMap params;
    };
    const std::vector<Row> rows = {
        {{"faction"}, {{"q", "faction"}}},
        {{"--author", "James Madison", "--sort", "oldest"}, {{"author", "James Madison"}, {"sort", "oldest"}}},
        {{"--year", "1711", "--limit", "1", "--page", "2", "wit"},
         {{"q", "wit"}, {"year", "1711"}, {"per_page", "1"}, {"page", "2"}}},
        {{"--no-spell", "factoin"}, {{"q", "factoin"}, {"spell", "0"}}},
        {{"nothing-matches-this-word"}, {{"q", "nothing-matches-this-word"}}},
    };
    const std::string db = (*s_dir / "db").string();
    for (const auto& row : rows) {
        std::vector<std::string> args = row.args;
        args.insert(args.begin(), "--json");
        const RunResult r = search(args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        json cli = json::parse(r.out);
        json api = api_search(db, row.params);
        cli.erase("took_ms");
        api.erase("took_ms");
        EXPECT_EQ(cli, api) << r.out;
    }
}

TEST_F(SearchCliTest, BadValuesAreRefusedAsTheApiRefusesThem) {
    const RunResult r = search({"--from", "1787-13", "wit"});
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find("from"), std::string::npos) << r.err;
}

TEST_F(SearchCliTest, StatsJsonIsExactlyTheApisAnswer) {
    const std::string db = (*s_dir / "db").string();
    const RunResult r = run_oped({"stats", "--db", db, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto opened = searcher::Searcher::open(db);
    ASSERT_TRUE(opened);
    const http::Reply reply = http::handle_stats(opened.value());
    EXPECT_EQ(json::parse(r.out), json::parse(reply.body));
}

TEST_F(SearchCliTest, StatsOfAnIndexWithoutDatesAreNullNotEmpty) {
    TempDir dir;
    auto articles = search_fixture_articles();
    articles.resize(1);
    articles[0].published.clear();
    build_fixture_index(dir / "db", articles);
    const RunResult r = run_oped({"stats", "--db", (dir / "db").string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json body = json::parse(r.out);
    EXPECT_TRUE(body["first_published"].is_null()) << r.out;
    EXPECT_TRUE(body["last_published"].is_null()) << r.out;
}

TEST_F(SearchCliTest, QueryWordsAfterAFilterAreQueryWords) {
    // Each filter takes one value; the words after it are the query, not more authors.
    const RunResult r = search({"--json", "--author", "James Madison", "latent", "causes"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json body = json::parse(r.out);
    ASSERT_EQ(body["total"], 1) << r.out;
    EXPECT_EQ(body["results"][0]["url"], "https://independent-journal.example/federalist-10");
    EXPECT_EQ(body["query"], "latent causes");
    const RunResult site = search({"--json", "--site", "The Spectator", "--tag", "Wit", "wit"});
    ASSERT_EQ(site.exit_code, 0) << site.err;
    const json by_site = json::parse(site.out);
    EXPECT_EQ(by_site["query"], "wit");
    EXPECT_EQ(by_site["total"], 2) << site.out;
}

TEST_F(SearchCliTest, FiltersCombine) {
    const RunResult r = search({"--json", "--site", "The Spectator", "--from", "1711-04", "--to", "1711", "wit"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json body = json::parse(r.out);
    ASSERT_EQ(body["total"], 1);
    EXPECT_EQ(body["results"][0]["url"], "https://the-spectator.example/spectator-62");
}

TEST_F(SearchCliTest, HostileMarkupIsPrintedAsText) {
    const RunResult r = search({"markup"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("<script>alert('owned')</script>"), std::string::npos) << r.out;
}

TEST_F(SearchCliTest, BadValuesAreUsageErrorsNamingTheOption) {
    // Regression (fixed in aaf708d): a bad --from or --to was an "internal error".
    struct Row {
        std::vector<std::string> args;
        const char* param;
    };
    const Row rows[] = {
        {{"--from", "1787-13", "wit"}, "from"},
        {{"--to", "tomorrow", "wit"}, "to"},
        {{"--limit", "100", "--page", "101", "wit"}, "page"},
    };
    for (const auto& row : rows) {
        const RunResult r = search(row.args);
        EXPECT_EQ(r.exit_code, 2) << row.param << ": " << r.err;
        EXPECT_NE(r.err.find(row.param), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    }
}

TEST_F(SearchCliTest, AMissingIndexIsNotFound) {
    const RunResult r = run_oped({"search", "--db", (s_dir->path() / "nothing").string(), "wit"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no index at"), std::string::npos) << r.err;
}

} // namespace
} // namespace oped::test
