// Genres through `oped index` and the API: one page made for each genre
// (tests/fixtures/genre), indexed by the real binary; the genre facet counts
// them, genre= filters (repeatable, ORed, a reader's word for a genre
// accepted), genre: in the query finds the same, the JSON carries `genre`,
// and the search page shows the facet and a label on each hit.

#include "support/corpus.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<std::string> k_pages = {"column.html", "editorial.html", "letter.html", "analysis.html",
                                          "review.html", "news.html",      "blog.html"};

class Genres : public ::testing::Test {
  protected:
    void SetUp() override {
        for (const auto& name : k_pages) {
            write_file(c.page_path(name), read_file(fs::path(OPED_FIXTURES_DIR) / "genre" / name));
        }
        const IndexRun r = c.index();
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
        auto opened = searcher::Searcher::open(c.db());
        ASSERT_TRUE(opened) << opened.error().message;
        m_searcher = std::make_unique<searcher::Searcher>(std::move(opened).value());
    }
    json api(const http::ParamMap& params) {
        const http::Reply reply = http::handle_search(params, *m_searcher);
        EXPECT_EQ(reply.status, 200) << reply.body;
        return json::parse(reply.body);
    }
    // The genres of the hits, sorted.
    static std::vector<std::string> genres(const json& reply) {
        std::vector<std::string> out;
        for (const auto& hit : reply["results"]) out.push_back(hit["genre"]);
        std::sort(out.begin(), out.end());
        return out;
    }
    Corpus c;
    std::unique_ptr<searcher::Searcher> m_searcher;
};

TEST_F(Genres, TheFacetCountsEachGenre) {
    const json reply = api({{"q", ""}});
    std::map<std::string, int> counts;
    for (const auto& v : reply["facets"]["genre"]) counts[v["value"]] = v["count"];
    const std::map<std::string, int> expected{{"analysis", 1}, {"editorial", 1}, {"letter", 1}, {"news", 1},
                                              {"opinion", 1},  {"other", 1},     {"review", 1}};
    EXPECT_EQ(counts, expected);
}

TEST_F(Genres, GenreParameterFiltersAndRepeats) {
    EXPECT_EQ(genres(api({{"genre", "letter"}})), (std::vector<std::string>{"letter"}));
    EXPECT_EQ(genres(api({{"genre", "Letters"}})), (std::vector<std::string>{"letter"})) << "a reader's word";
    // The column and the editorial are variants of one text, so they are
    // syndicated copies of one piece: each copy listed, both genres are found;
    // collapsed, the piece is one result.
    EXPECT_EQ(genres(api({{"genre", "editorial"}, {"genre", "opinion"}, {"collapse", "0"}})),
              (std::vector<std::string>{"editorial", "opinion"}));
    EXPECT_EQ(api({{"genre", "editorial"}, {"genre", "opinion"}})["results"].size(), 1U);
    // The facet of a filtered field still lists the others, to be added.
    const json reply = api({{"genre", "letter"}});
    EXPECT_EQ(reply["facets"]["genre"].size(), 7U);
}

TEST_F(Genres, AnUnknownGenreIsABadRequest) {
    const http::Reply reply = http::handle_search({{"genre", "poetry"}}, *m_searcher);
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(reply.body.find("genre"), std::string::npos) << reply.body;
}

TEST_F(Genres, GenreInTheQueryFindsTheSame) {
    EXPECT_EQ(genres(api({{"q", "genre:review"}})), (std::vector<std::string>{"review"}));
    EXPECT_EQ(genres(api({{"q", "housing genre:letter"}})), (std::vector<std::string>{"letter"}));
    EXPECT_EQ(genres(api({{"q", "council -genre:news -genre:analysis genre:opinion"}})),
              (std::vector<std::string>{"opinion"}));
    const RunResult cli = run_oped({"search", "--json", "--db", c.db(), "--genre", "editorial", "housing"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(genres(json::parse(cli.out)), (std::vector<std::string>{"editorial"}));
    // The plain listing labels each hit with its genre, as the web page does.
    const RunResult plain = run_oped({"search", "--db", c.db(), "--genre", "letter", "housing"});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_NE(plain.out.find(" · Letter · #"), std::string::npos) << plain.out;
}

TEST_F(Genres, TheDocumentCarriesItsGenre) {
    const json reply = api({{"genre", "analysis"}});
    ASSERT_EQ(reply["results"].size(), 1U);
    const http::Reply doc = http::handle_doc(reply["results"][0]["id"].get<std::string>(), *m_searcher);
    ASSERT_EQ(doc.status, 200) << doc.body;
    EXPECT_EQ(json::parse(doc.body)["genre"], "analysis");
}

TEST_F(Genres, TheSearchPageShowsTheFacetAndLabels) {
    const http::Reply page = http::handle_search_page({{"q", "council"}}, *m_searcher);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(R"(data-facet="genre")"), std::string::npos);
    EXPECT_NE(page.body.find(R"(class="genre genre-letter hit-genre" href="/?genre=letter">Letter</a>)"),
              std::string::npos)
        << page.body;
}

TEST_F(Genres, AGenreTypedByAnotherNameIsChosenByItsStoredName) {
    // "Letters" filters as "letter": the page's chip, its facet entry and its
    // links name the stored genre, so choosing the entry again removes it.
    const http::Reply page = http::handle_search_page({{"genre", "Letters"}}, *m_searcher);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("Genre: Letter<"), std::string::npos) << page.body;
    EXPECT_EQ(page.body.find("Genre: Letters"), std::string::npos) << "the chip names the stored genre";
    EXPECT_EQ(page.body.find("genre=Letters"), std::string::npos) << "no link carries the typed name";
    EXPECT_NE(page.body.find(R"(<li class="active"><a href="/#results" aria-current="true">)"), std::string::npos)
        << page.body;
}

} // namespace
} // namespace oped::test
