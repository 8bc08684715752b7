#include <oped/searcher/dates.hpp>

#include <gtest/gtest.h>

#include <cctype>
#include <optional>
#include <string>

namespace oped::searcher {
namespace {

struct BoundRow {
    const char* name;
    const char* text;
    std::optional<std::string> lower;
    std::optional<std::string> upper;
};

const BoundRow k_bound_rows[] = {
    {"a year spans January first to December thirty-first", "1787", "17870101", "17871231"},
    {"a month spans its first to its last day", "1787-11", "17871101", "17871130"},
    {"a one-digit month is read", "1787-3", "17870301", "17870331"},
    {"a day is its own lower and upper bound", "1787-11-22", "17871122", "17871122"},
    {"eight digits are a day", "17871122", "17871122", "17871122"},
    {"slashes separate like dashes", "1787/11/22", "17871122", "17871122"},
    {"dots separate like dashes", "1787.11.22", "17871122", "17871122"},
    {"February of a common year ends on the 28th", "1787-02", "17870201", "17870228"},
    {"February of a leap year ends on the 29th", "2020-02", "20200201", "20200229"},
    {"a century year is not a leap year", "1900-02", "19000201", "19000228"},
    {"a year divisible by 400 is a leap year", "2000-02", "20000201", "20000229"},
    {"the 29th of February exists in a leap year", "2020-02-29", "20200229", "20200229"},
    {"the 29th of February does not exist in a common year", "2019-02-29", std::nullopt, std::nullopt},
    {"April has no 31st", "2019-04-31", std::nullopt, std::nullopt},
    {"month 13 is refused", "1787-13", std::nullopt, std::nullopt},
    {"month 0 is refused", "1787-00", std::nullopt, std::nullopt},
    {"day 0 is refused", "1787-01-00", std::nullopt, std::nullopt},
    {"a two-digit year is refused", "87", std::nullopt, std::nullopt},
    {"a five-digit year is refused", "17870", std::nullopt, std::nullopt},
    {"words are refused", "last week", std::nullopt, std::nullopt},
    {"the empty string is refused", "", std::nullopt, std::nullopt},
    {"a trailing separator is refused", "1787-", std::nullopt, std::nullopt},
    {"four parts are refused", "1787-11-22-01", std::nullopt, std::nullopt},
    {"a three-digit month is refused", "1787-011", std::nullopt, std::nullopt},
    {"a sign is refused", "-1787", std::nullopt, std::nullopt},
    {"a time of day is refused", "1787-11-22T10:00", std::nullopt, std::nullopt},
};

class SearchDateBounds : public testing::TestWithParam<BoundRow> {};

TEST_P(SearchDateBounds, Row) {
    const BoundRow& row = GetParam();
    EXPECT_EQ(lower_bound_day(row.text), row.lower) << row.name;
    EXPECT_EQ(upper_bound_day(row.text), row.upper) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, SearchDateBounds, testing::ValuesIn(k_bound_rows),
                         [](const testing::TestParamInfo<BoundRow>& row) {
                             std::string name;
                             for (const char* c = row.param.name; *c != '\0'; ++c) {
                                 name.push_back(std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
                             }
                             return name;
                         });

TEST(SearchDateBounds, EveryMonthEndsOnItsLastDay) {
    const char* k_last[] = {"31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"};
    for (int m = 1; m <= 12; ++m) {
        const std::string month = (m < 10 ? "1787-0" : "1787-") + std::to_string(m);
        const std::string mm = month.substr(5);
        EXPECT_EQ(upper_bound_day(month), "1787" + mm + k_last[m - 1]) << month;
        EXPECT_EQ(upper_bound_day(month + "-" + k_last[m - 1]), "1787" + mm + k_last[m - 1]) << month;
    }
}

} // namespace
} // namespace oped::searcher
