// Type-ahead: /api/search?partial=1 reads the last word as a prefix, and
// /api/suggest completes from the index's phrases, author names and
// headlines, ranked by how many pages hold them. Socket-free handlers over
// a small index built for it: "standing army" is a phrase in two pages,
// "are" is far more frequent than "army" but never follows "standing", and
// "maids" is the word a misspelt "madis" is closest to.

#include "support/fixture_index_test.hpp"
#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>
#include <oped/searcher/searcher.hpp>
#include <oped/searcher/suggest.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace oped::test {
namespace {

using nlohmann::json;

std::vector<Article> typeahead_articles() {
    return {
        fixture_article("armies", "Standing Armies in Times of Peace", {"James Madison"}, "1788-01-09",
                        "Independent Journal", {"Militia"},
                        {"A standing army is a danger to liberty in times of peace, wrote Madison to a friend.",
                         "The militia of the states, not a standing army, should guard the frontier.",
                         "Madison said the maids who kept the inn were the first to hear the news."}),
        fixture_article("militia", "On the Militia", {"Alexander Hamilton"}, "1788-01-10", "Daily Advertiser",
                        {"Militia"},
                        {"Whether a standing army is needed in peace is the question we are asked.",
                         "The states are jealous of their militia, and they are right to be."}),
        fixture_article("inn", "News from the Inn", {"Thomas Paine"}, "1776-12-23", "Pennsylvania Journal", {},
                        {"The maids are tired, the travellers are loud, and the horses are standing in the rain.",
                         "Standing by the door, the keeper said the roads are bad."}),
        fixture_article("harbour", "The Harbour at Dawn", {"Thomas Paine"}, "1776-12-24", "Pennsylvania Journal", {},
                        {"Ships are late, sailors are idle, and the maids are standing by the quay.",
                         "The harbour master said the tides are high."}),
        fixture_article("markets", "Markets and Prices", {"Thomas Paine"}, "1776-12-25", "Pennsylvania Journal", {},
                        {"Prices are high and the markets are crowded; goods are scarce.",
                         "Traders are standing at every corner, and buyers are few."}),
    };
}

class Typeahead : public IndexedArticlesTest<typeahead_articles> {
  protected:
    http::Reply search_reply(const http::ParamMap& params) { return http::handle_search(params, *m_searcher); }
    http::Reply suggest_reply(const std::string& q) { return http::handle_suggest({{"q", q}}, *m_searcher); }

    json search(const http::ParamMap& params) {
        const auto reply = search_reply(params);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body);
    }

    std::vector<std::string> suggestions(const std::string& q) {
        const auto reply = suggest_reply(q);
        EXPECT_EQ(reply.status, 200) << reply.body;
        const auto body = json::parse(reply.body);
        EXPECT_EQ(body[0], q);
        return body[1].get<std::vector<std::string>>();
    }

    // The titles of the first `n` results (all when n is 0), sorted.
    static std::vector<std::string> titles(const json& body, std::size_t n = 0) {
        std::vector<std::string> out;
        for (const auto& hit : body["results"]) {
            if (n == 0 || out.size() < n) out.push_back(hit["title"].get<std::string>());
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::size_t index_of(const std::vector<std::string>& list, const std::string& value) {
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), value) - list.begin());
}

struct PartialRow {
    const char* name;
    const char* q;
    std::vector<std::string> typing_first; // the first titles found with partial=1, sorted
    std::size_t typing_total;
    std::size_t submitted_total; // without it: whole words (no page has "madis" or "ar"; the
                                 // loosest reading, any of the words, may find some)
};

TEST_F(Typeahead, PartialReadsTheLastWordAsAPrefixAndSubmittingKeepsWholeWords) {
    const std::vector<PartialRow> rows = {
        {"a word being typed finds the words it begins", "madis", {"Standing Armies in Times of Peace"}, 1, 0},
        // Every page has "standing" and a word in ar* ("are"); those with the
        // phrase "standing army" come first.
        {"the pages with the previous word and the prefix together come first",
         "standing ar",
         {"On the Militia", "Standing Armies in Times of Peace"},
         5,
         5},
        {"a finished word still finds itself",
         "militia",
         {"On the Militia", "Standing Armies in Times of Peace"},
         2,
         2},
        {"a prefix with a field", "title:harb", {"The Harbour at Dawn"}, 1, 0},
    };
    for (const auto& row : rows) {
        const auto typing = search({{"q", row.q}, {"partial", "1"}});
        EXPECT_EQ(titles(typing, row.typing_first.size()), row.typing_first) << row.name;
        EXPECT_EQ(typing["total"], row.typing_total) << row.name;
        // Submitted as typed (no spelling correction searched instead).
        EXPECT_EQ(search({{"q", row.q}, {"spell", "0"}})["total"], row.submitted_total) << row.name;
    }
}

