#include <oped/indexer/evidence.hpp>

#include <gtest/gtest.h>

namespace oped::indexer {
namespace {

TEST(Explanation, KeepsFieldsInFirstNamedOrderWithTheirCandidatesAndChoice) {
    Explanation e;
    e.add("title", Candidate{"A", "h1", 2, "visible"});
    e.add("authors", Candidate{"Jane Roe", "byline", 1, ""});
    e.add("title", Candidate{"A - Site", "<title>", 1, "site name glued on"});
    e.choose("title", "A", "the h1, confirmed by <title>");
    ASSERT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields()[0].field, "title");
    EXPECT_EQ(e.fields()[1].field, "authors");
    const FieldEvidence* title = e.find("title");
    ASSERT_NE(title, nullptr);
    ASSERT_EQ(title->candidates.size(), 2u);
    EXPECT_EQ(title->candidates[1].source, "<title>");
    EXPECT_EQ(title->chosen, "A");
    EXPECT_EQ(title->reason, "the h1, confirmed by <title>");
    EXPECT_EQ(e.find("published"), nullptr);
}

TEST(Explanation, HelpersDoNothingWithoutAnExplanation) {
    explain_add(nullptr, "title", Candidate{"A", "h1", 1, ""});
    explain_choose(nullptr, "title", "A", "");
    Explanation e;
    explain_choose(&e, "date", "2020-01-02", "meta");
    ASSERT_NE(e.find("date"), nullptr);
    EXPECT_EQ(e.find("date")->chosen, "2020-01-02");
    EXPECT_TRUE(e.find("date")->candidates.empty());
}

} // namespace
} // namespace oped::indexer
