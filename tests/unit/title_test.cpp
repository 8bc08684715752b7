#include <oped/indexer/title.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

struct TitleRow {
    const char* name;
    const char* title;
    std::vector<std::string> sites;
    std::vector<std::string> headlines;
    const char* expected;
};

TEST(CleanTitle, Table) {
    const TitleRow rows[] = {
        {"a bar suffix naming the site goes",
         "Council Approves the Budget | Example News",
         {"Example News"},
         {},
         "Council Approves the Budget"},
        {"a dash suffix naming the site goes",
         "Council Approves the Budget - Example News",
         {"Example News"},
         {},
         "Council Approves the Budget"},
        {"an em dash suffix naming the site goes",
         "Council Approves the Budget \u2014 Example News",
         {"Example News"},
         {},
         "Council Approves the Budget"},
        {"a double-colon suffix naming the site goes",
         "Council Approves the Budget :: Example News",
         {"Example News"},
         {},
         "Council Approves the Budget"},
        {"a prefix naming the site goes",
         "Example News | Council Approves the Budget",
         {"Example News"},
         {},
         "Council Approves the Budget"},
        {"a site named with its domain matches",
         "Council Approves the Budget | Example.com",
         {"Example"},
         {},
         "Council Approves the Budget"},
        {"section and site both go when an h1 confirms the headline",
         "Council Approves the Budget After Delay - Politics - Example News",
         {},
         {"Council Approves the Budget After Delay"},
         "Council Approves the Budget After Delay"},
        {"a separator inside a confirmed headline stays",
         "Dune - Part Two review: a triumph | Example News",
         {},
         {"Dune - Part Two review: a triumph"},
         "Dune - Part Two review: a triumph"},
        {"a title equal to the h1 stays whole",
         "Minecraft 1.8 - The Bountiful Update",
         {},
         {"Minecraft 1.8 - The Bountiful Update"},
         "Minecraft 1.8 - The Bountiful Update"},
        {"without a site name the last segment goes",
         "Get your Frontend JavaScript Code Covered | Code | Nicolas",
         {},
         {},
         "Get your Frontend JavaScript Code Covered | Code"},
        {"a short remainder keeps the whole title", "Mozilla - Wikipedia", {}, {"Mozilla"}, "Mozilla - Wikipedia"},
        {"a title without separators is unchanged",
         "Babies Who Eat Peanuts Early May Avoid Allergy",
         {"WebMD"},
         {"Allergies Health Center"},
         "Babies Who Eat Peanuts Early May Avoid Allergy"},
        {"a hyphen without spaces is not a separator",
         "Know-how and self-reliance in 2024",
         {"Example"},
         {},
         "Know-how and self-reliance in 2024"},
        {"white space is collapsed", "  Council \n Approves   the Budget ", {}, {}, "Council Approves the Budget"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(clean_title(row.title, row.sites, row.headlines), row.expected);
    }
}

struct LesserRow {
    const char* name;
    const char* title;
    std::vector<std::string> sites;
    std::vector<std::string> headlines;
    std::vector<std::string> lesser;
    const char* expected;
};

TEST(CleanTitle, LesserHeadings) {
    const LesserRow rows[] = {
        {"a bold headline picks the longest confirmed run",
         "Gazette :: Opinion :: Why the Harbour Needs a Wall",
         {},
         {},
         {"Gazette", "Why the Harbour Needs a Wall"},
         "Why the Harbour Needs a Wall"},
        {"an h2 headline beats an h1 masthead",
         "Night Trains Return | Rail Review",
         {"Rail Review"},
         {"Rail Review"},
         {"Night Trains Return"},
         "Night Trains Return"},
        {"a two-word lesser heading confirms nothing",
         "Chapter 1 - Conversations with a Cryptid - Fandom",
         {},
         {},
         {"Chapter 1"},
         "Chapter 1 - Conversations with a Cryptid"},
        {"a segment a lesser heading repeats is not taken for the site",
         "The Rambler No. 9 | The Rambler",
         {"The Rambler"},
         {},
         {"The Rambler No. 9"},
         "The Rambler No. 9"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(clean_title(row.title, row.sites, row.headlines, row.lesser), row.expected);
    }
}

TEST(TitleKey, FoldsCaseQuotesAndPunctuation) {
    EXPECT_EQ(title_key("Don’t Panic: It's \"Fine\""), title_key("dont panic its fine"));
}

TEST(TitleSimilarity, MeasuresWordsOfTheSecondMissingFromTheFirst) {
    EXPECT_DOUBLE_EQ(title_similarity("New Zealand", "New Zealand"), 1.0);
    EXPECT_LT(title_similarity("New Zealand", "New Zealand - Wikipedia"), 0.75);
    EXPECT_GT(title_similarity("Council Approves the Budget Today", "Council Approves the Budget"), 0.99);
}

} // namespace
} // namespace oped::indexer
