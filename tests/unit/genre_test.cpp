#include <oped/indexer/genre.hpp>

#include <oped/indexer/extract.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace oped::indexer {
namespace {

TEST(Genre, LabelsOutletsPutOnPieces) {
    struct Row {
        const char* label;
        std::string_view expected;
    };
    const Row rows[] = {
        {"Opinion", k_genre_opinion},
        {"OPINION", k_genre_opinion},
        {"Op-Ed", k_genre_opinion},
        {"Guest Column", k_genre_opinion},
        {"Commentary", k_genre_opinion},
        {"Essays", k_genre_opinion},
        {"Letters to the Editor", k_genre_letter},
        {"Letters", k_genre_letter},
        {"Editorial", k_genre_editorial},
        {"Our View", k_genre_editorial},
        {"News Analysis", k_genre_analysis},
        {"Book Review", k_genre_review},
        {"Reviews", k_genre_review},
        {"Breaking News", k_genre_news},
        {"Gear Reviews", k_genre_review},
        {"Video Game Reviews", k_genre_review},
        {"Customer Reviews", ""},
        {"Business Review", ""},
        {"Politics", ""},
        {"An opinion on letters and reviews that is long", ""},
        {"", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(genre_of_label(row.label), row.expected) << row.label;
}

TEST(Genre, UrlFoldersNameTheFiling) {
    struct Row {
        const char* url;
        std::string_view expected;
    };
    const Row rows[] = {
        {"https://paper.example/opinion/2024/03/12/a-slug", k_genre_opinion},
        {"https://paper.example/2024/op-ed/a-slug", k_genre_opinion},
        {"a deeper folder is the more specific: https://paper.example/opinion/letters/a-slug", k_genre_letter},
        {"https://paper.example/letters-to-the-editor/a-slug", k_genre_letter},
        {"https://paper.example/editorials/a-slug", k_genre_editorial},
        {"https://paper.example/news/analysis/a-slug", k_genre_analysis},
        {"https://paper.example/books/reviews/a-slug", k_genre_review},
        {"a folder of reviews: https://paper.example/gear-reviews/a-slug", k_genre_review},
        {"customers' reviews are no critic's: https://shop.example/customer-reviews/a-slug", ""},
        {"a look back is no review: https://paper.example/2017-in-review/a-slug", ""},
        {"https://paper.example/OPINION/a-slug?x=/letters/", k_genre_opinion},
        {"the page's own slug is not a folder: https://paper.example/2024/opinion", ""},
        {"https://paper.example/2024/opinion-polls-tighten/", ""},
        {"https://opinion.example/2024/a-slug", ""},
        {"", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(genre_of_url(row.url), row.expected) << row.url;
}

GenreClues article_clues() {
    GenreClues c;
    c.title = "The council should start building";
    c.authors = {"Jane Doe"};
    c.opening = "The council met again on Tuesday, and again it decided nothing.";
    return c;
}

TEST(Genre, PickGenreWeighsTheRules) {
    struct Row {
        const char* name;
        std::function<void(GenreClues&)> set;
        std::string_view expected;
    };
    const Row rows[] = {
        {"no clue at all: other", [](GenreClues&) {}, k_genre_other},
        {"a page that is not an article: other, whatever it says",
         [](GenreClues& c) {
             c.is_article = false;
             c.schema_types = {"OpinionNewsArticle"};
         },
         k_genre_other},
        {"schema.org OpinionNewsArticle", [](GenreClues& c) { c.schema_types = {"OpinionNewsArticle"}; },
         k_genre_opinion},
        {"schema.org AnalysisNewsArticle", [](GenreClues& c) { c.schema_types = {"AnalysisNewsArticle"}; },
         k_genre_analysis},
        {"schema.org ReviewNewsArticle", [](GenreClues& c) { c.schema_types = {"ReviewNewsArticle"}; }, k_genre_review},
        {"schema.org ReportageNewsArticle",
         [](GenreClues& c) { c.schema_types = {"http://schema.org/ReportageNewsArticle"}; }, k_genre_news},
        {"NewsArticle alone is too weak: other", [](GenreClues& c) { c.schema_types = {"NewsArticle"}; },
         k_genre_other},
        {"NewsArticle and reporting verbs: news",
         [](GenreClues& c) {
             c.schema_types = {"NewsArticle"};
             c.said_rate = 5;
         },
         k_genre_news},
        {"many reporting verbs: news", [](GenreClues& c) { c.said_rate = 9; }, k_genre_news},
        {"a kicker beside the headline", [](GenreClues& c) { c.kickers = {"Opinion"}; }, k_genre_opinion},
        {"a label before a colon in the headline line",
         [](GenreClues& c) { c.kickers = {"Analysis: Why the vote was close"}; }, k_genre_analysis},
        {"the section", [](GenreClues& c) { c.sections = {"Commentary"}; }, k_genre_opinion},
        {"a <title> segment",
         [](GenreClues& c) {
             c.title_segments = {"Op-Ed", "The council should start building", "The Courier"};
         },
         k_genre_opinion},
        {"a blog's category", [](GenreClues& c) { c.categories = {"Reviews"}; }, k_genre_review},
        {"a URL folder", [](GenreClues& c) { c.url = "https://courier.example/letters/a-slug"; }, k_genre_letter},
        {"an editorial board's byline", [](GenreClues& c) { c.bylines = {"By The Editorial Board"}; },
         k_genre_editorial},
        {"an editorial wins over its umbrella, opinion",
         [](GenreClues& c) {
             c.sections = {"Opinion"};
             c.schema_types = {"OpinionNewsArticle"};
             c.bylines = {"Our View"};
         },
         k_genre_editorial},
        {"a letter wins over its umbrella, opinion",
         [](GenreClues& c) {
             c.sections = {"Opinion"};
             c.kickers = {"Letters"};
         },
         k_genre_letter},
        {"a letter's opening",
         [](GenreClues& c) { c.opening = "To the Editor: Your article on zoning missed the point."; }, k_genre_letter},
        {"\"Dear Editor\" opens a letter too",
         [](GenreClues& c) { c.opening = "Dear Editor, I write about the bridge."; }, k_genre_letter},
        {"analysis wins over news",
         [](GenreClues& c) {
             c.kickers = {"News Analysis"};
             c.schema_types = {"NewsArticle"};
             c.said_rate = 12;
         },
         k_genre_analysis},
        {"a news dateline",
         [](GenreClues& c) { c.opening = "WASHINGTON \xE2\x80\x94 The Senate voted on Tuesday to end the debate."; },
         k_genre_news},
        {"a dateline with a wire credit", [](GenreClues& c) { c.opening = "NEW YORK (AP) -- Stocks fell on Monday."; },
         k_genre_news},
        {"capitals that open a sentence are no dateline",
         [](GenreClues& c) { c.opening = "THE PRESIDENT of the club \xE2\x80\x94 a kind man \xE2\x80\x94 spoke."; },
         k_genre_other},
        {"a review in the headline with a rating",
         [](GenreClues& c) {
             c.title = "The new phone review: fast, and dear";
             c.opening = "We tested it for a month. Four stars out of five.";
         },
         k_genre_review},
        {"review in the headline alone is too weak", [](GenreClues& c) { c.title = "A review of the council's year"; },
         k_genre_other},
        {"a headline naming its review", [](GenreClues& c) { c.title = "Osprey Atmos 65L Backpack Review"; },
         k_genre_review},
        {"a headline naming its review before a colon",
         [](GenreClues& c) { c.title = "Review: the new ferry is slow, and worth it"; }, k_genre_review},
        {"a paper's \"A Review\" is no critic's",
         [](GenreClues& c) { c.title = "Physical activity and mood: A Review"; }, k_genre_other},
        {"a year in review is no critic's", [](GenreClues& c) { c.title = "2025 in Review"; }, k_genre_other},
        {"a ranking its writer tested, said in the headline",
         [](GenreClues& c) { c.title = "I Tested 10 Top Rated Standing Desk Converters"; }, k_genre_review},
        {"a ranking its writer tested, said in the opening",
         [](GenreClues& c) {
             c.title = "Best Drip Coffee Makers (2026)";
             c.opening = "I\xE2\x80\x99ve personally tested every coffee maker on this list.";
         },
         k_genre_review},
        {"an untested ranking is a shopping guide",
         [](GenreClues& c) {
             c.title = "The Best Houseplants for Low Light";
             c.opening = "Tested by time, these plants thrive in a dim corner.";
         },
         k_genre_other},
        {"testing without a ranking is no buying guide",
         [](GenreClues& c) {
             c.title = "The new ferry was tested on Tuesday";
             c.opening = "We tested the new ferry on Tuesday.";
         },
         k_genre_other},
        {"a critic's picks of the year's works", [](GenreClues& c) { c.title = "The 21 best movies of 2017"; },
         k_genre_review},
        {"a critic's picks of what to stream", [](GenreClues& c) { c.title = "10 movies to stream now"; },
         k_genre_review},
        {"an all-time list is as often readers' votes", [](GenreClues& c) { c.title = "Best Books Ever"; },
         k_genre_other},
        {"the year's best of what is not a work", [](GenreClues& c) { c.title = "The best restaurants of 2025"; },
         k_genre_other},
        {"opinion with more votes beats news",
         [](GenreClues& c) {
             c.sections = {"Opinion"};
             c.url = "https://courier.example/opinion/a-slug";
             c.schema_types = {"NewsArticle"};
             c.said_rate = 9;
         },
         k_genre_opinion},
    };
    for (const auto& row : rows) {
        GenreClues clues = article_clues();
        row.set(clues);
        EXPECT_EQ(pick_genre(clues), row.expected) << row.name;
    }
}

TEST(Genre, TheExplanationSaysWhy) {
    GenreClues clues = article_clues();
    clues.sections = {"Opinion"};
    clues.kickers = {"Letters to the Editor"};
    Explanation explain;
    EXPECT_EQ(pick_genre(clues, &explain), k_genre_letter);
    const FieldEvidence* genre = explain.find("genre");
    ASSERT_NE(genre, nullptr);
    EXPECT_EQ(genre->chosen, k_genre_letter);
    EXPECT_EQ(genre->reason, "a letter wins over its umbrella, opinion");
    ASSERT_EQ(genre->candidates.size(), 2U);
    EXPECT_EQ(genre->candidates[0].source, "label beside the headline");
    EXPECT_EQ(genre->candidates[1].source, "section");
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(OPED_FIXTURES_DIR) + "/genre/" + name, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// One page made for each genre, read the whole way, as oped index reads it.
TEST(Genre, FixturesReadAsTheirGenre) {
    struct Row {
        const char* file;
        std::string_view expected;
    };
    const Row rows[] = {
        {"column.html", k_genre_opinion},    {"editorial.html", k_genre_editorial}, {"letter.html", k_genre_letter},
        {"analysis.html", k_genre_analysis}, {"review.html", k_genre_review},       {"news.html", k_genre_news},
        {"blog.html", k_genre_other},
    };
    for (const auto& row : rows) {
        const std::string html = read_fixture(row.file);
        ASSERT_FALSE(html.empty()) << row.file;
        Explanation explain;
        auto article = extract_article(html, row.file, &explain);
        ASSERT_TRUE(article) << row.file;
        EXPECT_EQ(article.value().type, "article") << row.file;
        const FieldEvidence* genre = explain.find("genre");
        ASSERT_NE(genre, nullptr) << row.file;
        std::string why;
        for (const auto& c : genre->candidates) why += c.value + " (" + c.source + "); ";
        EXPECT_EQ(article.value().genre, row.expected) << row.file << ": " << why;
    }
}

} // namespace
} // namespace oped::indexer
