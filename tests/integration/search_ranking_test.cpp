// Ranking that rewards a query's words together, and quotations remembered
// wrong, on a real index of pages written for the purpose: each wanted page
// has a rival that holds the same words scattered, more often, which the bag
// of words alone ranked first.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

namespace oped::test {
namespace {

using searcher::SearchRequest;
using searcher::SearchResponse;

Article page(const std::string& slug, std::string title, std::vector<std::string> paragraphs) {
    return fixture_article(slug, std::move(title), {"Test Author"}, "1788-01-01", "Ranking Review", {},
                           std::move(paragraphs));
}

// Thirty words of one paragraph of "long-quote", and its words again,
// shuffled and twice over, in "long-rival".
constexpr const char* k_long_passage =
    "The accumulation of all powers legislative executive and judiciary in the same hands whether of one a few "
    "or many and whether hereditary self appointed or elective may justly be pronounced the very definition of "
    "tyranny";

const std::vector<Article>& ranking_articles() {
    static const std::vector<Article> k_articles{
        page("army-phrase", "Letters on the Militia",
             {"The people were told that a standing army in time of peace is a danger to their liberty.",
              "The militia of the several counties met in the spring and chose its officers."}),
        page("army-scattered", "The Armies of Europe",
             {"The armies of the continent stand ready. Every army stands on its frontier, and the armies of "
              "France stand beside the armies of Spain.",
              "Standing orders keep each army drilled; an army that stands idle is an army that decays, and the "
              "standing of an army is its discipline."}),
        page("credit-title", "Of Public Credit",
             {"The debts of the late war must be paid, and the loans of the states assumed by the Union.",
              "Nothing else will restore the faith of creditors abroad."}),
        page("credit-body", "Notes From the Treasury",
             {"Public opinion runs against the treasury. The public debt, the public revenue and the public "
              "lands are all in question.",
              "Credit is the life of commerce; credit once lost is slowly regained, and credit abroad depends "
              "on public credit at home. The public will judge."}),
        page("spectator-10", "The Spectator No. 10: The Design of the Paper",
             {"It was said of Socrates that he brought philosophy down from heaven to inhabit among men.",
              "I shall endeavour to enliven morality with wit, and to temper wit with morality."}),
        page("spectator-173", "The Spectator No. 173: On Grinning Matches",
             {"The Spectator has received 10 letters on the grinning match held on the 10th of the month, and "
              "the Spectator will print the best of them.",
              "A prize of 10 guineas was offered; the Spectator thinks the prize too high, and the Spectator's "
              "readers agree."}),
        page("crisis", "The Crisis",
             {"These are the times that try men's souls. The summer soldier and the sunshine patriot will, in this "
              "crisis, shrink from the service of their country."}),
        page("seasons", "Of Soldiers and Seasons",
             {"In winter the soldier rests and in summer the soldier marches. A patriot will serve in winter and "
              "in summer alike.",
              "The winter soldier is the true patriot; the summer patriot will complain of the winter."}),
        page("faction", "The Violence of Faction",
             {"Liberty is to faction what air is to fire, an aliment without which it instantly expires.",
              "But it could not be a less folly to abolish liberty, which is essential to political life."}),
        page("fire-rival", "On Fire and Air",
             {"Fire needs air, and faction needs liberty: what air feeds is fire, what liberty feeds is faction.",
              "Where there is air there is fire, where there is liberty there is faction, and fire and faction "
              "alike consume the air and the liberty of a people."}),
        page("long-quote", "The Separation of Powers",
             {std::string(k_long_passage) + ".",
              "Were the federal Constitution really chargeable with this accumulation the objection would be "
              "decisive."}),
        page("long-rival", "A Miscellany of Powers",
             {"Tyranny may be pronounced whether hereditary or elective; the very same hands of a few, of one or "
              "of many, self appointed, justly accumulate all powers: the definition of the legislative, the "
              "executive and the judiciary.",
              "Tyranny may justly be pronounced the same whether hereditary or elective; the very hands of one, a "
              "few or many, self appointed, accumulate all powers in the definition of legislative, executive and "
              "judiciary accumulation."}),
    };
    return k_articles;
}

std::string slug(const searcher::Hit& hit) { return hit.article.url.substr(hit.article.url.rfind('/') + 1); }

class SearchRankingTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", ranking_articles());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override {
        auto opened = searcher::Searcher::open((*s_dir / "db").string());
        ASSERT_TRUE(opened) << opened.error().message;
        m_searcher = std::make_unique<searcher::Searcher>(std::move(opened).value());
    }

    SearchResponse search(const std::string& query) {
        SearchRequest r;
        r.query = query;
        auto response = m_searcher->search(r);
        if (!response) {
            ADD_FAILURE() << query << ": " << response.error().message;
            return {};
        }
        return std::move(response).value();
    }

    static std::vector<std::string> slugs(const SearchResponse& r) {
        std::vector<std::string> out;
        for (const auto& hit : r.results) out.push_back(slug(hit));
        return out;
    }

    static TempDir* s_dir;
    std::unique_ptr<searcher::Searcher> m_searcher;
};

