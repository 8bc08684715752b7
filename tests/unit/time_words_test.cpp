// Time in the query read as a date filter.

#include <oped/searcher/time_words.hpp>

#include <gtest/gtest.h>

namespace oped::searcher {
namespace {

using namespace std::chrono;

constexpr year_month_day k_today = 2026y / December / 6;

struct Row {
    const char* query;
    const char* text;
    const char* rest;
    const char* from;
    const char* to;
    const char* reading;
};

class ReadTimeWords : public testing::TestWithParam<Row> {};

TEST_P(ReadTimeWords, ReadsTheWordsAsADateFilter) {
    const Row& row = GetParam();
    const auto t = read_time_words(row.query, k_today);
    ASSERT_TRUE(t) << row.query;
    EXPECT_EQ(t->text, row.text);
    EXPECT_EQ(t->rest, row.rest);
    EXPECT_EQ(t->from, row.from);
    EXPECT_EQ(t->to, row.to);
    EXPECT_EQ(t->reading, row.reading);
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, ReadTimeWords,
    testing::Values(
        Row{"taxes since 2016", "since 2016", "taxes", "2016-01-01", "", "published since 1 January 2016"},
        Row{"Since 2016 taxes", "Since 2016", "taxes", "2016-01-01", "", "published since 1 January 2016"},
        Row{"war before 1990", "before 1990", "war", "", "1989-12-31", "published before 1 January 1990"},
        Row{"faction in 1787", "in 1787", "faction", "1787-01-01", "1787-12-31", "published in 1787"},
        Row{"faction in March 1787", "in March 1787", "faction", "1787-03-01", "1787-03-31", "published in March 1787"},
        Row{"in 1787-02 liberty", "in 1787-02", "liberty", "1787-02-01", "1787-02-28", "published in February 1787"},
        Row{"union 1787-1788", "1787-1788", "union", "1787-01-01", "1788-12-31",
            "published from 1 January 1787 to 31 December 1788"},
        Row{"union 1787\xE2\x80\x93"
            "1788",
            "1787\xE2\x80\x93"
            "1788",
            "union", "1787-01-01", "1788-12-31", "published from 1 January 1787 to 31 December 1788"},
        Row{"union between 1787 and 1788", "between 1787 and 1788", "union", "1787-01-01", "1788-12-31",
            "published from 1 January 1787 to 31 December 1788"},
        Row{"from 1711 to 1712 wit", "from 1711 to 1712", "wit", "1711-01-01", "1712-12-31",
            "published from 1 January 1711 to 31 December 1712"},
        Row{"after 2016", "after 2016", "", "2017-01-01", "", "published since 1 January 2017"},
        Row{"until 1788 army", "until 1788", "army", "", "1788-12-31", "published until 31 December 1788"},
        Row{"climate last year", "last year", "climate", "2025-01-01", "2025-12-31", "published last year, in 2025"},
        Row{"climate last month", "last month", "climate", "2026-11-01", "2026-11-30",
            "published last month, in November 2026"},
        Row{"climate this year", "this year", "climate", "2026-01-01", "2026-12-06",
            "published this year, since 1 January 2026"},
        Row{"climate last 6 months", "last 6 months", "climate", "2026-06-06", "2026-12-06",
            "published in the last 6 months, since 6 June 2026"},
        Row{"climate past 2 weeks", "past 2 weeks", "climate", "2026-11-22", "2026-12-06",
            "published in the past 2 weeks, since 22 November 2026"},
        Row{"climate past 3 years", "past 3 years", "climate", "2023-12-06", "2026-12-06",
            "published in the past 3 years, since 6 December 2023"},
        Row{"taxes since 2016.", "since 2016.", "taxes", "2016-01-01", "", "published since 1 January 2016"}));

TEST(ReadTimeWords, LeavesQueriesWithoutTimeAlone) {
    for (const char* q : {"faction", "1984", "Federalist 10", "letters from 1787", "in the year 1787", "since",
                          "before the war", "last words", "\"since 2016\"", "date:1787..1788", "title:1787-1788",
                          "in 12345", "since 0999", "1788-1787", "between 1787 and", "last 0 days"}) {
        EXPECT_FALSE(read_time_words(q, k_today)) << q;
    }
}

TEST(ReadTimeWords, AMonthAtTheEndOfAShorterMonthEndsThere) {
    const auto t = read_time_words("last 1 month", 2026y / March / 31);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->from, "2026-02-28");
    EXPECT_EQ(t->to, "2026-03-31");
}

} // namespace
} // namespace oped::searcher
