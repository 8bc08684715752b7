// The timeline's bins from month counts: one row per case.

#include <oped/searcher/timeline.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::searcher {
namespace {

std::string describe(const Timeline& t) {
    std::string out = unit_name(t.unit);
    for (const auto& bin : t.bins) out += " " + bin.period + "=" + std::to_string(bin.count);
    return out;
}

TEST(Timeline, BinsPerYearOrPerMonth) {
    const struct {
        const char* name;
        std::map<std::string, std::uint64_t> months;
        const char* expected;
    } rows[] = {
        {"nothing dated", {}, "year"},
        {"a few months are shown per month, gaps filled",
         {{"178710", 2}, {"178712", 1}},
         "month 1787-10=2 1787-11=0 1787-12=1"},
        {"months across a new year", {{"178711", 1}, {"178802", 3}}, "month 1787-11=1 1787-12=0 1788-01=0 1788-02=3"},
        {"more than three years are shown per year",
         {{"178001", 1}, {"178310", 2}, {"178311", 1}},
         "year 1780=1 1781=0 1782=0 1783=3"},
        {"an article dated only by year makes it per year", {{"178700", 1}, {"178710", 2}}, "year 1787=3"},
        {"malformed keys are ignored", {{"17x710", 5}, {"1787", 5}, {"178710", 1}}, "month 1787-10=1"},
    };
    for (const auto& row : rows) EXPECT_EQ(describe(make_timeline(row.months)), row.expected) << row.name;
}

TEST(Timeline, SparseCenturiesListOnlyTheYearsSeen) {
    const auto t = make_timeline({{"100001", 1}, {"178710", 2}});
    EXPECT_EQ(describe(t), "year 1000=1 1787=2");
}

} // namespace
} // namespace oped::searcher
