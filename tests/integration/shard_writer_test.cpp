// Writing a sharded index: each shard takes its new documents on a thread
// of its own, and the index ends as if every document had gone through
// Xapian's stub database one after another.

#include "support/temp_dir.hpp"

#include <oped/indexer/shards.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

using test::TempDir;

Xapian::Document page(int i) {
    Xapian::Document doc;
    doc.set_data("page " + std::to_string(i));
    doc.add_term("all");
    doc.add_posting("word" + std::to_string(i % 7), 1);
    return doc;
}

WritableIndex open_sharded(const std::string& path, unsigned shards) {
    auto opened = open_index_for_writing(path, shards);
    if (!opened) throw std::runtime_error(opened.error().message);
    return std::move(opened).value();
}

// Each shard's documents as "docid:data", in docid order.
std::vector<std::vector<std::string>> shard_contents(const std::string& path, unsigned shards) {
    std::vector<std::vector<std::string>> contents;
    for (unsigned s = 0; s < shards; ++s) {
        const Xapian::Database shard(path + "/shard-0" + std::to_string(s));
        std::vector<std::string> docs;
        for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
            docs.push_back(std::to_string(*it) + ":" + shard.get_document(*it).get_data());
        }
        contents.push_back(docs);
    }
    return contents;
}

TEST(ShardWriter, AddsEachDocumentWithTheDocidAndInTheShardTheStubWouldGiveIt) {
    const TempDir dir;
    const std::string fed = (dir / "fed").string();
    const std::string stub = (dir / "stub").string();
    std::vector<Xapian::docid> fed_ids, stub_ids;
    {
        WritableIndex by_threads = open_sharded(fed, 3);
        WritableIndex by_stub = open_sharded(stub, 3);
        for (int i = 1; i <= 10; ++i) {
            fed_ids.push_back(by_threads.add(page(i)));
            stub_ids.push_back(by_stub.db().add_document(page(i)));
        }
        // A deleted document keeps its docid used: the next one is above it.
        by_threads.db().delete_document(10);
        by_stub.db().delete_document(10);
        fed_ids.push_back(by_threads.add(page(11)));
        stub_ids.push_back(by_stub.db().add_document(page(11)));
        by_threads.commit();
        by_stub.commit();
        EXPECT_EQ(by_threads.db().get_doccount(), 10U);
        EXPECT_EQ(by_threads.db().get_document(11).get_data(), "page 11");
    }
    EXPECT_EQ(fed_ids, stub_ids);
    EXPECT_EQ(fed_ids.back(), 11U);
    EXPECT_EQ(shard_contents(fed, 3), shard_contents(stub, 3));
}

TEST(ShardWriter, OneShardAddsOnTheCallersThread) {
    const TempDir dir;
    auto opened = open_index_for_writing((dir / "one").string());
    ASSERT_TRUE(opened);
    WritableIndex index = std::move(opened).value();
    EXPECT_EQ(index.add(page(1)), 1U);
    EXPECT_EQ(index.add(page(2)), 2U);
    index.commit();
    EXPECT_EQ(Xapian::Database((dir / "one").string()).get_doccount(), 2U);
}

TEST(ShardWriter, AFailedAddIsThrownByTheNextUseOfTheIndexAndTheOtherShardsKeepTheirs) {
    const TempDir dir;
    const std::string path = (dir / "index").string();
    WritableIndex index = open_sharded(path, 2);
    index.add(page(1));
    Xapian::Document too_long = page(2);
    too_long.add_term(std::string(300, 'x')); // Xapian's glass backend refuses terms this long
    index.add(too_long);
    index.add(page(3));
    EXPECT_THROW(index.db(), Xapian::InvalidArgumentError);
    // Reported once; the index is usable again.
    EXPECT_EQ(index.db().get_doccount(), 2U);
    index.add(page(4));
    index.commit();
    EXPECT_EQ(Xapian::Database(path).get_doccount(), 3U);
}

TEST(ShardWriter, DocumentsStillOnTheirWayAreAddedWhenTheIndexCloses) {
    const TempDir dir;
    const std::string path = (dir / "index").string();
    {
        WritableIndex index = open_sharded(path, 2);
        for (int i = 1; i <= 50; ++i) index.add(page(i));
        index.commit();
        for (int i = 51; i <= 60; ++i) index.add(page(i));
    }
    // Xapian commits what is pending when a database closes.
    EXPECT_EQ(Xapian::Database(path).get_doccount(), 60U);
}

} // namespace
} // namespace oped::indexer
