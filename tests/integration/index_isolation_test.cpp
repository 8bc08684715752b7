// A page that crashes the extractor, hangs it or makes it allocate without
// bound costs that page only: extraction runs in worker processes, and the
// page is reported failed with its reason. Pages that failed are not tried
// again until they change. The faults are injected with the worker's
// test-only OPED_TEST_FAULT hook (worker_main.cpp).

#include "support/corpus.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace oped::test {
namespace {

// Sets an environment variable for the oped processes a test starts.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) { setenv(name, value.c_str(), 1); }
    ~ScopedEnv() { unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
};

const std::vector<std::string> k_limits{"--page-timeout", "5", "--page-memory", "256", "--threads", "2"};

bool mentions(const IndexRun& r, const std::string& text) { return r.output().find(text) != std::string::npos; }

std::size_t failure_records(const Corpus& c) {
    const Xapian::Database db = c.open();
    const std::string prefix(schema::k_meta_failed_prefix);
    std::size_t n = 0;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) ++n;
    return n;
}

class FaultyPages : public ::testing::Test {
  protected:
    void SetUp() override {
        c.add_page("good1.html", "goodone");
        c.add_page("good2.html", "goodtwo");
        c.add_page("crash.html", "crashword");
        c.add_page("hang.html", "hangword");
        c.add_page("alloc.html", "allocword");
        const ScopedEnv fault("OPED_TEST_FAULT", "crash:crash.html,hang:hang.html,alloc:alloc.html");
        first = c.index({}, k_limits);
    }
    Corpus c;
    IndexRun first;
};

TEST_F(FaultyPages, EachCostsOnlyItsOwnPageWithItsReason) {
    EXPECT_EQ(first.run.exit_code, 4) << first.output();
    ASSERT_TRUE(first.has_summary) << first.output();
    EXPECT_EQ(first.counts, (SummaryCounts{5, 2, 0, 0, 0, 3})) << describe(first.counts);
    EXPECT_TRUE(mentions(first, "crash.html: crashed (signal 11")) << first.output();
    EXPECT_TRUE(mentions(first, "hang.html: timed out after 5 s")) << first.output();
    EXPECT_TRUE(mentions(first, "alloc.html: exceeded the memory limit (256 MiB)")) << first.output();
    EXPECT_TRUE(mentions(first, "crashed 1, out_of_memory 1, timed_out 1")) << first.output();
    EXPECT_EQ(c.matches("goodone"), 1u);
    EXPECT_EQ(c.matches("goodtwo"), 1u);
    EXPECT_EQ(c.open().get_doccount(), 2u);
    EXPECT_EQ(failure_records(c), 3u);
}

TEST_F(FaultyPages, UnchangedFailedPagesAreNotRetriedChangedOnesAre) {
    // No faults any more: a page that is tried again is indexed, so one
    // that stays out was not tried.
    const IndexRun again = c.index({}, k_limits);
    EXPECT_EQ(again.run.exit_code, 4) << again.output();
    EXPECT_EQ(again.counts, (SummaryCounts{5, 0, 0, 2, 0, 3})) << describe(again.counts);
    EXPECT_TRUE(mentions(again, "crash.html: crashed (signal 11")) << again.output();
    EXPECT_TRUE(mentions(again, "not retried")) << again.output();
    EXPECT_EQ(c.matches("crashword"), 0u);

    rewrite(c.page_path("crash.html"), article_page(simple_spec("crashword")) + "\n");
    const IndexRun changed = c.index({}, k_limits);
    EXPECT_EQ(changed.counts, (SummaryCounts{5, 1, 0, 2, 0, 2})) << describe(changed.counts) << changed.output();
    EXPECT_EQ(c.matches("crashword"), 1u);
    EXPECT_EQ(failure_records(c), 2u) << "indexing the page cleared its record";

    std::filesystem::remove(c.page_path("hang.html"));
    const IndexRun removed = c.index({}, k_limits);
    EXPECT_EQ(removed.counts, (SummaryCounts{4, 0, 0, 3, 0, 1})) << describe(removed.counts) << removed.output();
    EXPECT_EQ(failure_records(c), 1u) << "a removed file's record goes with it";

    const IndexRun retried = c.index({}, {"--retry-failed"});
    EXPECT_EQ(retried.run.exit_code, 0) << retried.output();
    EXPECT_EQ(retried.counts, (SummaryCounts{4, 1, 0, 3, 0, 0})) << describe(retried.counts);
    EXPECT_EQ(c.matches("allocword"), 1u);
    EXPECT_EQ(failure_records(c), 0u);
}

} // namespace
} // namespace oped::test
