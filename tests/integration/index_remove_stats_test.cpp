// `oped remove` by docid, URL, file and folder, and `oped stats` against an
// index whose content the test knows.

#include "support/corpus.hpp"

#include <oped/common/index_figures.hpp>
#include <oped/common/schema.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

// Four pages: two in 2020/, one in 2020x/ (a sibling sharing the
// prefix), one without a URL at the top.
void index_four_pages(Corpus& c) {
    c.add_page("2020/a.html", "alphaword", "https://example.org/a");
    c.add_page("2020/b.html", "bravoword", "https://example.org/b");
    c.add_page("2020x/c.html", "charlieword", "https://example.org/c");
    c.add_page("d.html", "deltaword");
    const IndexRun r = c.index();
    ASSERT_EQ(r.run.exit_code, 0) << r.output();
    ASSERT_EQ(c.open().get_doccount(), 4u);
}

class RemoveFrom : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_four_pages(c)); }
    RunResult remove(const std::vector<std::string>& targets) {
        std::vector<std::string> args{"remove", "--db", c.db()};
        args.insert(args.end(), targets.begin(), targets.end());
        return run_oped(args);
    }
    Corpus c;
};

TEST(Remove, RemovesByEveryKindOfTarget) {
    struct Row {
        const char* name;
        std::function<std::string(const Corpus&)> target;
        std::vector<std::string> gone;
    };
    const auto docid_of = [](const Corpus& corpus, const std::string& url) {
        const auto ids = postings(corpus.open(), schema::boolean_term(schema::prefix::id, url));
        return ids.empty() ? std::string("missing") : std::to_string(ids.front());
    };
    const std::vector<Row> rows{
        {"a Xapian docid", [&](const Corpus& k) { return docid_of(k, "https://example.org/a"); }, {"alphaword"}},
        {"a public id, as /doc/ID shows it",
         [](const Corpus&) { return schema::public_id("https://example.org/a"); },
         {"alphaword"}},
        {"a canonical URL", [](const Corpus&) { return std::string("https://example.org/b"); }, {"bravoword"}},
        {"a file path", [](const Corpus& k) { return k.page_path("2020x/c.html").string(); }, {"charlieword"}},
        {"a file:// id", [](const Corpus& k) { return "file://" + k.page_path("d.html").string(); }, {"deltaword"}},
        {"a folder, and not its sibling that shares a prefix",
         [](const Corpus& k) { return k.page_path("2020").string() + "/"; },
         {"alphaword", "bravoword"}},
    };
    for (const auto& row : rows) {
        Corpus fresh;
        ASSERT_NO_FATAL_FAILURE(index_four_pages(fresh)) << row.name;
        const RunResult r = run_oped({"remove", "--db", fresh.db(), row.target(fresh)});
        EXPECT_EQ(r.exit_code, 0) << row.name << "\n" << r.out << r.err;
        EXPECT_NE(r.out.find("removed " + std::to_string(row.gone.size()) + " documents"), std::string::npos)
            << row.name << "\n"
            << r.out;
        EXPECT_EQ(fresh.open().get_doccount(), 4u - row.gone.size()) << row.name;
        for (const auto& word : row.gone) EXPECT_EQ(fresh.matches(word), 0u) << row.name << ": " << word;
    }
}

TEST_F(RemoveFrom, ReportsTargetsThatAreNotInTheIndex) {
    struct Row {
        const char* name;
        std::string target;
    };
    const std::vector<Row> rows{
        {"an unknown URL", "https://example.org/never-indexed"},
        {"an unknown path", "/no/such/page.html"},
        {"a docid past the last", "999999"},
        {"docid zero, which Xapian never uses", "0"},
    };
    for (const auto& row : rows) {
        const RunResult r = remove({row.target});
        EXPECT_EQ(r.exit_code, 1) << row.name << "\n" << r.out << r.err;
        EXPECT_NE((r.out + r.err).find("not in the index: " + row.target), std::string::npos) << row.name << "\n"
                                                                                              << r.out << r.err;
        EXPECT_EQ(c.open().get_doccount(), 4u) << row.name;
    }
}

TEST_F(RemoveFrom, RemovesTheKnownTargetsEvenWhenOthersAreUnknown) {
    const RunResult r = remove({"https://example.org/a", "999999", "https://example.org/unknown"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("removed 1 documents"), std::string::npos) << r.out << r.err;
    EXPECT_EQ(c.open().get_doccount(), 3u);
}

TEST_F(RemoveFrom, ARemovedPageComesBackOnlyWhenIndexedAgain) {
    ASSERT_EQ(remove({"https://example.org/a"}).exit_code, 0);
    // Its file is unchanged, but it is no longer in the index: not skipped.
    const IndexRun r = c.index();
    EXPECT_EQ(r.counts.added, 1u) << r.output();
    EXPECT_EQ(c.open().get_doccount(), 4u);
}

nlohmann::json stats_json(const std::string& db) {
    const RunResult r = run_oped({"stats", "--json", "--db", db});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    try {
        return nlohmann::json::parse(r.out);
    } catch (const nlohmann::json::exception& e) {
        ADD_FAILURE() << e.what() << "\n" << r.out;
        return {};
    }
}

TEST(Stats, CountsWhatTheFixturesHold) {
    TempDir dir;
    fs::copy(fs::path(OPED_FIXTURES_DIR) / "index" / "pages", dir / "pages", fs::copy_options::recursive);
    const std::string db = (dir / "db").string();
    ASSERT_EQ(run_oped({"index", "-q", "--db", db, (dir / "pages").string()}).exit_code, 0);

    const nlohmann::json s = stats_json(db);
    EXPECT_EQ(s.value("documents", 0), 6);
    EXPECT_EQ(s.value("authors", 0), 4) << "Jane Doe, Omar Haddad, Priya Raman, Emile Durand";
    EXPECT_EQ(s.value("sites", 0), 3);
    EXPECT_EQ(s.value("languages", 0), 2);
    EXPECT_EQ(s.value("first_published", ""), "2017-01-09");
    EXPECT_EQ(s.value("last_published", ""), "2022-11-20");
    EXPECT_FALSE(s.value("last_update", "").empty());
    EXPECT_GT(s.value("size_bytes", 0), 0);

    const RunResult text = run_oped({"stats", "--db", db});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("documents:    6"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2017-01-09 .. 2022-11-20"), std::string::npos) << text.out;

    // The span follows removals: the 2017 page was the earliest.
    ASSERT_EQ(run_oped({"remove", "--db", db, "https://riverside.example/opinion/2017/01/09/snow-days"}).exit_code, 0);
    const nlohmann::json after = stats_json(db);
    EXPECT_EQ(after.value("documents", 0), 5);
    EXPECT_EQ(after.value("first_published", ""), "2018-05-12");

    // Counted by the commit and stored in it, so that reading them is one
    // metadata read.
    const Xapian::Database stored(db);
    const auto figures = schema::decode_figures(stored.get_metadata(std::string(schema::k_meta_figures)));
    ASSERT_TRUE(figures);
    EXPECT_EQ(*figures, schema::count_figures(stored));
    EXPECT_EQ(figures->first_day, "20180512");
}

TEST(Stats, SaysWhenThereIsNoIndex) {
    TempDir dir;
    const RunResult r = run_oped({"stats", "--db", (dir / "nothing-here").string()});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE((r.out + r.err).find("no index"), std::string::npos) << r.out << r.err;
}

} // namespace
} // namespace oped::test
