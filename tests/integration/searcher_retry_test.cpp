// Searcher::with_retry(), the one way every request reads the index: on the
// index as it is now, rerun when a commit overwrote what it was reading,
// `unavailable` while there is no index.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/pages.hpp>
#include <oped/indexer/document.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

// Every article's text rewritten and committed, `rounds` times: enough
// commits that Xapian reuses the blocks an older revision was read from.
void rewrite_every_article(const fs::path& db_path, int rounds) {
    auto opened = indexer::open_for_writing(db_path.string());
    if (!opened) throw std::runtime_error(opened.error().message);
    Xapian::WritableDatabase db = std::move(opened).value();
    indexer::DocumentBuilder builder;
    for (int round = 0; round < rounds; ++round) {
        for (Article a : search_fixture_articles()) {
            for (int i = 0; i < 20; ++i) a.body += " revision" + std::to_string(round) + "word" + std::to_string(i);
            const indexer::BuiltDocument built = builder.build(a, "0:" + std::to_string(round));
            db.replace_document(built.id_term, built.doc);
        }
        db.commit();
    }
}

searcher::SearchRequest query(const std::string& words) {
    searcher::SearchRequest request;
    request.query = words;
    return request;
}

class SearcherRetry : public testing::Test {
  protected:
    void SetUp() override { build_fixture_index(db(), search_fixture_articles()); }
    fs::path db() const { return m_dir / "db"; }

  private:
    TempDir m_dir;
};

TEST_F(SearcherRetry, APageWhoseIndexIsOverwrittenMidRequestIsRunAgainOnTheNewRevision) {
    searcher::Searcher searcher(db().string());
    ASSERT_TRUE(searcher.search(query("faction")));
    int runs = 0;
    const auto page = searcher.with_retry([&] {
        // The first run is overtaken by the indexer before it reads anything.
        if (++runs == 1) rewrite_every_article(db(), 4);
        return http::handle_author_page("James Madison", {}, searcher);
    });
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(runs, 2);
    EXPECT_EQ(page.value().status, 200);
    EXPECT_NE(page.value().body.find("James Madison"), std::string::npos);
}

TEST_F(SearcherRetry, ACallInsideAnothersRunsOnceOnTheOutersRevision) {
    searcher::Searcher searcher(db().string());
    int outer = 0;
    int inner = 0;
    const auto total = searcher.with_retry([&] {
        ++outer;
        const Xapian::rev seen = searcher.database().get_revision();
        rewrite_every_article(db(), 1);
        const auto found = searcher.with_retry([&] {
            ++inner;
            return searcher.database().get_revision();
        });
        EXPECT_EQ(found.value(), seen); // not brought up to date mid-request
        return found.value();
    });
    ASSERT_TRUE(total);
    EXPECT_EQ(outer, 1);
    EXPECT_EQ(inner, 1);
}

TEST_F(SearcherRetry, AMissingIndexIsUnavailableUntilItIsBack) {
    searcher::Searcher searcher(db().string());
    ASSERT_TRUE(searcher.search(query("faction")));
    fs::remove_all(db());
    for (int i = 0; i < 2; ++i) {
        const auto gone = searcher.search(query("faction"));
        ASSERT_FALSE(gone);
        EXPECT_EQ(gone.error().code, ErrorCode::unavailable);
    }
    const auto document = searcher.document(schema::public_id(indexer::unique_id(search_fixture_articles().front())));
    ASSERT_FALSE(document);
    EXPECT_EQ(document.error().code, ErrorCode::unavailable);

    build_fixture_index(db(), {search_fixture_articles().front()});
    const auto back = searcher.search(query("faction"));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back.value().total, 1u);
}

TEST_F(SearcherRetry, AnIndexRebuiltToTheSameRevisionIsOpenedAfresh) {
    searcher::Searcher searcher(db().string());
    const auto before = searcher.search(query("faction"));
    ASSERT_TRUE(before);
    ASSERT_GT(before.value().total, 1u);
    const Xapian::rev revision = searcher.database().get_revision();
    fs::remove_all(db());
    build_fixture_index(db(), {search_fixture_articles().back()});
    ASSERT_EQ(Xapian::Database(db().string()).get_revision(), revision);
    const auto after = searcher.search(query("faction"));
    ASSERT_TRUE(after);
    EXPECT_EQ(after.value().total, 0u);
    const auto back = searcher.document(schema::public_id(indexer::unique_id(search_fixture_articles().back())));
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back.value().article.title, search_fixture_articles().back().title);
}

TEST(SearcherOpen, AMissingIndexIsNotFoundAtOnce) {
    TempDir dir;
    const auto opened = searcher::Searcher::open((dir / "none").string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::not_found);
}

} // namespace
} // namespace oped::test
