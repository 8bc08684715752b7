#include <oped/common/author_groups.hpp>
#include <oped/common/author_key.hpp>
#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace oped::schema {
namespace {

struct KeyRow {
    const char* name;
    const char* byline;
    const char* key;
};

const KeyRow k_key_rows[] = {
    {"capitals are folded", "JOHN SMITH", "john smith"},
    {"a middle initial stays in the key", "John A. Smith", "john a smith"},
    {"last name first is put in order", "Smith, John", "john smith"},
    {"last name first with an initial", "Smith, John A.", "john a smith"},
    {"the lead-in and an affiliation go", "By John Smith, Special to the Times", "john smith"},
    {"an affiliation without a comma goes", "John Smith Special to the Times", "john smith"},
    {"an honorific goes", "Dr. John Smith", "john smith"},
    {"honorifics without dots go", "Prof John Smith", "john smith"},
    {"sir goes", "Sir John Smith", "john smith"},
    {"rev goes", "Rev. John Smith", "john smith"},
    {"mrs goes", "Mrs. Jane Doe", "jane doe"},
    {"ms goes", "Ms Jane Doe", "jane doe"},
    {"a role after a comma goes", "John Smith, Staff Writer", "john smith"},
    {"a role after a dash goes", "John Smith - Contributing Columnist", "john smith"},
    {"a role run into the name goes", "John Smith Contributing Columnist", "john smith"},
    {"a sentence about the writer goes", "John Smith The writer is a professor at Yale", "john smith"},
    {"written by goes", "Written by John Smith", "john smith"},
    {"a degree goes", "Jane Doe, PhD", "jane doe"},
    {"a degree without a comma goes", "Jane Doe Ph.D.", "jane doe"},
    {"accents are folded", "Jos\xC3\xA9 Mart\xC3\xAD", "jose marti"},
    {"initials run together are split", "J.R.R. Tolkien", "j r r tolkien"},
    {"apostrophes go", "Tip O'Neill", "tip oneill"},
    {"curly apostrophes go", "Tip O\xE2\x80\x99Neill", "tip oneill"},
    {"a hyphenated name stays one word", "Anne Smith-Jones", "anne smith-jones"},
    {"another spelling is another key", "Jon Smyth", "jon smyth"},
    {"Jr. tells father from son", "John Smith Jr.", "john smith jr"},
    {"a group keeps its article", "The Editorial Board", "the editorial board"},
    {"white space is collapsed", "  Samuel   Johnson ", "samuel johnson"},
    {"nothing of a name: empty", " , ", ""},
    {"a single name stays", "Publius", "publius"},
};

class AuthorKeyTest : public ::testing::TestWithParam<KeyRow> {};

TEST_P(AuthorKeyTest, ReducesTheBylineToItsKey) {
    const KeyRow& row = GetParam();
    EXPECT_EQ(author_key(row.byline), row.key) << row.name;
    // A key is its own key: aliases files may be written in keys.
    EXPECT_EQ(author_key(row.key), row.key) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, AuthorKeyTest, ::testing::ValuesIn(k_key_rows));

TEST(AuthorKey, IsCutToATermsLength) {
    const std::string key = author_key(std::string(400, 'a'));
    EXPECT_LE(key.size(), k_max_author_key_bytes);
}

TEST(AuthorKey, ShapeTellsAnInitialledForm) {
    EXPECT_TRUE(key_shape("john a smith").initialled);
    EXPECT_TRUE(key_shape("john a b smith").initialled);
    EXPECT_FALSE(key_shape("john adam smith").initialled);
    EXPECT_FALSE(key_shape("john smith").initialled);
    EXPECT_EQ(key_shape("john a smith").first, "john");
    EXPECT_EQ(key_shape("john a smith").last, "smith");
}

using Groups = std::vector<std::vector<std::string>>;

struct GroupRow {
    const char* name;
    KeyCounts keys;
    const char* aliases;
    Groups groups;
};

const GroupRow k_group_rows[] = {
    {"the one initialled form takes the plain form",
     {{"john smith", 3}, {"john a smith", 5}},
     "",
     {{"john a smith", "john smith"}}},
    {"two initialled forms keep all three apart",
     {{"john smith", 3}, {"john a smith", 5}, {"john b smith", 2}},
     "",
     {}},
    {"another spelling is never merged", {{"john smith", 3}, {"jon smyth", 2}}, "", {}},
    {"a full middle name is not an initial", {{"john smith", 3}, {"john adam smith", 2}}, "", {}},
    {"another first name is another author", {{"jane smith", 3}, {"john a smith", 2}}, "", {}},
    {"an initial alone as first name is not merged", {{"j smith", 3}, {"j a smith", 2}}, "", {}},
    {"an alias merges",
     {{"samuel johnson", 9}, {"sam johnson", 2}},
     "Sam Johnson = Samuel Johnson",
     {{"samuel johnson", "sam johnson"}}},
    {"an alias splits what the initials rule merged",
     {{"john smith", 3}, {"john a smith", 5}},
     "John Smith != John A. Smith",
     {}},
    {"an alias for a key not in the archive does nothing", {{"john smith", 3}}, "John Smith = Jon Smyth", {}},
    {"merges chain", {{"a b", 1}, {"c d", 2}, {"e f", 3}}, "a b = c d\nc d = e f", {{"e f", "c d", "a b"}}},
    {"a split stops a chain",
     {{"a b", 1}, {"c d", 2}, {"e f", 3}},
     "a b = c d\nc d = e f\na b != e f",
     {{"c d", "a b"}}},
};

class AuthorGroupTest : public ::testing::TestWithParam<GroupRow> {};

TEST_P(AuthorGroupTest, GroupsTheArchivesKeys) {
    const GroupRow& row = GetParam();
    auto aliases = parse_author_aliases(row.aliases);
    ASSERT_TRUE(aliases) << aliases.error().message;
    EXPECT_EQ(group_author_keys(row.keys, aliases.value()), row.groups) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, AuthorGroupTest, ::testing::ValuesIn(k_group_rows));

TEST(AuthorAliases, ParsesMergesSplitsAndComments) {
    const auto parsed = parse_author_aliases("# people\n\nSmith, John = Dr. John A. Smith\nJon Smyth != John Smith\n");
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed.value().merge.size(), 1U);
    EXPECT_EQ(parsed.value().merge[0], std::make_pair(std::string("john smith"), std::string("john a smith")));
    ASSERT_EQ(parsed.value().split.size(), 1U);
    EXPECT_EQ(parsed.value().split[0], std::make_pair(std::string("jon smyth"), std::string("john smith")));
    // Written back and read again, the rules are the same.
    EXPECT_EQ(parse_author_aliases(format_author_aliases(parsed.value())).value(), parsed.value());
}

