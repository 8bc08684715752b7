// Re-running `oped index`: unchanged files are skipped by signature,
// changed ones replaced, vanished ones removed, and nothing outside the
// roots of this run is touched.

#include "support/corpus.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

// Exit code and summary counts of one run, with its output on failure.
void expect_run(const IndexRun& r, int exit_code, const SummaryCounts& expected) {
    EXPECT_EQ(r.run.exit_code, exit_code) << r.output();
    ASSERT_TRUE(r.has_summary) << r.output();
    EXPECT_EQ(r.counts, expected) << "got " << describe(r.counts) << "\nwant " << describe(expected) << "\n"
                                  << r.output();
}

class FivePages : public ::testing::Test {
  protected:
    void SetUp() override {
        for (int i = 0; i < 5; ++i) {
            c.add_page("p" + std::to_string(i) + ".html", "keyword" + std::to_string(i),
                       "https://example.org/p" + std::to_string(i));
        }
        ASSERT_NO_FATAL_FAILURE(expect_run(c.index(), 0, {5, 5, 0, 0, 0, 0}));
    }
    Corpus c;
};

TEST_F(FivePages, ASecondRunFindsEveryFileUnchanged) {
    expect_run(c.index(), 0, {5, 0, 0, 5, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 5u);
}

TEST_F(FivePages, AnUnchangedSignatureMeansTheFileIsNotReadAgain) {
    // Same size, same mtime, other words: only a re-parse would notice.
    const auto path = c.page_path("p2.html");
    const auto mtime = fs::last_write_time(path);
    std::string text = read_file(path);
    const auto pos = text.find("keyword2");
    ASSERT_NE(pos, std::string::npos);
    text.replace(pos, 8, "keywordX");
    write_file(path, text);
    fs::last_write_time(path, mtime);

    expect_run(c.index(), 0, {5, 0, 0, 5, 0, 0});
    EXPECT_EQ(c.matches("keyword2"), 1u);
    EXPECT_EQ(c.matches("keywordx"), 0u);
}

TEST_F(FivePages, TouchingOneFileUpdatesOnlyThatFile) {
    shift_mtime(c.page_path("p3.html"), std::chrono::seconds(5));
    expect_run(c.index(), 0, {5, 0, 1, 4, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 5u);
    EXPECT_EQ(c.docs_with_id("https://example.org/p3"), 1u);
}

TEST_F(FivePages, ChangedContentReplacesTheOldText) {
    rewrite(c.page_path("p1.html"), article_page(simple_spec("freshword", "https://example.org/p1")));
    expect_run(c.index(), 0, {5, 0, 1, 4, 0, 0});
    EXPECT_EQ(c.matches("freshword"), 1u);
    EXPECT_EQ(c.matches("keyword1"), 0u) << "the old text is gone";
    EXPECT_EQ(c.open().get_doccount(), 5u);
}

TEST_F(FivePages, ADeletedFileIsRemoved) {
    fs::remove(c.page_path("p4.html"));
    expect_run(c.index(), 0, {4, 0, 0, 4, 1, 0});
    EXPECT_EQ(c.open().get_doccount(), 4u);
    EXPECT_EQ(c.docs_with_id("https://example.org/p4"), 0u);
    EXPECT_EQ(c.matches("keyword4"), 0u);
}

TEST_F(FivePages, ACanonicalUrlChangeLeavesNoStaleDocument) {
    rewrite(c.page_path("p0.html"), article_page(simple_spec("keyword0", "https://example.org/moved")));
    expect_run(c.index(), 0, {5, 0, 1, 4, 0, 0});
    EXPECT_EQ(c.docs_with_id("https://example.org/p0"), 0u);
    EXPECT_EQ(c.docs_with_id("https://example.org/moved"), 1u);
    EXPECT_EQ(c.docs_with_path(c.page_path("p0.html")), 1u);
    EXPECT_EQ(c.open().get_doccount(), 5u);
    EXPECT_EQ(c.matches("keyword0"), 1u);
}

TEST_F(FivePages, APageThatFailsNowKeepsItsEarlierDocument) {
    rewrite(c.page_path("p2.html"), "");
    const IndexRun r = c.index();
    expect_run(r, 4, {5, 0, 0, 4, 0, 1});
    EXPECT_NE(r.output().find("p2.html"), std::string::npos) << r.output();
    EXPECT_EQ(c.matches("keyword2"), 1u);
}

TEST_F(FivePages, AMissingRootIsAnErrorAndRemovesNothing) {
    const std::string missing = (c.root().parent_path() / "no-such-folder").string();
    const IndexRun r = c.index({missing});
    expect_run(r, 4, {0, 0, 0, 0, 0, 1});
    EXPECT_NE(r.output().find("no-such-folder"), std::string::npos) << r.output();
    EXPECT_NE(r.output().find("no such file or folder"), std::string::npos) << r.output();
    EXPECT_EQ(c.open().get_doccount(), 5u);
}

TEST_F(FivePages, ARootThatVanishedRemovesNothing) {
    fs::rename(c.root(), c.root().parent_path() / "moved-away");
    const IndexRun r = c.index();
    expect_run(r, 4, {0, 0, 0, 0, 0, 1});
    EXPECT_EQ(c.open().get_doccount(), 5u);
}

TEST(IncrementalRoots, IndexingOneRootLeavesAnotherRootsPagesAlone) {
    Corpus c;
    const auto a = c.root() / "rootA";
    const auto b = c.root() / "rootB";
    for (int i = 0; i < 3; ++i) c.add_page("rootA/a" + std::to_string(i) + ".html", "alpha" + std::to_string(i));
    for (int i = 0; i < 2; ++i) c.add_page("rootB/b" + std::to_string(i) + ".html", "beta" + std::to_string(i));
    expect_run(c.index({a.string()}), 0, {3, 3, 0, 0, 0, 0});
    expect_run(c.index({b.string()}), 0, {2, 2, 0, 0, 0, 0});
    ASSERT_EQ(c.open().get_doccount(), 5u);

    fs::remove(a / "a1.html");
    expect_run(c.index({b.string()}), 0, {2, 0, 0, 2, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 5u) << "rootA was not listed, so none of its pages may go";
    for (int i = 0; i < 3; ++i) EXPECT_EQ(c.docs_with_path(a / ("a" + std::to_string(i) + ".html")), 1u) << i;

    expect_run(c.index({a.string()}), 0, {2, 0, 0, 2, 1, 0});
    EXPECT_EQ(c.open().get_doccount(), 4u);
}

TEST(IncrementalRoots, ARootInsideAnotherRemovesOnlyWhatItOwns) {
    Corpus c;
    c.add_page("top.html", "toplevel");
    c.add_page("sub/inner.html", "innerword");
    c.add_page("subway/beside.html", "besideword");
    expect_run(c.index(), 0, {3, 3, 0, 0, 0, 0});
    fs::remove(c.page_path("top.html"));
    fs::remove(c.page_path("subway/beside.html"));
    // "sub" is listed completely, "subway" shares its prefix but is not under it.
    expect_run(c.index({(c.root() / "sub").string()}), 0, {1, 0, 0, 1, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 3u);
}

TEST(IncrementalRoots, AFileIndexedAloneIsRemovedWhenItsFolderIsIndexed) {
    Corpus c;
    const auto one = c.add_page("one.html", "solitary");
    c.add_page("two.html", "companion");
    expect_run(c.index({one.string()}), 0, {1, 1, 0, 0, 0, 0});
    fs::remove(one);
    expect_run(c.index(), 0, {1, 1, 0, 0, 1, 0});
    EXPECT_EQ(c.open().get_doccount(), 1u);
    EXPECT_EQ(c.matches("solitary"), 0u);
    EXPECT_EQ(c.matches("companion"), 1u);
}

TEST(IncrementalRoots, AFileRootThatVanishedRemovesNothing) {
    Corpus c;
    const auto one = c.add_page("one.html", "solitary");
    expect_run(c.index({one.string()}), 0, {1, 1, 0, 0, 0, 0});
    fs::remove(one);
    const IndexRun r = c.index({one.string()});
    expect_run(r, 4, {0, 0, 0, 0, 0, 1});
    EXPECT_EQ(c.open().get_doccount(), 1u);
}

class SharedUrl : public ::testing::Test {
  protected:
    const std::string url = "https://example.org/syndicated";
    Corpus c;
};

TEST_F(SharedUrl, TwoFilesWithOneUrlStayTwoStableDocuments) {
    c.add_page("first.html", "firstcopy", url);
    c.add_page("second.html", "secondcopy", url);
    expect_run(c.index(), 0, {2, 2, 0, 0, 0, 0});
    ASSERT_EQ(c.open().get_doccount(), 2u);
    EXPECT_EQ(c.docs_with_id(url), 1u) << "one of them holds the URL";
    const std::size_t first_by_path = c.docs_with_id("file://" + c.page_path("first.html").string());
    const std::size_t second_by_path = c.docs_with_id("file://" + c.page_path("second.html").string());
    EXPECT_EQ(first_by_path + second_by_path, 1u) << "the other is known by its path";

    // Both change: each keeps the id it had.
    shift_mtime(c.page_path("first.html"), std::chrono::seconds(5));
    shift_mtime(c.page_path("second.html"), std::chrono::seconds(5));
    expect_run(c.index(), 0, {2, 0, 2, 0, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 2u);
    EXPECT_EQ(c.docs_with_id(url), 1u);
    EXPECT_EQ(c.docs_with_id("file://" + c.page_path("first.html").string()), first_by_path);
    EXPECT_EQ(c.docs_with_id("file://" + c.page_path("second.html").string()), second_by_path);

    expect_run(c.index(), 0, {2, 0, 0, 2, 0, 0});
    EXPECT_EQ(c.matches("firstcopy"), 1u);
    EXPECT_EQ(c.matches("secondcopy"), 1u);
}

TEST_F(SharedUrl, TheOtherFileKeepsItsDocumentWhenTheUrlHolderIsDeleted) {
    // Regression: the survivor took over the URL by replacing the deleted
    // file's document, and then the deleted file's removal deleted that
    // same document: neither page was left in the index.
    c.add_page("first.html", "firstcopy", url);
    c.add_page("second.html", "secondcopy", url);
    expect_run(c.index({}, {"--threads", "1"}), 0, {2, 2, 0, 0, 0, 0});
    const bool first_holds = c.docs_with_id("file://" + c.page_path("second.html").string()) == 1;
    const auto holder = c.page_path(first_holds ? "first.html" : "second.html");
    const auto other = c.page_path(first_holds ? "second.html" : "first.html");
    const std::string other_word = first_holds ? "secondcopy" : "firstcopy";

    fs::remove(holder);
    shift_mtime(other, std::chrono::seconds(5));
    expect_run(c.index(), 0, {1, 0, 1, 0, 1, 0});
    EXPECT_EQ(c.open().get_doccount(), 1u);
    EXPECT_EQ(c.docs_with_path(other), 1u);
    EXPECT_EQ(c.matches(other_word), 1u);
    EXPECT_EQ(c.docs_with_id(url), 1u) << "the URL passes to the surviving copy";

    expect_run(c.index(), 0, {1, 0, 0, 1, 0, 0});
}

TEST_F(SharedUrl, CopiesInTwoRootsDoNotTakeTheUrlFromEachOther) {
    // Regression: indexing rootB replaced rootA's document (the holder of
    // the URL was not in this run's crawl, so it was taken for gone), and
    // indexing rootA again took it back: pages flip-flopped between roots.
    c.add_page("rootA/copy.html", "copyina", url);
    c.add_page("rootB/copy.html", "copyinb", url);
    const auto a = (c.root() / "rootA").string();
    const auto b = (c.root() / "rootB").string();
    expect_run(c.index({a}), 0, {1, 1, 0, 0, 0, 0});
    expect_run(c.index({b}), 0, {1, 1, 0, 0, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 2u);
    EXPECT_EQ(c.matches("copyina"), 1u) << "rootA's page is still indexed";
    EXPECT_EQ(c.matches("copyinb"), 1u);

    expect_run(c.index({a}), 0, {1, 0, 0, 1, 0, 0});
    expect_run(c.index({b}), 0, {1, 0, 0, 1, 0, 0});
    EXPECT_EQ(c.open().get_doccount(), 2u);
    EXPECT_EQ(c.docs_with_id(url), 1u);
}

} // namespace
} // namespace oped::test
