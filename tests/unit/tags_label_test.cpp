#include <oped/indexer/body_label.hpp>
#include <oped/indexer/tags.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

using Tags = std::vector<std::string>;

TEST(CleanTags, DropsYearsTheOutletAndLoneHeadlineWords) {
    struct Row {
        const char* name;
        Tags tags;
        std::string outlet;
        std::string title;
        Tags kept;
    };
    const Row rows[] = {
        {"a year goes, other numbers stay",
         {"1711", "Manners", "9/11", "300", "20th Century"},
         "The Spectator",
         "On Manners",
         {"Manners", "9/11", "300", "20th Century"}},
        {"the outlet's own name goes, with or without 'the'",
         {"The Spectator", "spectator", "Addison", "Spectator Club"},
         "The Spectator",
         "No. 2",
         {"Addison", "Spectator Club"}},
        {"the headline's words one by one go",
         {"housing", "shortage", "zoning", "reform", "Jane Jacobs"},
         "The Ledger",
         "Zoning Reform Can Fix the Housing Shortage",
         {"Jane Jacobs"}},
        {"two headline words are ordinary tags",
         {"Housing", "Zoning", "Cities"},
         "The Ledger",
         "Zoning Reform Can Fix the Housing Shortage",
         {"Housing", "Zoning", "Cities"}},
        {"headline words among many real tags stay",
         {"Housing", "Zoning", "Reform", "Cities", "Rent", "Jane Jacobs", "Urbanism", "Planning"},
         "The Ledger",
         "Zoning Reform Can Fix the Housing Shortage",
         {"Housing", "Zoning", "Reform", "Cities", "Rent", "Jane Jacobs", "Urbanism", "Planning"}},
        {"a phrase of the headline is a tag, not a lone word",
         {"housing shortage", "zoning reform", "cities"},
         "",
         "Zoning Reform Can Fix the Housing Shortage",
         {"housing shortage", "zoning reform", "cities"}},
        {"no outlet, no title: only years go", {"2016", "Elections"}, "", "", {"Elections"}},
    };
    for (const auto& row : rows) EXPECT_EQ(clean_tags(row.tags, row.outlet, row.title), row.kept) << row.name;
}

TEST(PageLabel, IsAShortLineOfSectionAndOutletNames) {
    struct Row {
        const char* name;
        std::string line;
        bool label;
    };
    const std::string section = "Opinion", outlet = "McLean's Edition";
    const Row rows[] = {
        {"section » outlet, in capitals", "OPINION \xC2\xBB McLean's Edition", true},
        {"section | column label", "Opinion | Columns", true},
        {"the outlet alone", "McLean's Edition", true},
        {"the outlet's shorter name", "ESSAYS \xC2\xBB McLean's", true},
        {"the outlet's longer name", "Opinion \xC2\xBB McLean's Edition Archive", true},
        {"a word that only starts the outlet's", "Opinion \xC2\xBB McLea", false},
        {"a label word alone", "Editorial", true},
        {"home > section", "Home > Opinion", false},
        {"a sentence", "Opinion is divided on this.", false},
        {"a short heading of the text", "The Rights of Man", false},
        {"label words and another", "Opinion \xC2\xBB Foreign Affairs", false},
        {"a line with a comma", "Opinion, analysis", false},
        {"an empty part", "Opinion \xC2\xBB", false},
        {"too long", "Opinion | Opinion | Opinion | Opinion | Opinion | Opinion | Opinion | Opinion | Opinion", false},
    };
    for (const auto& row : rows) EXPECT_EQ(is_page_label(row.line, section, outlet), row.label) << row.name;
}

TEST(PageLabel, OnlyTheFirstParagraphIsTakenAndOnlyWithTextAfterIt) {
    const std::string text = "It was a fair morning.\n\nOpinion";
    EXPECT_EQ(strip_page_label("OPINION \xC2\xBB The Ledger\n\n" + text, "Opinion", "The Ledger"), text);
    EXPECT_EQ(strip_page_label(text, "Opinion", "The Ledger"), text);
    EXPECT_EQ(strip_page_label("Opinion", "Opinion", "The Ledger"), "Opinion");
}

} // namespace
} // namespace oped::indexer