TEST(AuthorAliases, ABadLineIsAnErrorNamingIt) {
    const auto no_rule = parse_author_aliases("a = b\nJohn Smith\n");
    ASSERT_FALSE(no_rule);
    EXPECT_EQ(no_rule.error().code, ErrorCode::invalid_param);
    EXPECT_NE(no_rule.error().message.find("line 2"), std::string::npos) << no_rule.error().message;
    const auto empty_side = parse_author_aliases("John Smith = ,\n");
    ASSERT_FALSE(empty_side);
    EXPECT_NE(empty_side.error().message.find("line 1"), std::string::npos);
    // "JOHN SMITH" and "Dr. John Smith" are one key: nothing tells them apart.
    const auto same_key = parse_author_aliases("JOHN SMITH != Dr. John Smith");
    ASSERT_FALSE(same_key);
    EXPECT_NE(same_key.error().message.find("john smith"), std::string::npos);
}

// A glass index in a fresh temporary folder (the in-memory backend cannot
// list metadata keys), removed at the end.
class TempIndex {
  public:
    TempIndex() {
        std::string pattern = (std::filesystem::temp_directory_path() / "oped-authors-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_dir = pattern;
    }
    ~TempIndex() { std::filesystem::remove_all(m_dir); }
    TempIndex(const TempIndex&) = delete;
    TempIndex& operator=(const TempIndex&) = delete;
    std::string path() const { return (m_dir / "db").string(); }

  private:
    std::filesystem::path m_dir;
};

// The groups as stored in the metadata and read back, on a real index.
TEST(AuthorGroupsIndex, StoresGroupsAndReadsThemBack) {
    const TempIndex dir;
    Xapian::WritableDatabase db(dir.path(), Xapian::DB_CREATE_OR_OPEN);
    auto add = [&](const std::string& byline) {
        Xapian::Document doc;
        doc.add_boolean_term(author_key_term(author_key(byline)));
        doc.add_boolean_term(byline_form_term(author_key(byline), byline));
        db.add_document(doc);
    };
    add("John A. Smith");
    add("John A. Smith");
    add("JOHN SMITH");
    add("Dr. John Smith");
    add("Jon Smyth");
    add("SMYTH, JON");
    add("SMYTH, JON");
    write_author_groups(db);
    AuthorGroups groups(db);
    EXPECT_EQ(groups.keys_of("john smith"), (std::vector<std::string>{"john a smith", "john smith"}));
    EXPECT_EQ(groups.canonical("john smith"), "john a smith");
    EXPECT_EQ(groups.keys_of("jon smyth"), std::vector<std::string>{"jon smyth"});
    EXPECT_EQ(groups.display("john smith"), "John A. Smith");
    // The name alone beats a more frequent "SMYTH, JON".
    EXPECT_EQ(groups.display("jon smyth"), "Jon Smyth");
    const auto forms = groups.forms(groups.keys_of("john smith"));
    ASSERT_EQ(forms.size(), 3U);
    EXPECT_EQ(groups.forms({"jon smyth"}).size(), 2U);
    EXPECT_EQ(forms[0].form, "John A. Smith");
    EXPECT_EQ(forms[0].articles, 2U);
    Xapian::Enquire enquire(db);
    enquire.set_query(groups.query("Smith, John"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 4U);

    // A second initialled form parts them, and the stale group goes.
    add("John B. Smith");
    write_author_groups(db);
    AuthorGroups after(db);
    EXPECT_EQ(after.keys_of("john smith"), std::vector<std::string>{"john smith"});
    EXPECT_EQ(db.get_metadata(std::string(k_meta_author_group_prefix) + "john a smith"), "");
}

} // namespace
} // namespace oped::schema
