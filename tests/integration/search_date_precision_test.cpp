// Dates known only to the month or year, over a real index: sorting, date
// ranges, the year facet and the timeline all see them, and the article
// keeps its precision for display.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <memory>

namespace oped::test {
namespace {

using searcher::SearchRequest;
using searcher::SearchResponse;
using searcher::SortOrder;

std::vector<Article> precision_articles(bool with_year_only) {
    std::vector<Article> out{
        fixture_article("day", "A day", {"Ann Day"}, "2016-07-20", "Daily", {}, {"harbour news of a day"}),
        fixture_article("month", "A month", {"Ann Month"}, "2016-07", "Monthly", {}, {"harbour news of a month"}),
        fixture_article("earlier", "Earlier", {"Ann Early"}, "2016-06-30", "Daily", {}, {"harbour news earlier"}),
        fixture_article("undated", "Undated", {"Ann None"}, "", "Daily", {}, {"harbour news undated"}),
    };
    if (with_year_only) {
        out.push_back(
            fixture_article("year", "A year", {"Ann Year"}, "2015", "Yearly", {}, {"harbour news of a year"}));
    }
    return out;
}

class DatePrecisionTest : public testing::TestWithParam<bool> {
  protected:
    void SetUp() override {
        build_fixture_index(m_dir / "db", precision_articles(GetParam()));
        auto opened = searcher::Searcher::open((m_dir / "db").string());
        ASSERT_TRUE(opened) << opened.error().message;
        m_searcher = std::make_unique<searcher::Searcher>(std::move(opened).value());
    }

    std::vector<std::string> slugs(SearchRequest r) {
        r.per_page = 100;
        auto response = m_searcher->search(r);
        EXPECT_TRUE(response) << response.error().message;
        std::vector<std::string> out;
        if (!response) return out;
        for (const auto& hit : response.value().results)
            out.push_back(hit.article.url.substr(hit.article.url.rfind('/') + 1));
        return out;
    }

    SearchResponse everything() {
        SearchRequest r;
        r.per_page = 100;
        auto response = m_searcher->search(r);
        EXPECT_TRUE(response) << response.error().message;
        return response ? std::move(response).value() : SearchResponse{};
    }

    TempDir m_dir;
    std::unique_ptr<searcher::Searcher> m_searcher;
};

TEST_P(DatePrecisionTest, SortingPlacesAMonthAtItsFirstDay) {
    SearchRequest r;
    r.sort = SortOrder::newest;
    std::vector<std::string> newest{"day", "month", "earlier"};
    if (GetParam()) newest.push_back("year");
    newest.push_back("undated");
    EXPECT_EQ(slugs(r), newest);
    r.sort = SortOrder::oldest;
    std::vector<std::string> oldest;
    if (GetParam()) oldest.push_back("year");
    oldest.insert(oldest.end(), {"earlier", "month", "day", "undated"});
    EXPECT_EQ(slugs(r), oldest);
}

struct RangeRow {
    const char* name;
    const char* from;
    const char* to;
    std::vector<std::string> expected; // newest first
};

TEST_P(DatePrecisionTest, DateRangesSeeMonthsAndYears) {
    const RangeRow rows[] = {
        {"the month itself", "2016-07", "2016-07", {"day", "month"}},
        {"from the month's first day", "2016-07-01", "", {"day", "month"}},
        {"to the day before the month", "", "2016-06-30",
         GetParam() ? std::vector<std::string>{"earlier", "year"} : std::vector<std::string>{"earlier"}},
        {"the year of a month", "2016", "2016", {"day", "month", "earlier"}},
        {"a year alone", "2015", "2015", GetParam() ? std::vector<std::string>{"year"} : std::vector<std::string>{}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        SearchRequest r;
        r.from = row.from;
        r.to = row.to;
        r.sort = SortOrder::newest;
        EXPECT_EQ(slugs(r), row.expected);
    }
}

TEST_P(DatePrecisionTest, TheDateQueryFieldSeesAMonth) {
    SearchRequest r;
    r.query = "harbour date:2016-07";
    r.sort = SortOrder::newest;
    EXPECT_EQ(slugs(r), (std::vector<std::string>{"day", "month"}));
}

TEST_P(DatePrecisionTest, TheYearFacetAndTimelineCountThem) {
    const SearchResponse all = everything();
    std::map<std::string, std::uint64_t> years;
    for (const auto& v : all.facets.year) years[v.value] = v.count;
    std::map<std::string, std::uint64_t> expected{{"2016", 3}};
    if (GetParam()) expected["2015"] = 1;
    EXPECT_EQ(years, expected);
    std::map<std::string, std::uint64_t> bins;
    for (const auto& b : all.timeline.bins) {
        if (b.count > 0) bins[b.period] = b.count;
    }
    if (GetParam()) {
        // A year without its month puts the timeline in years.
        EXPECT_EQ(all.timeline.unit, searcher::Timeline::Unit::year);
        EXPECT_EQ(bins, (std::map<std::string, std::uint64_t>{{"2015", 1}, {"2016", 3}}));
    } else {
        EXPECT_EQ(all.timeline.unit, searcher::Timeline::Unit::month);
        EXPECT_EQ(bins, (std::map<std::string, std::uint64_t>{{"2016-06", 1}, {"2016-07", 2}}));
    }
}

TEST_P(DatePrecisionTest, TheArticleKeepsItsPrecision) {
    SearchRequest r;
    r.query = "month";
    auto response = m_searcher->search(r);
    ASSERT_TRUE(response);
    ASSERT_EQ(response.value().results.size(), 1U);
    EXPECT_EQ(response.value().results[0].article.published, "2016-07");
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutAYearAlone, DatePrecisionTest, testing::Bool());

} // namespace
} // namespace oped::test
