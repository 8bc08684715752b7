// Time in the query ("wit in 1711", "since 2019") as a date filter, through
// the API handler and the web page, over the searcher's fixture index.

#include "support/fixture_index_test.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace oped::test {
namespace {

using http::ParamMap;
using nlohmann::json;

class SearchTimeWords : public FixtureIndexTest {
  protected:
    json search(ParamMap params) {
        params.emplace("today", "2020-07-15");
        const http::Reply reply = http::handle_search(params, *m_searcher);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body);
    }
    static std::vector<std::string> urls(const json& body) {
        std::vector<std::string> out;
        for (const auto& r : body["results"]) out.push_back(r["url"]);
        return out;
    }
};

TEST_F(SearchTimeWords, AYearInTheWordsFiltersLikeFromAndTo) {
    const json read = search({{"q", "wit in 1711"}, {"sort", "oldest"}});
    const json explicit_dates = search({{"q", "wit"}, {"from", "1711"}, {"to", "1711"}, {"sort", "oldest"}});
    EXPECT_EQ(read["total"], 2);
    EXPECT_EQ(urls(read), urls(explicit_dates));
    EXPECT_EQ(read["query"], "wit in 1711");
    EXPECT_EQ(read["time_words"]["text"], "in 1711");
    EXPECT_EQ(read["time_words"]["reading"], "published in 1711");
    EXPECT_EQ(read["time_words"]["from"], "1711-01-01");
    EXPECT_EQ(read["time_words"]["to"], "1711-12-31");
    EXPECT_EQ(read["time_words"]["words"], "wit");
}

TEST_F(SearchTimeWords, OnlyTimeWordsBrowseThePeriodNewestFirst) {
    const json body = search({{"q", "since 2019"}});
    // The four pages of 2019 and 2020, newest first.
    EXPECT_EQ(body["total"], 4) << body.dump();
    EXPECT_EQ(body["time_words"]["to"], nullptr);
    EXPECT_EQ(body["results"][0]["published"], "2020-06-30");
}

TEST_F(SearchTimeWords, LastYearCountsFromToday) {
    const json body = search({{"q", "last year"}});
    EXPECT_EQ(body["time_words"]["from"], "2019-01-01");
    EXPECT_EQ(body["time_words"]["to"], "2019-12-31");
    EXPECT_EQ(body["total"], 2) << body.dump();
}

TEST_F(SearchTimeWords, ExplicitDatesWinAndLiteralSearchesTheWords) {
    const json dated = search({{"q", "wit in 1711"}, {"from", "1700"}});
    EXPECT_TRUE(dated["time_words"].is_null());
    const json literal = search({{"q", "wit in 1711"}, {"literal", "1"}});
    EXPECT_TRUE(literal["time_words"].is_null());
    // "1711" as a word: no page holds all three words, so the search falls
    // back to pages with some of them, the undated letter among them; no
    // date filter.
    EXPECT_EQ(literal["total"], 3) << literal.dump();
    bool undated = false;
    for (const auto& r : literal["results"]) undated = undated || r["published"].is_null();
    EXPECT_TRUE(undated) << literal.dump();
    const http::Reply bad = http::handle_search({{"q", "wit"}, {"literal", "maybe"}}, *m_searcher);
    EXPECT_EQ(bad.status, 400);
}

TEST_F(SearchTimeWords, ThePageSaysHowItReadTheWordsAndLinksToThemAsWords) {
    const http::Reply reply = http::handle_search_page({{"q", "wit in 1711"}}, *m_searcher);
    ASSERT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find(R"(<span class="time-reading">Published in 1711</span>)"), std::string::npos)
        << reply.body;
    EXPECT_NE(reply.body.find(R"(href="/?q=wit%20in%201711&amp;literal=1" class="search-literally")"),
              std::string::npos)
        << reply.body;
    const http::Reply literal = http::handle_search_page({{"q", "wit in 1711"}, {"literal", "1"}}, *m_searcher);
    EXPECT_EQ(literal.body.find("time-reading"), std::string::npos);
}

} // namespace
} // namespace oped::test
