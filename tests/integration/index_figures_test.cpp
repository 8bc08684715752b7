// The index's figures (authors, outlets, languages, first and last day),
// counted from terms as each commit stores them: the first and last day
// must be those of the published values, whatever mix of days, months
// alone and years alone the pages have.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/index_figures.hpp>
#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped {
namespace {

struct FiguresCase {
    const char* name;
    std::vector<std::string> dates; // one page each ("" undated)
    std::string first_day, last_day;
};

const FiguresCase k_cases[] = {
    {"days only", {"2001-05-06", "2003-01-02", "2002-12-31"}, "20010506", "20030102"},
    {"the first year dated by the year alone", {"2001", "2001-05-06", "2003-01-02"}, "20010101", "20030102"},
    {"a year alone last sorts at its first day", {"2001-05-06", "2003", "2003-02-01"}, "20010506", "20030201"},
    {"the last year only by the year", {"2001-05-06", "2003"}, "20010506", "20030101"},
    {"a month alone first", {"2001-05", "2001-05-06", "2004-07-08"}, "20010501", "20040708"},
    {"a month alone last, its days earlier", {"2001-05-06", "2004-07", "2004-06-30"}, "20010506", "20040701"},
    {"a month alone last, a day in it later", {"2001-05-06", "2004-07", "2004-07-09"}, "20010506", "20040709"},
    {"undated pages do not count", {"", "2002-02-02", ""}, "20020202", "20020202"},
    {"no dates", {"", ""}, "", ""},
};

class Figures : public ::testing::TestWithParam<FiguresCase> {};

TEST_P(Figures, FirstAndLastDayAreThoseOfThePublishedValues) {
    const FiguresCase& c = GetParam();
    test::TempDir dir;
    std::vector<Article> pages;
    for (std::size_t i = 0; i < c.dates.size(); ++i) {
        pages.push_back(test::fixture_article("p" + std::to_string(i), "Page", {i % 2 ? "Ann Able" : "Ben Brook"},
                                              c.dates[i], "The Daily", {}, {"Words."}, i == 0 ? "fr" : "en"));
    }
    test::build_fixture_index(dir / "db", pages);
    const Xapian::Database db((dir / "db").string());
    const schema::IndexFigures f = schema::count_figures(db);
    EXPECT_EQ(f.first_day, c.first_day) << c.name;
    EXPECT_EQ(f.last_day, c.last_day) << c.name;
    EXPECT_EQ(f.authors, c.dates.size() > 1 ? 2u : 1u) << c.name;
    EXPECT_EQ(f.sites, 1u) << c.name;
    EXPECT_EQ(f.languages, c.dates.size() > 1 ? 2u : 1u) << c.name;
    EXPECT_EQ(schema::decode_figures(schema::encode_figures(f)), f) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Cases, Figures, ::testing::ValuesIn(k_cases));

TEST(FiguresValue, OnlyItsOwnFormatIsRead) {
    for (const char* value :
         {"", "figures1", "figures1 1 2 3 - ", "figures1 a 2 3 - -", "figures2 1 2 3 - -", "figures1 1 2 3 - - 9"}) {
        EXPECT_FALSE(schema::decode_figures(value)) << value;
    }
    ASSERT_TRUE(schema::decode_figures("figures1 1 2 3 - 20200101"));
    EXPECT_EQ(schema::decode_figures("figures1 1 2 3 - 20200101")->last_day, "20200101");
}

} // namespace
} // namespace oped
