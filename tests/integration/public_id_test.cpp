// Public ids: an article keeps its id, and so its /doc/ link, through a
// rebuild of the index from the same pages in another order and through a
// compaction, though its Xapian docid changes.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>
#include <oped/indexer/document.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>

namespace oped {
namespace {

using test::search_fixture_articles;
using test::TempDir;

struct Listed {
    std::string id;
    std::uint32_t docid = 0;
};

// Every article of the index, by its URL, with its public id and docid.
std::map<std::string, Listed> listing(const std::filesystem::path& db) {
    auto opened = searcher::Searcher::open(db.string());
    if (!opened) throw std::runtime_error(opened.error().message);
    searcher::SearchRequest request;
    request.per_page = searcher::k_max_per_page;
    request.facets = false;
    const auto found = opened.value().search(request);
    if (!found) throw std::runtime_error(found.error().message);
    std::map<std::string, Listed> out;
    for (const auto& hit : found.value().results) out[hit.article.url] = {hit.id, hit.docid};
    return out;
}

TEST(PublicIds, ARebuildInAnotherOrderKeepsEachArticlesIdAndLink) {
    TempDir dir;
    std::vector<Article> reversed = search_fixture_articles();
    std::reverse(reversed.begin(), reversed.end());
    test::build_fixture_index(dir / "first", search_fixture_articles());
    test::build_fixture_index(dir / "rebuilt", reversed);

    const auto first = listing(dir / "first");
    const auto rebuilt = listing(dir / "rebuilt");
    ASSERT_EQ(first.size(), search_fixture_articles().size());
    ASSERT_EQ(rebuilt.size(), first.size());
    std::size_t docids_changed = 0;
    for (const Article& a : search_fixture_articles()) {
        const Listed& before = first.at(a.url);
        const Listed& after = rebuilt.at(a.url);
        EXPECT_EQ(after.id, before.id) << a.url;
        EXPECT_EQ(before.id, schema::public_id(indexer::unique_id(a))) << a.url;
        EXPECT_TRUE(schema::is_public_id(before.id)) << before.id;
        if (after.docid != before.docid) ++docids_changed;
    }
    EXPECT_GT(docids_changed, 0u) << "the rebuild must have moved docids for the test to mean anything";

    // The link the first index gave leads to the same article in the rebuilt one.
    auto searcher = searcher::Searcher::open((dir / "rebuilt").string());
    ASSERT_TRUE(searcher);
    for (const Article& a : search_fixture_articles()) {
        const std::string id = first.at(a.url).id;
        const auto page = http::handle_doc_page(id, {}, searcher.value(), "http://127.0.0.1:8080");
        EXPECT_EQ(page.status, 200) << a.url;
        const auto doc = nlohmann::json::parse(http::handle_doc(id, searcher.value()).body);
        EXPECT_EQ(doc["url"], a.url);
        EXPECT_EQ(doc["id"], id);
    }
}

TEST(PublicIds, ACompactedIndexFindsEachArticleByItsId) {
    TempDir dir;
    test::build_fixture_index(dir / "db", search_fixture_articles());
    Xapian::Database((dir / "db").string()).compact((dir / "compacted").string());
    auto searcher = searcher::Searcher::open((dir / "compacted").string());
    ASSERT_TRUE(searcher) << searcher.error().message;
    for (const Article& a : search_fixture_articles()) {
        const auto found = searcher.value().document(schema::public_id(indexer::unique_id(a)));
        ASSERT_TRUE(found) << a.url;
        EXPECT_EQ(found.value().article.url, a.url);
    }
}

TEST(PublicIds, AreSixteenHexDigitsOfTheUniqueId) {
    EXPECT_EQ(schema::public_id("https://fixture.example/a").size(), schema::k_public_id_chars);
    EXPECT_EQ(schema::public_id("https://fixture.example/a"), schema::public_id("https://fixture.example/a"));
    EXPECT_NE(schema::public_id("https://fixture.example/a"), schema::public_id("https://fixture.example/b"));
    for (const char* text : {"", "1", "123", "0123456789ABCDEF", "0123456789abcdeg", "0123456789abcdef0"}) {
        EXPECT_FALSE(schema::is_public_id(text)) << text;
    }
    EXPECT_TRUE(schema::is_public_id("0123456789abcdef"));
}

} // namespace
} // namespace oped
