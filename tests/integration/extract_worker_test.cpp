// The indexer's side of an extraction worker process (extract_worker.hpp),
// run against the real `oped extract-worker`.

#include "support/pages.hpp"
#include "support/temp_dir.hpp"

#include <oped/indexer/extract_worker.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace oped::test {
namespace {

indexer::WorkerLimits limits(double timeout_s) {
    return {{OPED_BINARY, "extract-worker"}, timeout_s, indexer::k_default_page_memory};
}

TEST(ExtractWorker, ExtractsPagesOneAfterAnother) {
    TempDir dir;
    write_file(dir / "a.html", article_page(simple_spec("alphaword")));
    write_file(dir / "b.html", article_page(simple_spec("betaword")));
    indexer::ExtractWorker worker(limits(30));
    for (const char* name : {"a.html", "b.html"}) {
        worker.send((dir / name).string(), 1 << 20);
        const auto article = worker.receive();
        ASSERT_TRUE(article) << article.error().message;
        EXPECT_FALSE(article.value().body.empty());
    }
}

// The indexing thread may come back for a reply late: its queue to the
// writer is full while a commit runs. A reply the worker gave in time is
// still that page's extraction, not a timeout (under load, 2 of 2,000 pages
// failed so, "timed out after 30 s", though each took milliseconds).
TEST(ExtractWorker, AReplyGivenInTimeIsTakenWhenAskedForLate) {
    TempDir dir;
    write_file(dir / "warm.html", article_page(simple_spec("warmword")));
    write_file(dir / "late.html", article_page(simple_spec("lateword")));
    indexer::ExtractWorker worker(limits(3));
    // A first page: the worker is up and answering, so the next one takes it
    // milliseconds, far within the limit.
    worker.send((dir / "warm.html").string(), 1 << 20);
    ASSERT_TRUE(worker.receive());

    worker.send((dir / "late.html").string(), 1 << 20);
    std::this_thread::sleep_for(std::chrono::milliseconds(4500)); // the caller, busy past the limit
    const auto article = worker.receive();
    ASSERT_TRUE(article) << article.error().message;
    EXPECT_NE(article.value().body.find("lateword"), std::string::npos);
}

} // namespace
} // namespace oped::test
