// crawl(): which files under the roots are pages, and what it reports about
// roots it could not list; and `oped index` over symlinks and folders it
// cannot list.

#include "support/corpus.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <oped/indexer/crawl.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
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

bool has_problem(const indexer::CrawlResult& r, const fs::path& path, const std::string& reason_part) {
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const auto& p) {
        return p.first == path.string() && p.second.find(reason_part) != std::string::npos;
    });
}

TEST(Crawl, FollowsFileSymlinksOnlyInsideTheRoot) {
    TempDir dir;
    const auto site = dir / "site";
    write_file(dir / "outside/secret.txt", "<p>secret</p>");
    write_file(dir / "outside/secret.html", "<p>secret</p>");
    write_file(site / "ok.html", "<p>x</p>");
    write_file(site / "store/article.txt", "<p>y</p>");
    // Regression (issue 8, item 12): `ln -s /etc/passwd a/passwd.html` put /etc/passwd in the index.
    fs::create_symlink(dir / "outside/secret.txt", site / "passwd.html");
    fs::create_symlink("../../outside/secret.html", site / "store/relative.html");
    fs::create_symlink(site / "missing.txt", site / "dangling.html");
    fs::create_symlink(site / "ok.html", site / "alias.html");          // a page of the tree: once, by its own path
    fs::create_symlink("store/article.txt", site / "article.html");     // inside, not a page name: followed
    fs::create_symlink(dir / "outside/secret.txt", site / "notes.txt"); // not a page name: ignored like any .txt
    const auto r = crawl({site.string()});
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{(site / "article.html").string(), (site / "ok.html").string()}));
    EXPECT_TRUE(has_problem(r, site / "passwd.html", "outside " + site.string())) << "says where it points";
    EXPECT_TRUE(has_problem(r, site / "passwd.html", (dir / "outside/secret.txt").string()));
    EXPECT_TRUE(has_problem(r, site / "store/relative.html", "not followed"));
    EXPECT_TRUE(has_problem(r, site / "dangling.html", "missing"));
    EXPECT_EQ(r.problems.size(), 3u);
    EXPECT_FALSE(indexer::may_judge_vanished((site / "passwd.html").string(), r))
        << "a skipped link keeps a document it had before";
}

TEST(Crawl, JudgesLinksByTheRootsRealFolder) {
    TempDir dir;
    write_file(dir / "real/store/article.txt", "<p>y</p>");
    fs::create_symlink(dir / "real/store/article.txt", dir / "real/article.html");
    fs::create_directory_symlink(dir / "real", dir / "alias");
    const auto r = crawl({(dir / "alias").string()});
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{(dir / "alias/article.html").string()}));
    EXPECT_TRUE(r.problems.empty());
}

// Regression (issue 8, item 13): one folder that could not be listed
// stopped the walk of its whole root, and the warning named the root.
TEST(Crawl, SkipsAFolderItCannotListAndWalksTheRest) {
    TempDir dir;
    const auto b = dir / "b";
    for (const char* name :
         {"ok1.html", "unlistable/ok2.html", "ok3.html", "zz_after/ok5.html", "half/p1.html", "half/p2.html"}) {
        write_file(b / name, "<p>x</p>");
    }
    // The lister fails on two folders: at once, and after one entry.
    const indexer::ListFolderFn failing = [&](const fs::path& folder, std::vector<fs::directory_entry>& out) {
        if (folder == b / "unlistable") return std::make_error_code(std::errc::permission_denied);
        const auto ec = indexer::list_folder(folder, out);
        if (folder == b / "half") {
            std::sort(out.begin(), out.end());
            out.resize(1);
            return std::make_error_code(std::errc::io_error);
        }
        return ec;
    };
    const auto r = crawl({b.string()}, failing);
    EXPECT_EQ(paths_of(r), (std::vector<std::string>{(b / "half/p1.html").string(), (b / "ok1.html").string(),
                                                     (b / "ok3.html").string(), (b / "zz_after/ok5.html").string()}));
    EXPECT_TRUE(has_problem(r, b / "unlistable", "cannot list")) << "names the folder, not its root";
    EXPECT_TRUE(has_problem(r, b / "half", "cannot list"));
    EXPECT_EQ(r.problems.size(), 2u);
    ASSERT_EQ(r.roots.size(), 1u);
    EXPECT_TRUE(r.roots[0].complete);
    EXPECT_FALSE(indexer::may_judge_vanished((b / "unlistable/ok2.html").string(), r));
    EXPECT_FALSE(indexer::may_judge_vanished((b / "unlistable/deeper/old.html").string(), r));
    EXPECT_FALSE(indexer::may_judge_vanished((b / "half/p2.html").string(), r));
    EXPECT_TRUE(indexer::may_judge_vanished((b / "gone.html").string(), r));
    EXPECT_TRUE(indexer::may_judge_vanished((b / "unlistable2/gone.html").string(), r));
    EXPECT_FALSE(indexer::may_judge_vanished((dir / "elsewhere.html").string(), r));
}