TempDir* SearchRankingTest::s_dir = nullptr;

struct FirstRow {
    const char* name;
    const char* query;
    const char* first; // the page that must rank first
    const char* rival; // a page that matches too, and must rank below it; or nullptr
};

const FirstRow k_first_rows[] = {
    {"a phrase beats the same words scattered", "standing army", "army-phrase", "army-scattered"},
    {"a title match beats a body match", "public credit", "credit-title", "credit-body"},
    {"an exact title comes first", "Spectator No. 10", "spectator-10", "spectator-173"},
    {"an exact title comes first whatever its number", "Spectator No. 173", "spectator-173", nullptr},
    {"a long sentence typed without quotes ranks its page first", "liberty is to faction what air is to fire",
     "faction", "fire-rival"},
    {"a thirty-word query answers with its page first", k_long_passage, "long-quote", "long-rival"},
};

class RanksFirst : public SearchRankingTest, public testing::WithParamInterface<FirstRow> {};

TEST_P(RanksFirst, Row) {
    const FirstRow& row = GetParam();
    const SearchResponse r = search(row.query);
    const auto got = slugs(r);
    ASSERT_FALSE(got.empty()) << row.query;
    EXPECT_EQ(got.front(), row.first) << row.query;
    if (row.rival != nullptr) {
        EXPECT_NE(std::find(got.begin(), got.end(), row.rival), got.end()) << row.query << ": the rival matches too";
    }
    EXPECT_TRUE(r.notice.empty()) << r.notice;
}

std::string row_name(const testing::TestParamInfo<FirstRow>& row) {
    std::string name;
    for (const char* c = row.param.name; *c != '\0'; ++c) {
        name.push_back(std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, RanksFirst, testing::ValuesIn(k_first_rows), row_name);

TEST_F(SearchRankingTest, AQuotationRememberedWithOneWordWrongFindsItsPageAndSaysSo) {
    // The page says "the sunshine patriot"; "seasons" has every word of the
    // quotation as remembered, apart.
    const SearchResponse r = search("\xE2\x80\x9Cthe summer soldier and the winter patriot will\xE2\x80\x9D");
    ASSERT_FALSE(r.results.empty());
    EXPECT_EQ(slug(r.results.front()), "crisis");
    EXPECT_NE(r.notice.find("one word different"), std::string::npos) << r.notice;
}

TEST_F(SearchRankingTest, AQuotationFoundExactlyHasNoNotice) {
    const SearchResponse r = search("\xE2\x80\x9Cthe summer soldier and the sunshine patriot will\xE2\x80\x9D");
    ASSERT_EQ(slugs(r), std::vector<std::string>{"crisis"});
    EXPECT_TRUE(r.notice.empty()) << r.notice;
}

TEST_F(SearchRankingTest, AThirtyWordQueryWithAWordNoPageHoldsStillFindsItsPage) {
    // No page has every word, so the any-word reading answers; the pairs of
    // words in order still rank the passage's own page first.
    std::string query = k_long_passage;
    query.replace(query.find("tyranny"), 7, "despotism");
    const SearchResponse r = search(query);
    ASSERT_FALSE(r.results.empty());
    EXPECT_EQ(slug(r.results.front()), "long-quote");
    EXPECT_FALSE(r.notice.empty());
}

} // namespace
} // namespace oped::test

namespace oped::test {
namespace {

// Xapian 1.4.22, given OP_AND_MAYBE(words, OR(the words, the phrase)), adds
// the phrase's weight to pages that hold the words apart once the match has
// gone past a page that failed the phrase check (ranking.hpp, with_boost()).
// A rare word and a common one, apart on many pages, make it show: those
// pages then outranked the one page with the phrase.
TEST(SearchRankingPhraseWeight, PagesWithTheWordsApartGetNoPhraseWeight) {
    std::vector<Article> articles;
    for (int i = 0; i < 800; ++i) {
        std::string body = "The man of sense and the men of the town, number " + std::to_string(i) +
                           ", keep one mind on the news of the week.";
        if (i % 5 == 0) body += " Their minds are elsewhere, on the harvest and the roads.";
        if (i % 20 == 0) body += " It touches mens interest, as every tax does.";
        for (int k = 0; k < (i % 7) * 12; ++k) body += " The town talks of plays and prices.";
        articles.push_back(page("filler-" + std::to_string(i), "Miscellany No. " + std::to_string(i), {body}));
    }
    articles.push_back(page("phrase", "A Letter to the Editor",
                            {"An extravagance of mens minds: so the letter calls the fashion of the town, and "
                             "the rest of it treats of the theatre and of the price of candles."}));
    TempDir dir;
    build_fixture_index(dir / "db", articles);
    auto opened = searcher::Searcher::open((dir / "db").string());
    ASSERT_TRUE(opened) << opened.error().message;
    SearchRequest request;
    request.query = "mens minds";
    const auto r = opened.value().search(request);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_GE(r.value().results.size(), 2u);
    EXPECT_EQ(slug(r.value().results.front()), "phrase");
}

} // namespace
} // namespace oped::test