TEST_F(Typeahead, PartialOffersNoCorrectionForTheWordBeingTyped) {
    EXPECT_EQ(search({{"q", "madis"}})["corrected"], "maids"); // submitted: the whole word is misspelt
    const auto typing = search({{"q", "madis"}, {"partial", "true"}});
    EXPECT_TRUE(typing["corrected"].is_null()) << typing["corrected"];
    EXPECT_EQ(typing["total"], 1);
}

TEST_F(Typeahead, PartialTakesOnlyTrueOrFalse) {
    for (const char* value : {"yes", "2", ""}) {
        const auto reply = search_reply({{"q", "madis"}, {"partial", value}});
        EXPECT_EQ(reply.status, 400) << value;
        EXPECT_EQ(json::parse(reply.body)["error"]["param"], "partial") << value;
    }
    EXPECT_EQ(search({{"q", "madis"}, {"partial", "0"}, {"spell", "0"}})["total"], 0);
}

TEST_F(Typeahead, SuggestCompletesThePhraseThePagesHoldNotTheCommonestWord) {
    const auto found = suggestions("standing ar");
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0], "standing army");
    EXPECT_FALSE(has(found, "standing are")) << "\"are\" never follows \"standing\"";
    // "standing armies" is a phrase in one page (a headline), "standing army" in two.
    EXPECT_LT(index_of(found, "standing army"), index_of(found, "standing armies"));
}

TEST_F(Typeahead, SuggestOffersNamesAndWordsInTheirDisplayCase) {
    const auto found = suggestions("madis");
    EXPECT_TRUE(has(found, "Madison")) << json(found);
    EXPECT_TRUE(has(found, "James Madison")) << json(found);
    EXPECT_FALSE(has(found, "madison")) << json(found);
    EXPECT_FALSE(has(found, "maids")) << json(found);
    EXPECT_EQ(suggestions("hamil").at(0), "Alexander Hamilton");
    // A word the pages write in lower case stays so, at a sentence's start too.
    EXPECT_TRUE(has(suggestions("standi"), "standing"));
}

TEST_F(Typeahead, SuggestOffersHeadlinesThatBeginWithTheTypedWords) {
    EXPECT_TRUE(has(suggestions("standing ar"), "Standing Armies in Times of Peace"));
    EXPECT_TRUE(has(suggestions("harbour at"), "The Harbour at Dawn")); // after "The"
    EXPECT_TRUE(has(suggestions("news from the"), "News from the Inn"));
    EXPECT_FALSE(has(suggestions("inn"), "News from the Inn")) << "one word must begin the headline";
}

TEST_F(Typeahead, SuggestIsBoundedAndRefusesAbsurdInput) {
    for (const char* q : {"a", "s", "t"}) EXPECT_LE(suggestions(q).size(), searcher::k_max_suggestions) << q;
    EXPECT_TRUE(suggestions("").empty());
    EXPECT_TRUE(suggestions("  \"?! ").empty());
    EXPECT_TRUE(suggestions("zzzzqqq").empty());
    const auto reply = suggest_reply(std::string(searcher::k_max_suggest_bytes + 1, 'a'));
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(json::parse(reply.body)["error"]["param"], "q");
    // Invalid UTF-8 and control characters complete nothing and break nothing.
    for (const std::string& q : {std::string("stand\xff\xfe", 7), std::string("stand\x01 ar", 9)}) {
        const auto odd = suggest_reply(q);
        EXPECT_EQ(odd.status, 200);
        EXPECT_TRUE(json::accept(odd.body)) << odd.body;
    }
}

} // namespace
} // namespace oped::test
