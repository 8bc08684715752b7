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
        {"a host name naming the site glued before the headline goes",
         "example.com Vibe Coding Notes",
         {"Example"},
         {},
         "Vibe Coding Notes"},
        {"a host name naming the site glued after the headline goes",
         "Vibe Coding Notes example.com",
         {"Example"},
         {},
         "Vibe Coding Notes"},
        {"a host name naming another site is the headline's",
         "Amazon.com Reports Record Holiday Sales",
         {"Example"},
         {},
         "Amazon.com Reports Record Holiday Sales"},
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

struct ChooseRow {
    const char* name;
    std::vector<TitleSource> metas;
    std::vector<std::string> h1s;
    std::vector<std::string> sites;
    const char* section;
    const char* expected;
};

TEST(ChooseTitle, Table) {
    const ChooseRow rows[] = {
        {"og:title loses its site suffix like <title> does",
         {{"og:title", "Ten Steps to a Quiet Kitchen | Example Homes"}},
         {},
         {"Example Homes"},
         "",
         "Ten Steps to a Quiet Kitchen"},
        {"the visible h1 wins when a meta title confirms it",
         {{"og:title", "Health and Nutrition Trends for 2026 - Example"}},
         {"Top 10 Health and Nutrition Trends to Watch"},
         {"Example"},
         "",
         "Top 10 Health and Nutrition Trends to Watch"},
        {"a one-word h1 inside a long meta title does not confirm",
         {{"og:title", "How We Broke Into Vercel, Cursor, Discord and Hundreds of Other Companies"}},
         {"Discord"},
         {},
         "",
         "How We Broke Into Vercel, Cursor, Discord and Hundreds of Other Companies"},
        {"an h1 sharing one word with the meta title does not confirm it",
         {{"og:title", "Life by the Harbour"}},
         {"Harbour Notes"},
         {},
         "",
         "Life by the Harbour"},
        {"a one-word h1 the meta title holds is confirmed",
         {{"og:title", "Gridlines - Layout Guide"}},
         {"Gridlines"},
         {},
         "",
         "Gridlines"},
        {"the best confirmed of several h1s wins",
         {{"og:title", "Advent of Code 2025 week 2"}},
         {"Example Blog", "Advent of Code 2025, week 2"},
         {"Example Blog"},
         "",
         "Advent of Code 2025, week 2"},
        {"a meta title cut short gives way to the next",
         {{"og:title", "Stanford Graduates Find Their Degrees No Longer\u2026"},
          {"<title>", "Stanford Graduates Find Their Degrees No Longer Guarantee Jobs"}},
         {},
         {},
         "",
         "Stanford Graduates Find Their Degrees No Longer Guarantee Jobs"},
        {"a meta title equal to the site name is no headline",
         {{"og:title", "Example News"}, {"<title>", "Council Approves the Budget After Delay"}},
         {},
         {"Example News"},
         "",
         "Council Approves the Budget After Delay"},
        {"an h1 with no meta title stands", {}, {"Council Approves the Budget"}, {}, "", "Council Approves the Budget"},
        {"a trailing label leaves the h1",
         {{"og:title", "How meditation rewires brains | Opinion"}},
         {"How meditation rewires brains | Opinion"},
         {},
         "",
         "How meditation rewires brains"},
        {"the h1's run a meta title equals is the headline",
         {{"<title>", "How to help babies sleep through the night"}},
         {"How to help babies sleep through the night | Patient Education | Example Hospital"},
         {},
         "",
         "How to help babies sleep through the night"},
        {"a date before the headline in the h1 goes when a meta title is the rest",
         {{"og:title", "Preparing a Move to the New Build Farm"}},
         {"Mar 18 2025 Preparing a Move to the New Build Farm"},
         {},
         "",
         "Preparing a Move to the New Build Farm"},
        {"a posted-on line glued after the headline in the h1 goes",
         {{"og:title", "Ways to Keep a Small Garden Tidy"}},
         {"Ways to Keep a Small Garden Tidy Posted on July 1, 2024 by Jane Doe"},
         {},
         "",
         "Ways to Keep a Small Garden Tidy"},
        {"a date the meta title lacks stays when the rest is not the meta title",
         {{"og:title", "The Storm of 2024"}},
         {"The Storm of January 5, 2024"},
         {},
         "",
         "The Storm of January 5, 2024"},
        {"a linked host name and a count after the headline in the h1 go",
         {{"og:title", "Rail Freight Returns to the Valley"}},
         {"Rail Freight Returns to the Valley (example.com) 87"},
         {},
         "",
         "Rail Freight Returns to the Valley"},
        {"a year after the headline in the h1 is the headline's",
         {{"og:title", "Best Quiet Keyboards"}},
         {"Best Quiet Keyboards 2026"},
         {},
         "",
         "Best Quiet Keyboards 2026"},
        {"a segment that is a host name names a site",
         {{"<title>", "Quiet Keyboards | Example-Shop.com"}},
         {},
         {},
         "",
         "Quiet Keyboards"},
        {"an h1 that mentions the site's name in a long headline is no masthead",
         {{"og:title", "The Twelve Best Bakeries in Town on Crumb"}},
         {"The Crumb Guide to the Twelve Best Bakeries in Town"},
         {"Crumb"},
         "",
         "The Crumb Guide to the Twelve Best Bakeries in Town"},
        {"an h1 that is the site's name with a word or two is a masthead",
         {{"og:title", "The Twelve Best Bakeries in Town"}},
         {"Welcome to Crumb"},
         {"Crumb"},
         "",
         "The Twelve Best Bakeries in Town"},
        {"nothing gives nothing", {}, {}, {}, "", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        TitleInputs in;
        in.metas = row.metas;
        in.h1s = row.h1s;
        in.site_names = row.sites;
        in.section = row.section;
        EXPECT_EQ(choose_title(in), row.expected);
    }
}

struct HeadlineRow {
    const char* name;
    std::vector<TitleSource> metas;
    std::vector<std::string> h1s;
    std::vector<std::string> marked_h1s;
    const char* expected;
};

// Issue 9, section 3: the visible headline over meta titles worded for
// search engines, and <h1>s that hold more, or less, than the headline.
TEST(ChooseTitle, VisibleHeadline) {
    const HeadlineRow rows[] = {
        {"an h1 marked as the headline stands without a meta title's confirmation",
         {{"og:title", "Hybrid and EV Buying Guide"}},
         {"Find an Efficient Vehicle That Is Right for You"},
         {"Find an Efficient Vehicle That Is Right for You"},
         "Find an Efficient Vehicle That Is Right for You"},
        {"an unmarked h1 that no meta title confirms loses",
         {{"og:title", "Hybrid and EV Buying Guide"}},
         {"Find an Efficient Vehicle That Is Right for You"},
         {},
         "Hybrid and EV Buying Guide"},
        {"a marked h1 of two words still needs confirmation",
         {{"og:title", "Retirement Planning Basics for Beginners"}},
         {"Index funds"},
         {"Index funds"},
         "Retirement Planning Basics for Beginners"},
        {"a confirmed h1 beats a marked one that is not",
         {{"og:title", "Night Trains Return to Vienna"}},
         {"Related Stories From the Travel Desk", "Night Trains Return to Vienna at Last"},
         {"Related Stories From the Travel Desk"},
         "Night Trains Return to Vienna at Last"},
        {"an h1 holding a meta title and a standfirst is the meta title",
         {{"og:title", "Tax 101: Understanding the basics"}},
         {"Tax 101: Understanding the basics A guide to the types of taxes Americans pay, how they work, and why "
          "they matter"},
         {},
         "Tax 101: Understanding the basics"},
        {"an h1 with a short subtitle after the meta title keeps it",
         {{"og:title", "Best High School Tutors in 2025"}},
         {"Best High School Tutors in 2025, Reviewed by a Student"},
         {},
         "Best High School Tutors in 2025, Reviewed by a Student"},
        {"an h1 that lost characters as question marks is the meta title that has them",
         {{"og:title", "What Are the Basics of Event Planning: Beginner's Guide"}},
         {"What Are the Basics of Event Planning? Beginner? Guide"},
         {},
         "What Are the Basics of Event Planning: Beginner's Guide"},
        {"an h1 that lost a character as U+FFFD is the meta title that has it",
         {{"og:title", "Caf\u00e9 Culture in the Old Town"}},
         {"Caf\ufffd Culture in the Old Town"},
         {},
         "Caf\u00e9 Culture in the Old Town"},
        {"a question mark ending an h1 is a question",
         {{"og:title", "Is Remote Work Here to Stay? Experts Weigh In"}},
         {"Is Remote Work Here to Stay?"},
         {},
         "Is Remote Work Here to Stay?"},
        {"an h1 that is a host name is the masthead, and the host name glued to the title goes",
         {{"<title>", "example.com Vibe Coding"}},
         {"example.com"},
         {},
         "Vibe Coding"},
        {"a permalink mark ends no headline",
         {{"<title>", "Data Structures \u2014 Example Docs"}},
         {"Data Structures\u00b6"},
         {},
         "Data Structures"},
        {"a record's Title field name before the h1 goes",
         {{"og:title", "Merging Language Models with Geometric Constraints"}},
         {"Title:Merging Language Models with Geometric Constraints"},
         {},
         "Merging Language Models with Geometric Constraints"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        TitleInputs in;
        in.metas = row.metas;
        in.h1s = row.h1s;
        in.marked_h1s = row.marked_h1s;
        EXPECT_EQ(choose_title(in), row.expected);
    }
}

TEST(ChooseTitle, ExplainsEveryCandidate) {
    TitleInputs in;
    in.metas = {{"og:title", "Council Approves the Budget | Example News"}};
    in.h1s = {"Council Approves the Budget"};
    in.site_names = {"Example News"};
    Explanation explain;
    EXPECT_EQ(choose_title(in, &explain), "Council Approves the Budget");
    const FieldEvidence* title = explain.find("title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->candidates.size(), 2U);
    EXPECT_EQ(title->chosen, "Council Approves the Budget");
    EXPECT_FALSE(title->reason.empty());
}

struct LabelRow {
    const char* name;
    const char* title;
    const char* section;
    std::vector<std::string> headlines;
    const char* expected;
};

TEST(StripTitleLabel, Table) {
    const LabelRow rows[] = {
        {"a WATCH: kicker goes", "WATCH: Flood Waters Reach the Old Town", "", {}, "Flood Waters Reach the Old Town"},
        {"an Opinion | label goes", "Opinion | We Need Night Trains Again", "", {}, "We Need Night Trains Again"},
        {"the section before a colon goes",
         "Harbour: New Breakwater Approved",
         "Harbour",
         {},
         "New Breakwater Approved"},
        {"a kicker the h1 lacks goes",
         "Rail: Night Trains Return to Vienna",
         "",
         {"Night Trains Return to Vienna"},
         "Night Trains Return to Vienna"},
        {"a kicker the h1 has stays",
         "Review: The Quiet Earth",
         "",
         {"Review: The Quiet Earth"},
         "Review: The Quiet Earth"},
        {"a headline colon that is no label stays",
         "Why the Harbour Needs a Wall: An Engineer Explains",
         "",
         {},
         "Why the Harbour Needs a Wall: An Engineer Explains"},
        {"too little left keeps the label", "Opinion: Yes", "", {}, "Opinion: Yes"},
        {"a record's Title field name glued to its value goes",
         "Title:Attention Is All You Need",
         "",
         {},
         "Attention Is All You Need"},
        {"a headline that starts with the word Title keeps it",
         "Title IX: Fifty Years of Women's Sport",
         "",
         {},
         "Title IX: Fifty Years of Women's Sport"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(strip_title_label(row.title, row.section, row.headlines), row.expected);
    }
}

} // namespace
} // namespace oped::indexer
