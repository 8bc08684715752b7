// Result snippets for a wildcard query, over the demo corpus's Federalist
// papers. Xapian's MSet::snippet misses the words a wildcard expands to in
// some documents (5 of the first 20 for constitu* had no <mark>, though each
// of them is full of "Constitution"); the searcher then falls back to the
// passage around the first word of the query.

#include "support/temp_dir.hpp"

#include <oped/indexer/index_writer.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

const std::filesystem::path k_federalist = std::filesystem::path(OPED_FIXTURES_DIR) / ".." / ".." / "corpus" / "federalist";

TEST(WildcardSnippets, EveryResultMarksAWordOfTheQuery) {
    TempDir dir;
    indexer::IndexOptions options;
    options.db_path = (dir.path() / "db").string();
    options.roots = {k_federalist.string()};
    auto indexed = indexer::run_index(options, {});
    ASSERT_TRUE(indexed) << indexed.error().message;
    ASSERT_EQ(indexed.value().added, 85u);

    auto searcher = searcher::Searcher::open(options.db_path);
    ASSERT_TRUE(searcher) << searcher.error().message;
    searcher::SearchRequest request;
    request.query = "constitu*";
    request.per_page = 20;
    auto found = searcher.value().search(request);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_EQ(found.value().results.size(), 20u);
    for (const auto& hit : found.value().results) {
        EXPECT_NE(hit.snippet.find("<mark>"), std::string::npos) << hit.article.title << ": " << hit.snippet;
        EXPECT_LE(hit.snippet.size(), 2 * request.snippet_bytes) << hit.article.title;
    }
}

} // namespace
} // namespace oped::test
