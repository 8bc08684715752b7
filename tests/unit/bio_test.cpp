// The writer's bio line: found at the end of the body, kept out of it, and
// never taken from a last paragraph that is about someone else.

#include <oped/indexer/bio.hpp>
#include <oped/indexer/extract.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace oped::indexer {
namespace {

struct LineRow {
    const char* name;
    const char* paragraph;
    std::vector<std::string> authors;
    bool is_bio;
};

const LineRow k_line_rows[] = {
    {"the writer is, with a role", "The writer is an Assistant Professor at the University of Example.", {}, true},
    {"the writer is, with a name", "The writer is Jane Doe, who covered the council for a decade.", {}, true},
    {"the author is, in italics", "*The author is a senior fellow at the Example Institute.*", {}, true},
    {"the writer is, without who they are", "The writer is right about one thing: the city must build.", {}, false},
    {"the byline's name, is, a role", "Jane Doe is a senior fellow at the Example Institute.", {"Jane Doe"}, true},
    {"after a dash, the author of",
     "\xE2\x80\x94 John Smith is the author of \"Streets We Share.\"",
     {"John Smith"},
     true},
    {"the name with an initial", "John A. Smith is a columnist for the Ledger.", {"John Smith"}, true},
    {"the byline in capitals", "Jane Doe is a professor of law.", {"JANE DOE"}, true},
    {"the name, a role, then a verb",
     "Omar Haddad, a former city planner, teaches law at Example State.",
     {"Omar Haddad"},
     true},
    {"a handle after the name", "Jane Doe (@janedoe) is a reporter covering housing.", {"Jane Doe"}, true},
    {"a teaching verb needs no role word", "Jane Doe teaches history at Example College.", {"Jane Doe"}, true},
    {"someone else than the writer", "Robert Moses is a historian's favourite villain.", {"Jane Doe"}, false},
    {"another spelling is someone else", "Jon Smyth is a professor of law.", {"John Smith"}, false},
    {"no byline: a named line is nobody's bio", "Jane Doe is a professor of law.", {}, false},
    {"the writer's name without a role", "Jane Doe is sure the council will vote no.", {"Jane Doe"}, false},
    {"an ordinary last sentence", "Until then, the houses will not be built.", {"Jane Doe"}, false},
    {"too long to be a bio line",
     "The writer is a professor. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
     "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris "
     "nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum "
     "dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia "
     "deserunt mollit anim id est laborum, and more words to pass the limit of five hundred bytes.",
     {},
     false},
};

class BioLineTest : public ::testing::TestWithParam<LineRow> {};

TEST_P(BioLineTest, TellsABioLine) {
    const LineRow& row = GetParam();
    EXPECT_EQ(!bio_line(row.paragraph, row.authors).empty(), row.is_bio) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, BioLineTest, ::testing::ValuesIn(k_line_rows));

TEST(SplitBio, TakesTheLastParagraphOutOfTheBody) {
    std::string body = "First paragraph.\n\nSecond paragraph.\n\n\xE2\x80\x94 The writer is a professor of law.";
    std::string bio;
    split_bio(body, {"Jane Doe"}, bio);
    EXPECT_EQ(body, "First paragraph.\n\nSecond paragraph.");
    EXPECT_EQ(bio, "The writer is a professor of law.");
}

TEST(SplitBio, TwoWritersTwoLinesInPageOrder) {
    std::string body = "Text.\n\nJane Doe is a professor of law.\n\nJohn Roe is a columnist.";
    std::string bio;
    split_bio(body, {"Jane Doe", "John Roe"}, bio);
    EXPECT_EQ(body, "Text.");
    EXPECT_EQ(bio, "Jane Doe is a professor of law. John Roe is a columnist.");
}

TEST(SplitBio, NeverTakesTheOnlyParagraphNorOneBeforeTheEnd) {
    std::string alone = "The writer is a professor of law.";
    std::string bio;
    split_bio(alone, {}, bio);
    EXPECT_EQ(alone, "The writer is a professor of law.");
    EXPECT_EQ(bio, "");
    std::string earlier = "The writer is a professor of law.\n\nThe text goes on.";
    split_bio(earlier, {}, bio);
    EXPECT_EQ(bio, "");
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(OPED_FIXTURES_DIR) + "/bio/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct PageRow {
    const char* file;
    const char* bio;       // empty: none
    const char* body_ends; // what the body text ends with
};

const PageRow k_page_rows[] = {
    {"writer-is.html", "The writer is an assistant professor of urban planning at the University of Example.",
     "before the vote was called."},
    {"name-is-fellow.html", "Jane Doe is a senior fellow at the Example Institute.", "before the vote was called."},
    {"dash-author-of.html", "John Smith is the author of \xE2\x80\x9CStreets We Share.\xE2\x80\x9D",
     "before the vote was called."},
    {"name-appositive.html", "Omar Haddad, a former city planner, teaches law at Example State.",
     "before the vote was called."},
    {"other-person.html", "", "the professor who wrote his life knew it."},
    {"writer-is-right.html", "", "or the young will leave."},
    {"plain-ending.html", "", "the houses will not be built."},
};

class BioPageTest : public ::testing::TestWithParam<PageRow> {};

TEST_P(BioPageTest, ExtractsTheBioApartFromTheBody) {
    const PageRow& row = GetParam();
    const std::string html = read_fixture(row.file);
    ASSERT_FALSE(html.empty()) << row.file;
    const auto a = extract_article(html, "/bio.html");
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_EQ(a.value().author_bio, row.bio) << row.file;
    EXPECT_TRUE(a.value().body.ends_with(row.body_ends)) << row.file << ": " << a.value().body;
    if (*row.bio != '\0') {
        EXPECT_EQ(a.value().body.find(row.bio), std::string::npos) << row.file;
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BioPageTest, ::testing::ValuesIn(k_page_rows));

} // namespace
} // namespace oped::indexer
