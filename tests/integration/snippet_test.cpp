// Result snippets over the demo corpus's Federalist papers. Xapian's
// MSet::snippet, unless told to be exhaustive, settles for the lead of a
// text whose first match lies deep in it: 5 of the first 20 results for
// constitu*, and 2 of the first 10 for "standing army", had no <mark>
// though each text holds the words.

#include "support/temp_dir.hpp"

#include <oped/indexer/index_writer.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

const std::filesystem::path k_federalist =
    std::filesystem::path(OPED_FIXTURES_DIR) / ".." / ".." / "corpus" / "federalist";

class Snippets : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        indexer::IndexOptions options;
        options.db_path = (s_dir->path() / "db").string();
        options.roots = {k_federalist.string()};
        auto indexed = indexer::run_index(options, {});
        ASSERT_TRUE(indexed) << indexed.error().message;
        ASSERT_EQ(indexed.value().added, 85u);
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    // Every snippet of the first `n` results marks a word of `query`.
    static void expect_marked(const std::string& query, unsigned n) {
        auto searcher = searcher::Searcher::open((s_dir->path() / "db").string());
        ASSERT_TRUE(searcher) << searcher.error().message;
        searcher::SearchRequest request;
        request.query = query;
        request.per_page = n;
        auto found = searcher.value().search(request);
        ASSERT_TRUE(found) << found.error().message;
        ASSERT_EQ(found.value().results.size(), n);
        for (const auto& hit : found.value().results) {
            EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.article.title << ": " << hit.snippet;
            EXPECT_LE(hit.snippet.size(), 2 * request.snippet_bytes) << hit.article.title;
        }
    }

    static TempDir* s_dir;
};

TempDir* Snippets::s_dir = nullptr;

TEST_F(Snippets, MarkTheWordsOfAWildcard) { expect_marked("constitu*", 20); }

TEST_F(Snippets, MarkWordsFoundDeepInTheText) { expect_marked("standing army", 10); }

} // namespace
} // namespace oped::test
