// `oped index` killed with SIGKILL mid-run: the last commit stands, Xapian's
// check finds nothing wrong, the index opens and searches, and the next run
// finishes the job without duplicates.

#include "support/corpus.hpp"
#include "support/process.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

constexpr int k_pages = 3000;

// A made-up word for page i, unique, searchable, and spread over Xapian's
// spelling fragments (its first, last and middle letters all vary). Numbered
// words sharing a prefix ("page123") would pile thousands of words into one
// fragment and trip a decompression bug in libxapian 1.4.22 that has
// nothing to do with being killed (see index_spelling_test.cpp).
std::string page_word(int i) {
    const auto letter = [](int n) { return static_cast<char>('a' + n % 26); };
    return {letter(i), letter(i / 26), letter(i / 676), 'o', letter(i / 26), letter(i)};
}
const std::vector<std::string> k_run_args{"--batch", "50", "--threads", "2"};

// Documents visible to a reader now; 0 while there is no readable index.
Xapian::doccount committed_docs(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
        return 0;
    }
}

class KillAndResume : public ::testing::Test {
  protected:
    void SetUp() override {
        for (int i = 0; i < k_pages; ++i) {
            const std::string n = std::to_string(i);
            c.add_page("batch" + std::to_string(i / 500) + "/page" + n + ".html", page_word(i),
                       "https://example.org/kill/" + n);
        }
    }

    // Start indexing in the background, wait until `ready` holds (or the
    // process ends), then SIGKILL it. Returns its exit code.
    template <class Ready>
    int run_and_kill(Ready&& ready) {
        std::vector<std::string> args{"index", "-q", "--db", c.db()};
        args.insert(args.end(), k_run_args.begin(), k_run_args.end());
        args.push_back(c.root().string());
        BackgroundOped oped(args);
        const bool reached = poll_until([&] { return !oped.running() || ready(); });
        EXPECT_TRUE(reached) << "the index never reached the moment to kill at";
        const int code = oped.kill_now();
        EXPECT_EQ(code, 128 + SIGKILL) << "it finished before it could be killed:\n" << oped.out() << oped.err();
        return code;
    }

    // What must hold after any kill, and after the runs that follow it.
    void check_recovery(Xapian::doccount at_least) {
        // Killed before its first commit, the writer may leave no database
        // at all for xapian-check to read; the next run must cope with that.
        if (fs::exists(fs::path(c.db()) / "iamglass")) {
            EXPECT_EQ(check_report(c.db()), "") << "Xapian's check after the kill";
        }
        const Xapian::doccount survived = committed_docs(c.db());
        EXPECT_GE(survived, at_least);
        if (survived > 0) {
            EXPECT_EQ(c.matches("council"), c.open().get_doccount()) << "the surviving index searches";
        }

        const IndexRun resumed = c.index({}, k_run_args);
        ASSERT_EQ(resumed.run.exit_code, 0) << resumed.output();
        EXPECT_EQ(resumed.counts.total, static_cast<std::size_t>(k_pages));
        EXPECT_EQ(resumed.counts.added + resumed.counts.unchanged, static_cast<std::size_t>(k_pages))
            << describe(resumed.counts);
        EXPECT_EQ(resumed.counts.unchanged, survived) << "what was committed is not redone";
        EXPECT_EQ(c.open().get_doccount(), static_cast<Xapian::doccount>(k_pages));
        EXPECT_EQ(c.docs_with_id("https://example.org/kill/0"), 1u);
        EXPECT_EQ(c.docs_with_id("https://example.org/kill/" + std::to_string(k_pages - 1)), 1u);
        EXPECT_EQ(c.matches(page_word(1234)), 1u);

        const IndexRun third = c.index({}, k_run_args);
        EXPECT_EQ(third.run.exit_code, 0) << third.output();
        EXPECT_EQ(third.counts, (SummaryCounts{k_pages, 0, 0, k_pages, 0, 0})) << describe(third.counts);
        EXPECT_EQ(check_report(c.db()), "");
    }

    Corpus c;
};

TEST_F(KillAndResume, KilledBeforeTheFirstCommit) {
    run_and_kill([&] { return fs::exists(c.db()); });
    check_recovery(0);
}

TEST_F(KillAndResume, KilledJustAfterTheFirstCommit) {
    run_and_kill([&] { return committed_docs(c.db()) > 0; });
    check_recovery(50);
}

TEST_F(KillAndResume, KilledHalfWayThrough) {
    run_and_kill([&] { return committed_docs(c.db()) >= k_pages / 2; });
    check_recovery(k_pages / 2);
}

// What a writer killed inside Xapian's database creation leaves behind (seen
// in the runs above): table files and the version file's temporary, but no
// "iamglass". Built by hand here so that the case does not depend on when
// the kill lands.
void leave_interrupted_creation(const fs::path& db) {
    for (const char* name : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"}) write_file(db / name, "");
}

TEST(InterruptedCreation, AFolderLeftByAnInterruptedCreationIsCreatedAfresh) {
    Corpus c;
    c.add_page("a.html", "alphaword");
    leave_interrupted_creation(c.db());
    const IndexRun r = c.index();
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(r.counts.added, 1u) << r.output();
    EXPECT_EQ(c.matches("alphaword"), 1u);
    EXPECT_EQ(check_report(c.db()), "");
}

TEST(InterruptedCreation, AFolderHoldingAnythingElseIsLeftAlone) {
    Corpus c;
    c.add_page("a.html", "alphaword");
    leave_interrupted_creation(c.db());
    write_file(fs::path(c.db()) / "notes.txt", "not Xapian's");
    const IndexRun r = c.index();
    EXPECT_NE(r.run.exit_code, 0) << r.output();
    EXPECT_NE(r.output().find("cannot open the index at " + c.db()), std::string::npos) << r.output();
    EXPECT_EQ(read_file(fs::path(c.db()) / "notes.txt"), "not Xapian's");
    EXPECT_FALSE(fs::exists(fs::path(c.db()) / "iamglass"));
}

} // namespace
} // namespace oped::test
