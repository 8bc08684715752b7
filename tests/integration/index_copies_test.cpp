// Syndicated copies in the index (indexer/copy_groups.hpp): copies share a
// group label (the XUg term and slot 14), other pieces hold none, and the
// groups stay right as copies come, change and go.

#include "support/copies.hpp"
#include "support/corpus.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

// The group label of the page at `spec.url` ("-" when it is not indexed).
std::string label_in(const Corpus& corpus, const PageSpec& spec) {
    const Xapian::Database db = corpus.open();
    const auto ids = postings(db, schema::boolean_term(schema::prefix::id, spec.url));
    if (ids.size() != 1) return "-";
    const Xapian::Document doc = db.get_document(ids.front());
    const std::string value = doc.get_value(schema::slot::copy_group);
    const auto terms = terms_with_prefix(doc, schema::prefix::copy_group);
    // The term and the value always agree.
    EXPECT_EQ(terms.size(), value.empty() ? 0u : 1u) << spec.url;
    if (!terms.empty()) {
        EXPECT_EQ(terms.front(), value) << spec.url;
    }
    return value;
}

class IndexCopies : public ::testing::Test {
  protected:
    void put(const std::string& name, const PageSpec& spec) { write_file(c.page_path(name), article_page(spec)); }
    void put_all() {
        put("a.html", set.original);
        put("b.html", set.retitled);
        put("c.html", set.trimmed);
        put("d.html", set.unrelated);
    }
    void index() {
        const IndexRun r = c.index();
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
    }
    std::string label(const PageSpec& spec) const { return label_in(c, spec); }
    static std::string id_of(const PageSpec& spec) { return schema::public_id(spec.url); }

    Corpus c;
    CopySet set = copy_set("ferryfares");
};

TEST_F(IndexCopies, CopiesShareTheEarliestCopysIdAndAnotherPieceHasNone) {
    put_all();
    ASSERT_NO_FATAL_FAILURE(index());
    EXPECT_EQ(label(set.original), id_of(set.original));
    EXPECT_EQ(label(set.retitled), id_of(set.original));
    EXPECT_EQ(label(set.trimmed), id_of(set.original));
    EXPECT_EQ(label(set.unrelated), "");
    EXPECT_EQ(check_report(c.db()), "");
}

TEST_F(IndexCopies, ACopyIndexedLaterJoinsTheGroupWithoutRelabellingIt) {
    put("b.html", set.retitled);
    put("c.html", set.trimmed);
    put("d.html", set.unrelated);
    ASSERT_NO_FATAL_FAILURE(index());
    // The earliest of the two founded the group.
    EXPECT_EQ(label(set.retitled), id_of(set.retitled));
    EXPECT_EQ(label(set.trimmed), id_of(set.retitled));
    put("a.html", set.original);
    ASSERT_NO_FATAL_FAILURE(index());
    EXPECT_EQ(label(set.original), id_of(set.retitled));
    EXPECT_EQ(label(set.retitled), id_of(set.retitled));
    EXPECT_EQ(label(set.unrelated), "");
}

TEST_F(IndexCopies, RemovingCopiesLeavesTheGroupConsistent) {
    struct Row {
        const char* name;
        std::vector<std::string> gone; // files deleted before re-indexing
        std::string original, retitled, trimmed;
    };
    const std::string a = id_of(set.original);
    const std::vector<Row> rows{
        {"one copy gone: the other two stay grouped", {"c.html"}, a, a, "-"},
        {"the founder gone: the others keep its label", {"a.html"}, "-", a, a},
        {"two gone: the one left is in no group", {"a.html", "b.html"}, "-", "-", ""},
    };
    for (const auto& row : rows) {
        Corpus fresh;
        for (const auto& [name, spec] : {std::pair{"a.html", &set.original}, std::pair{"b.html", &set.retitled},
                                         std::pair{"c.html", &set.trimmed}}) {
            write_file(fresh.page_path(name), article_page(*spec));
        }
        ASSERT_EQ(fresh.index().run.exit_code, 0) << row.name;
        for (const auto& name : row.gone) fs::remove(fresh.page_path(name));
        const IndexRun r = fresh.index();
        ASSERT_EQ(r.run.exit_code, 0) << row.name << r.output();
        EXPECT_EQ(label_in(fresh, set.original), row.original) << row.name;
        EXPECT_EQ(label_in(fresh, set.retitled), row.retitled) << row.name;
        EXPECT_EQ(label_in(fresh, set.trimmed), row.trimmed) << row.name;
        EXPECT_EQ(check_report(fresh.db()), "") << row.name;
    }
}

TEST_F(IndexCopies, OpedRemoveUpdatesTheGroup) {
    put("a.html", set.original);
    put("b.html", set.retitled);
    ASSERT_NO_FATAL_FAILURE(index());
    ASSERT_EQ(label(set.retitled), id_of(set.original));
    const RunResult r = run_oped({"remove", "--db", c.db(), set.original.url});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(label(set.retitled), "");
}

TEST_F(IndexCopies, ACopyRewrittenIntoAnotherPieceLeavesItsGroup) {
    put_all();
    ASSERT_NO_FATAL_FAILURE(index());
    PageSpec changed = set.trimmed;
    changed.paragraphs = prose("ferryrates", 6);
    rewrite(c.page_path("c.html"), article_page(changed));
    ASSERT_NO_FATAL_FAILURE(index());
    EXPECT_EQ(label(set.original), id_of(set.original));
    EXPECT_EQ(label(set.retitled), id_of(set.original));
    EXPECT_EQ(label(set.trimmed), "");
}

TEST_F(IndexCopies, APageBridgingTwoGroupsMergesThem) {
    // The column's two halves each ran twice, as two pieces (they share no
    // sentence); then the whole column ran, a copy of each half.
    std::vector<PageSpec> halves;
    for (const int part : {0, 1}) {
        for (const int copy : {0, 1}) {
            PageSpec half = set.original;
            half.url = "https://half.example/" + std::to_string(part) + "/" + std::to_string(copy);
            half.published = "2020-01-1" + std::to_string(copy + 1);
            const auto from = half.paragraphs.begin() + 3 * part;
            half.paragraphs.assign(from, from + 3);
            put("half" + std::to_string(part) + std::to_string(copy) + ".html", half);
            halves.push_back(half);
        }
    }
    ASSERT_NO_FATAL_FAILURE(index());
    ASSERT_NE(label(halves[0]), "");
    ASSERT_EQ(label(halves[0]), label(halves[1]));
    ASSERT_EQ(label(halves[2]), label(halves[3]));
    ASSERT_NE(label(halves[0]), label(halves[2]));
    put("whole.html", set.retitled);
    ASSERT_NO_FATAL_FAILURE(index());
    const std::string group = label(set.retitled);
    EXPECT_NE(group, "");
    for (const auto& half : halves) EXPECT_EQ(label(half), group) << half.url;
    EXPECT_EQ(check_report(c.db()), "");
}

} // namespace
} // namespace oped::test
