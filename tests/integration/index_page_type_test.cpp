// `oped index` keeps articles and by default skips listings and other pages,
// counting them; --all-pages keeps them too; a skipped page is remembered,
// so an unchanged one is not read again; the search filters by type.

#include "support/corpus.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) { return read_file(fs::path(OPED_FIXTURES_DIR) / "type" / name); }

void expect_run(const IndexRun& r, const SummaryCounts& expected) {
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    ASSERT_TRUE(r.has_summary) << r.output();
    EXPECT_EQ(r.counts, expected) << "got " << describe(r.counts) << "\nwant " << describe(expected) << "\n"
                                  << r.output();
}

class ArticleAndListing : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(c.page_path("article.html"), fixture("article.html"));
        write_file(c.page_path("listing.html"), fixture("listing.html"));
    }
    // URLs of `oped search --json`'s results for `word`, with more arguments.
    std::vector<std::string> urls(const std::string& word, const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"search", "--json", "--db", c.db()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(word);
        const RunResult r = run_oped(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::vector<std::string> out;
        const nlohmann::json reply = nlohmann::json::parse(r.out);
        for (const auto& hit : reply["results"]) out.push_back(hit["url"]);
        std::sort(out.begin(), out.end());
        return out;
    }
    Corpus c;
};

TEST_F(ArticleAndListing, TheListingIsSkippedAndCounted) {
    const IndexRun r = c.index();
    expect_run(r, {2, 1, 0, 0, 0, 0, 1});
    EXPECT_NE(r.run.out.find("1 skipped as not articles"), std::string::npos) << r.run.out;
    EXPECT_EQ(c.open().get_doccount(), 1u);
    EXPECT_EQ(c.matches("zephyrine"), 1u);
    EXPECT_EQ(c.matches("listingword"), 0u);
}

TEST_F(ArticleAndListing, AnUnchangedSkippedPageIsNotReadAgain) {
    expect_run(c.index(), {2, 1, 0, 0, 0, 0, 1});
    // Same size and mtime, bytes that fail if parsed: only a re-read would notice.
    const auto path = c.page_path("listing.html");
    const auto mtime = fs::last_write_time(path);
    write_file(path, std::string(fs::file_size(path), '\0'));
    fs::last_write_time(path, mtime);
    expect_run(c.index(), {2, 0, 0, 1, 0, 0, 1});
}

TEST_F(ArticleAndListing, AChangedSkippedPageIsReadAgain) {
    expect_run(c.index(), {2, 1, 0, 0, 0, 0, 1});
    std::string article = fixture("article.html");
    article.replace(article.find("2024/03/12/why"), 14, "2024/03/13/why");
    article.replace(article.find("zephyrine"), 9, "heliotrope");
    rewrite(c.page_path("listing.html"), article);
    expect_run(c.index(), {2, 1, 0, 1, 0, 0, 0});
    EXPECT_EQ(c.matches("heliotrope"), 1u);
}

TEST_F(ArticleAndListing, AnArticleThatBecomesAListingLeavesTheIndex) {
    expect_run(c.index(), {2, 1, 0, 0, 0, 0, 1});
    rewrite(c.page_path("article.html"), fixture("listing.html"));
    expect_run(c.index(), {2, 0, 0, 0, 1, 0, 2});
    EXPECT_EQ(c.open().get_doccount(), 0u);
}

TEST_F(ArticleAndListing, AllPagesKeepsTheListing) {
    const IndexRun r = c.index({}, {"--all-pages"});
    expect_run(r, {2, 2, 0, 0, 0, 0, 0});
    EXPECT_EQ(r.run.out.find("skipped"), std::string::npos) << r.run.out;
    EXPECT_EQ(c.matches("listingword"), 1u);
}

TEST_F(ArticleAndListing, AllPagesIndexesAPageSkippedBefore) {
    expect_run(c.index(), {2, 1, 0, 0, 0, 0, 1});
    expect_run(c.index({}, {"--all-pages"}), {2, 1, 0, 1, 0, 0, 0});
    EXPECT_EQ(c.matches("listingword"), 1u);
}

TEST_F(ArticleAndListing, TheSearchFiltersByType) {
    expect_run(c.index({}, {"--all-pages"}), {2, 2, 0, 0, 0, 0, 0});
    const std::string article = "https://courier.example.org/2024/03/12/why-the-town-needs-a-new-housing-plan";
    const std::string listing = "https://courier.example.org/category/opinion/";
    using Urls = std::vector<std::string>;
    EXPECT_EQ(urls("zephyrine OR listingword"), (Urls{article, listing})) << "every type by default";
    EXPECT_EQ(urls("zephyrine OR listingword", {"--type", "article"}), (Urls{article}));
    EXPECT_EQ(urls("zephyrine OR listingword", {"--type", "listing"}), (Urls{listing}));
    EXPECT_EQ(urls("zephyrine OR listingword", {"--type", "other"}), (Urls{}));
    EXPECT_EQ(urls("zephyrine OR listingword", {"--type", "listing", "--type", "article"}), (Urls{article, listing}));
}

} // namespace
} // namespace oped::test
