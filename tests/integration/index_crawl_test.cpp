// crawl(): which files under the roots are pages, and what it reports about
// roots it could not list.

#include "support/temp_dir.hpp"

#include <oped/indexer/crawl.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using indexer::crawl;

std::vector<std::string> paths_of(const indexer::CrawlResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.files) out.push_back(f.path);
    return out;
}

TEST(Crawl, FindsPagesRecursivelyAndSkipsOtherFiles) {
    TempDir dir;
    const auto root = dir / "site";
    for (const char* name : {"a.html", "b.htm", "c.xhtml", "d.html.gz", "sub/deeper/e.HTML", "notes.txt", "f.gz",
                             "img.png", "sub/style.css"}) {
        write_file(root / name, "<p>x</p>");
    }
    const auto r = crawl({root.string()});
    const std::string base = root.string();
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{base + "/a.html", base + "/b.htm", base + "/c.xhtml",
                                                     base + "/d.html.gz", base + "/sub/deeper/e.HTML"}));
    ASSERT_EQ(r.roots.size(), 1u);
    EXPECT_TRUE(r.roots[0].is_directory);
    EXPECT_TRUE(r.roots[0].complete);
    EXPECT_TRUE(r.problems.empty());
}

TEST(Crawl, TakesAFileRootWhateverItsName) {
    TempDir dir;
    write_file(dir / "saved-page.txt", "<p>x</p>");
    const auto r = crawl({(dir / "saved-page.txt").string()});
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{(dir / "saved-page.txt").string()}));
    ASSERT_EQ(r.roots.size(), 1u);
    EXPECT_FALSE(r.roots[0].is_directory);
    EXPECT_TRUE(r.roots[0].complete);
}

TEST(Crawl, ListsAPageOnceWhenRootsOverlap) {
    TempDir dir;
    write_file(dir / "site/a.html", "<p>x</p>");
    write_file(dir / "site/sub/b.html", "<p>y</p>");
    const auto r = crawl({(dir / "site").string(), (dir / "site/sub").string(), (dir / "site/sub/b.html").string(),
                          (dir / "site/./sub/../a.html").string()});
    EXPECT_EQ(r.files.size(), 2u);
}

TEST(Crawl, DoesNotFollowSymlinkedFolders) {
    TempDir dir;
    write_file(dir / "elsewhere/outside.html", "<p>x</p>");
    write_file(dir / "site/inside.html", "<p>y</p>");
    fs::create_directory_symlink(dir / "elsewhere", dir / "site/link");
    const auto r = crawl({(dir / "site").string()});
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{(dir / "site/inside.html").string()}));
}

TEST(Crawl, ReportsAMissingRootAsIncomplete) {
    TempDir dir;
    const auto r = crawl({(dir / "gone").string()});
    EXPECT_TRUE(r.files.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].first, (dir / "gone").string());
    ASSERT_EQ(r.roots.size(), 1u);
    EXPECT_FALSE(r.roots[0].complete) << "so nothing under it is taken as deleted";
}

TEST(Crawl, SignatureIsMtimeNanosecondsAndSize) {
    TempDir dir;
    write_file(dir / "a.html", "12345");
    // file_clock's epoch differs from the Unix epoch by whole seconds, so
    // the nanoseconds are the same in both views.
    const auto when = std::chrono::floor<std::chrono::seconds>(fs::last_write_time(dir / "a.html")) +
                      std::chrono::nanoseconds(123456789);
    fs::last_write_time(dir / "a.html", when);
    const auto r = crawl({(dir / "a.html").string()});
    ASSERT_EQ(r.files.size(), 1u);
    std::error_code ec;
    EXPECT_EQ(r.files[0].signature, indexer::file_signature(dir / "a.html", ec));
    EXPECT_TRUE(r.files[0].signature.ends_with("789:5")) << r.files[0].signature;
}

} // namespace
} // namespace oped::test