// `oped index` with the permission to read any folder taken away, so that a
// folder at mode 000 is unreadable to the indexer even when the tests run as
// root (setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH).
RunResult index_without_override(const Corpus& c) {
    const std::vector<std::string> args{"index", "-q", "--db", c.db(), c.root().string()};
    if (::geteuid() != 0) return run_oped(args);
    std::vector<std::string> dropped{"--bounding-set=-dac_override,-dac_read_search", OPED_BINARY};
    dropped.insert(dropped.end(), args.begin(), args.end());
    return run_program("setpriv", dropped);
}

TEST(IndexCrawl, IndexesAroundAnUnreadableFolderAndKeepsItsPages) {
    Corpus c;
    c.add_page("ok1.html", "firstword");
    c.add_page("unlistable/ok2.html", "hiddenword");
    c.add_page("unlistable/deeper/ok4.html", "deeperword");
    ASSERT_EQ(c.index().run.exit_code, 0);
    c.add_page("ok3.html", "thirdword");
    c.add_page("zz_after/ok5.html", "fifthword");
    const auto unlistable = c.page_path("unlistable");
    fs::permissions(unlistable, fs::perms::none);
    const RunResult r = index_without_override(c);
    fs::permissions(unlistable, fs::perms::owner_all);
    if (r.err.find("setpriv") != std::string::npos) GTEST_SKIP() << "cannot drop capabilities here: " << r.err;

    const std::string out = r.out + r.err;
    EXPECT_NE(out.find("failed: " + unlistable.string() + ": cannot list this folder"), std::string::npos) << out;
    EXPECT_EQ(out.find("failed: " + c.root().string() + ":"), std::string::npos) << "not its root\n" << out;
    EXPECT_EQ(c.matches("thirdword"), 1u) << out;
    EXPECT_EQ(c.matches("fifthword"), 1u) << out;
    EXPECT_EQ(c.matches("hiddenword"), 1u) << "nothing under the folder is taken as deleted\n" << out;
    EXPECT_EQ(c.matches("deeperword"), 1u) << out;
    const auto counts = parse_summary(r.out);
    ASSERT_TRUE(counts) << out;
    EXPECT_EQ(counts->removed, 0u);
    EXPECT_EQ(counts->added, 2u);
    EXPECT_EQ(counts->failed, 1u);
    EXPECT_NE(r.exit_code, 0);
}

TEST(IndexCrawl, LeavesFilesLinkedFromOutsideTheTreeOut) {
    Corpus c;
    TempDir elsewhere;
    write_file(elsewhere / "secret.txt", "root:x:0:0:secretword:/root:/bin/bash\n");
    c.add_page("ok.html", "okword");
    fs::create_symlink(elsewhere / "secret.txt", c.page_path("passwd.html"));
    const IndexRun r = c.index();
    EXPECT_EQ(c.matches("secretword"), 0u) << r.output();
    EXPECT_EQ(c.matches("okword"), 1u) << r.output();
    EXPECT_EQ(c.docs_with_path(c.page_path("passwd.html")), 0u);
    EXPECT_NE(r.output().find("failed: " + c.page_path("passwd.html").string() + ": symlink to " +
                              (elsewhere / "secret.txt").string()),
              std::string::npos)
        << r.output();
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
