// The index as a whole refused: locked by another writer (3), built by
// another schema (5), or a command line oped cannot use (2).

#include "support/corpus.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

namespace oped::test {
namespace {

class IndexedOnce : public ::testing::Test {
  protected:
    void SetUp() override {
        c.add_page("first.html", "firstword");
        ASSERT_EQ(c.index().run.exit_code, 0);
    }
    Corpus c;
};

TEST_F(IndexedOnce, AnotherWriterHoldingTheLockMeansExitCodeThree) {
    c.add_page("second.html", "secondword");
    const auto revision_before = c.open().get_revision();
    {
        Xapian::WritableDatabase holder(c.db(), Xapian::DB_OPEN);
        const IndexRun r = c.index();
        EXPECT_EQ(r.run.exit_code, 3) << r.output();
        EXPECT_NE(r.output().find("locked by another writer"), std::string::npos) << r.output();
        EXPECT_FALSE(r.has_summary) << r.output();

        const RunResult removal = run_oped({"remove", "--db", c.db(), "file://" + c.page_path("first.html").string()});
        EXPECT_EQ(removal.exit_code, 3) << removal.out << removal.err;
    }
    EXPECT_EQ(c.open().get_revision(), revision_before) << "nothing was written";
    EXPECT_EQ(c.open().get_doccount(), 1u);
    EXPECT_EQ(c.matches("secondword"), 0u);
    // Reading is not writing: stats works while a writer holds the lock.
    Xapian::WritableDatabase holder(c.db(), Xapian::DB_OPEN);
    EXPECT_EQ(run_oped({"stats", "--db", c.db()}).exit_code, 0);
}

TEST_F(IndexedOnce, AnotherSchemaVersionMeansExitCodeFiveAndHowToRebuild) {
    {
        Xapian::WritableDatabase db(c.db(), Xapian::DB_OPEN);
        db.set_metadata(std::string(schema::k_meta_schema_version), "0-test");
        db.commit();
    }
    struct Row {
        const char* name;
        std::vector<std::string> args;
    };
    const std::vector<Row> rows{
        {"index", {"index", "-q", "--db", c.db(), c.root().string()}},
        {"stats", {"stats", "--db", c.db()}},
        {"stats --json", {"stats", "--json", "--db", c.db()}},
        {"remove", {"remove", "--db", c.db(), "file://" + c.page_path("first.html").string()}},
    };
    for (const auto& row : rows) {
        const RunResult r = run_oped(row.args);
        EXPECT_EQ(r.exit_code, 5) << row.name << "\n" << r.out << r.err;
        const std::string all = r.out + r.err;
        EXPECT_NE(all.find("schema version '0-test'"), std::string::npos) << row.name << "\n" << all;
        EXPECT_NE(all.find("rebuild it: rm -rf " + c.db() + " && oped index --db " + c.db()), std::string::npos)
            << row.name << "\n"
            << all;
    }
    EXPECT_EQ(c.open().get_doccount(), 1u);
    EXPECT_EQ(c.open().get_metadata(std::string(schema::k_meta_schema_version)), "0-test") << "not restamped";
}

TEST(ExitCodes, UsageErrorsExitWithTwo) {
    TempDir dir;
    const std::string db = (dir / "db").string();
    struct Row {
        const char* name;
        std::vector<std::string> args;
    };
    const std::vector<Row> rows{
        {"no subcommand", {}},
        {"an unknown subcommand", {"reindex"}},
        {"index without paths", {"index", "--db", db}},
        {"a thread count that is not a number", {"index", "--db", db, "--threads", "many", dir.path().string()}},
        {"a size that is not a number", {"index", "--db", db, "--max-size", "big", dir.path().string()}},
        {"an unknown option", {"index", "--db", db, "--no-such-flag", dir.path().string()}},
        {"remove without targets", {"remove", "--db", db}},
        {"extract without files", {"extract"}},
        {"an option missing its value", {"index", dir.path().string(), "--db"}},
    };
    for (const auto& row : rows) {
        const RunResult r = run_oped(row.args);
        EXPECT_EQ(r.exit_code, 2) << row.name << "\n" << r.out << r.err;
        EXPECT_FALSE(std::filesystem::exists(db)) << row.name << ": no index may be created";
    }
}

TEST(ExitCodes, HelpAndVersionExitWithZero) {
    EXPECT_EQ(run_oped({"--help"}).exit_code, 0);
    EXPECT_EQ(run_oped({"index", "--help"}).exit_code, 0);
    EXPECT_EQ(run_oped({"--version"}).exit_code, 0);
}

} // namespace
} // namespace oped::test
