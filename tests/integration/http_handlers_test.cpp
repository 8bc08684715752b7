#include "support/fixture_index_test.hpp"
#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/handlers.hpp>
#include <oped/indexer/document.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace oped::test {
namespace {

using http::ParamMap;
using http::Reply;
using nlohmann::json;

class HttpHandlersTest : public FixtureIndexTest {
  protected:
    Reply search(const ParamMap& params) { return http::handle_search(params, *m_searcher); }

    static json body_of(const Reply& reply) {
        EXPECT_EQ(reply.content_type, "application/json");
        return json::parse(reply.body);
    }
};

ParamMap repeated(const std::string& key, const std::string& value, int times) {
    ParamMap out;
    for (int i = 0; i < times; ++i) out.emplace(key, value);
    return out;
}

TEST_F(HttpHandlersTest, ASearchAnswersTheApiShape) {
    const Reply reply = search({{"q", "faction"}});
    ASSERT_EQ(reply.status, 200) << reply.body;
    const json body = body_of(reply);
    EXPECT_EQ(body["query"], "faction");
    EXPECT_EQ(body["page"], 1);
    EXPECT_EQ(body["per_page"], 10);
    EXPECT_TRUE(body["corrected"].is_null());
    EXPECT_TRUE(body["notice"].is_null());
    EXPECT_TRUE(body["total_is_exact"].get<bool>());
    EXPECT_TRUE(body["took_ms"].is_number());
    ASSERT_TRUE(body["results"].is_array());
    ASSERT_FALSE(body["results"].empty());
    const json& first = body["results"][0];
    for (const char* key : {"id", "url", "title", "authors", "published", "site", "section", "snippet", "score"}) {
        EXPECT_TRUE(first.contains(key)) << key;
    }
    EXPECT_FALSE(first.contains("body"));
    for (const char* facet : {"author", "year", "site", "tag"}) EXPECT_TRUE(body["facets"][facet].is_array());
    EXPECT_TRUE(body["facets_exact"].get<bool>());
}

struct ParamCase {
    const char* name;
    ParamMap params;
    std::function<void(const json&)> check;
};

TEST_F(HttpHandlersTest, EveryParameterIsRead) {
    const ParamCase cases[] = {
        {"per_page limits the results",
         {{"per_page", "2"}},
         [](const json& b) {
             EXPECT_EQ(b["results"].size(), 2u);
             EXPECT_EQ(b["per_page"], 2);
         }},
        {"page moves through them",
         {{"per_page", "5"}, {"page", "3"}},
         [](const json& b) {
             EXPECT_EQ(b["results"].size(), search_fixture_articles().size() - 10);
             EXPECT_EQ(b["page"], 3);
         }},
        {"sort=oldest puts the oldest first",
         {{"sort", "oldest"}},
         [](const json& b) { EXPECT_EQ(b["results"][0]["published"], "1711-03-12"); }},
        {"sort=newest puts the newest first",
         {{"sort", "newest"}},
         [](const json& b) { EXPECT_EQ(b["results"][0]["published"], "2020-06-30"); }},
        {"sort=relevance and an empty sort are accepted",
         {{"q", "wit"}, {"sort", ""}},
         [](const json& b) { EXPECT_EQ(b["total"], 3); }},
        {"repeated authors are either",
         {{"author", "James Madison"}, {"author", "Thomas Paine"}},
         [](const json& b) { EXPECT_EQ(b["total"], 3); }},
        {"an empty author is no filter",
         {{"author", ""}},
         [](const json& b) { EXPECT_EQ(b["total"], search_fixture_articles().size()); }},
        {"site filters", {{"site", "The Rambler"}}, [](const json& b) { EXPECT_EQ(b["total"], 1); }},
        {"tag filters", {{"tag", "Climate"}}, [](const json& b) { EXPECT_EQ(b["total"], 2); }},
        {"repeated years are either",
         {{"year", "1787"}, {"year", "1776"}},
         [](const json& b) { EXPECT_EQ(b["total"], 3); }},
        {"from and to bound the dates",
         {{"from", "1787-11"}, {"to", "1788-02-06"}},
         [](const json& b) { EXPECT_EQ(b["total"], 2); }},
        {"from and to in one month take the whole month",
         {{"from", "1787-11"}, {"to", "1787-11"}},
         [](const json& b) { EXPECT_EQ(b["total"], 1); }},
        {"facets=false leaves the facets empty",
         {{"facets", "false"}},
         [](const json& b) { EXPECT_TRUE(b["facets"]["author"].empty()); }},
        {"facets=1 counts them", {{"facets", "1"}}, [](const json& b) { EXPECT_FALSE(b["facets"]["author"].empty()); }},
        {"unknown parameters are ignored",
         {{"utm_source", "x"}, {"_", "123"}},
         [](const json& b) { EXPECT_EQ(b["total"], search_fixture_articles().size()); }},
        {"a query of 1024 bytes is accepted",
         {{"q", std::string(1024, 'a')}},
         [](const json& b) { EXPECT_EQ(b["total"], 0); }},
        {"twenty author values are accepted", repeated("author", "Someone", 20),
         [](const json& b) { EXPECT_EQ(b["total"], 0); }},
        {"author_find keeps the authors it finds",
         {{"author_find", "jo"}},
         [](const json& b) {
             ASSERT_EQ(b["facets"]["author"].size(), 2u);
             EXPECT_EQ(b["facets"]["author"][0]["value"], "Joseph Addison");
             EXPECT_EQ(b["facets"]["author"][1]["value"], "Samuel Johnson");
             EXPECT_EQ(b["total"], search_fixture_articles().size());
         }},
        {"tag_find keeps the tags it finds",
         {{"tag_find", "clim"}},
         [](const json& b) {
             ASSERT_EQ(b["facets"]["tag"].size(), 1u);
             EXPECT_EQ(b["facets"]["tag"][0]["value"], "Climate");
             EXPECT_GT(b["facets"]["author"].size(), 2u);
         }},
        {"a misspelling that finds nothing is searched corrected at once",
         {{"q", "ambitoin"}},
         [](const json& b) {
             EXPECT_EQ(b["query"], "ambitoin");
             EXPECT_EQ(b["corrected"], "ambition");
             EXPECT_TRUE(b["showing_corrected"].get<bool>());
             EXPECT_GT(b["total"], 0);
         }},
        {"spell=0 searches the words as typed and offers the correction",
         {{"q", "ambitoin"}, {"spell", "0"}},
         [](const json& b) {
             EXPECT_EQ(b["corrected"], "ambition");
             EXPECT_FALSE(b["showing_corrected"].get<bool>());
             EXPECT_EQ(b["total"], 0);
         }},
        {"a relaxed phrase is answered with a notice",
         {{"q", "\"ambition must counteract ambition\""}},
         [](const json& b) {
             EXPECT_TRUE(b["notice"].is_string());
             EXPECT_EQ(b["total"], 1);
         }},
    };
    for (const auto& c : cases) {
        const Reply reply = search(c.params);
        ASSERT_EQ(reply.status, 200) << c.name << ": " << reply.body;
        SCOPED_TRACE(c.name);
        c.check(json::parse(reply.body));
    }
}

struct ErrorCase {
    const char* name;
    ParamMap params;
    const char* param;
};

TEST_F(HttpHandlersTest, EveryBadParameterIsA400NamingIt) {
    const ErrorCase cases[] = {
        {"per_page 0", {{"per_page", "0"}}, "per_page"},
        {"per_page over 100", {{"per_page", "101"}}, "per_page"},
        {"per_page not a number", {{"per_page", "ten"}}, "per_page"},
        {"per_page negative", {{"per_page", "-1"}}, "per_page"},
        {"per_page with a trailing letter", {{"per_page", "10x"}}, "per_page"},
        {"page 0", {{"page", "0"}}, "page"},
        {"page not a number", {{"page", "two"}}, "page"},
        {"page empty", {{"page", ""}}, "page"},
        {"page past 2^32", {{"page", "4294967297"}}, "page"},
        {"depth over 10,000", {{"page", "101"}, {"per_page", "100"}}, "page"},
        {"depth over 10,000 at the default page size", {{"page", "1001"}}, "page"},
        {"sort unknown", {{"sort", "popular"}}, "sort"},
        {"year of two digits", {{"year", "87"}}, "year"},
        {"year of words", {{"year", "last"}}, "year"},
        {"from with month 13", {{"from", "1787-13"}}, "from"},
        {"from of words", {{"from", "yesterday"}}, "from"},
        {"to with a 30th of February", {{"to", "1788-02-30"}}, "to"},
        {"to before from", {{"from", "1788"}, {"to", "1787-12"}}, "to"},
        {"to the day before from", {{"from", "1787-11-22"}, {"to", "1787-11-21"}}, "to"},
        {"facets neither true nor false", {{"facets", "yes"}}, "facets"},
        {"spell neither true nor false", {{"spell", "no"}}, "spell"},
        {"q over 1024 bytes", {{"q", std::string(1025, 'a')}}, "q"},
        {"21 author values", repeated("author", "Someone", 21), "author"},
        {"21 tag values", repeated("tag", "x", 21), "tag"},
        {"an author value over 1024 bytes", {{"author", std::string(1025, 'a')}}, "author"},
        {"a site value over 1024 bytes", {{"site", std::string(1025, 'a')}}, "site"},
        {"author_find over 100 bytes", {{"author_find", std::string(101, 'a')}}, "author_find"},
        {"tag_find over 100 bytes", {{"tag_find", std::string(101, 'a')}}, "tag_find"},
    };
    for (const auto& c : cases) {
        Reply reply;
        try {
            reply = search(c.params);
        } catch (const std::exception& e) {
            ADD_FAILURE() << c.name << ": threw " << e.what();
            continue;
        }
        EXPECT_EQ(reply.status, 400) << c.name << ": " << reply.body;
        const json body = json::parse(reply.body);
        ASSERT_TRUE(body.contains("error")) << c.name;
        EXPECT_EQ(body["error"]["code"], "invalid_param") << c.name;
        EXPECT_EQ(body["error"]["param"], c.param) << c.name;
        EXPECT_TRUE(body["error"]["message"].is_string()) << c.name;
        EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << c.name;
        EXPECT_EQ(body.size(), 1u) << c.name;
    }
}

TEST_F(HttpHandlersTest, ADocumentIsServedWhole) {
    const json found = json::parse(search({{"q", "\"latent causes\""}}).body);
    const auto id = found["results"][0]["id"].get<std::string>();
    EXPECT_EQ(id, schema::public_id(indexer::unique_id(search_fixture_articles()[0])));
    const Reply reply = http::handle_doc(id, *m_searcher);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const json doc = body_of(reply);
    const Article& want = search_fixture_articles()[0];
    EXPECT_EQ(doc["id"], id);
    EXPECT_EQ(doc["title"], want.title);
    EXPECT_EQ(doc["body"], want.body);
    EXPECT_EQ(doc["authors"], json(want.authors));
    EXPECT_EQ(doc["tags"], json(want.tags));
    EXPECT_EQ(doc["published"], want.published);
    EXPECT_EQ(doc["language"], "en");
    EXPECT_TRUE(doc["modified"].is_null());
    EXPECT_TRUE(doc["updated"].is_null());
    EXPECT_EQ(doc["corrections"], json::array());
}

TEST_F(HttpHandlersTest, AnUnknownDocumentIsA404) {
    for (const std::string id :
         {"999999", "0", "1", "abc", "-1", "1.5", "", "99999999999999999999", "0123456789abcdef", "0123456789ABCDEF"}) {
        const Reply reply = http::handle_doc(id, *m_searcher);
        EXPECT_EQ(reply.status, 404) << id;
        const json body = json::parse(reply.body);
        EXPECT_EQ(body["error"]["code"], "not_found") << id;
        EXPECT_EQ(body["error"]["param"], "id") << id;
    }
    // A number is a link from before public ids: not redirected (it may now
    // name another article), and the message says why.
    const json old = json::parse(http::handle_doc("1", *m_searcher).body);
    EXPECT_NE(old["error"]["message"].get<std::string>().find("old link by number"), std::string::npos);
}

TEST_F(HttpHandlersTest, StatsDescribeTheIndex) {
    const Reply reply = http::handle_stats(*m_searcher);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const json stats = body_of(reply);
    EXPECT_EQ(stats["documents"], search_fixture_articles().size());
    EXPECT_EQ(stats["first_published"], "1711-03-12");
    EXPECT_EQ(stats["last_published"], "2020-06-30");
    EXPECT_EQ(stats["sites"], 7);
    EXPECT_EQ(stats["languages"], 2);
}

TEST_F(HttpHandlersTest, StatsOfAMissingIndexAreUnavailable) {
    searcher::Searcher missing((s_dir->path() / "no-such-db").string());
    const auto reply = missing.with_retry([&] { return http::handle_stats(missing); });
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::unavailable);
    EXPECT_EQ(http::error_reply(reply.error()).status, 503);
}

TEST_F(HttpHandlersTest, HealthCountsTheDocuments) {
    const Reply reply = http::handle_health(*m_searcher);
    ASSERT_EQ(reply.status, 200);
    const json body = body_of(reply);
    EXPECT_EQ(body["status"], "ok");
    EXPECT_EQ(body["documents"], search_fixture_articles().size());
}

TEST(HttpReply, AnErrorTakesItsStatusAndNameFromTheOneTable) {
    const Reply reply = http::error_reply(Error{ErrorCode::index_locked, "busy", ""});
    EXPECT_EQ(reply.status, 503);
    const json body = json::parse(reply.body);
    EXPECT_EQ(body["error"]["code"], "index_locked");
    EXPECT_EQ(body["error"]["message"], "busy");
    EXPECT_TRUE(body["error"]["param"].is_null());
}

} // namespace
} // namespace oped::test
