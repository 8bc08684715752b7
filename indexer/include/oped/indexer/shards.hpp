#pragma once

// An index of one or more shards, open for writing.
//
// A sharded index is a folder holding a Xapian stub file, XAPIANDB, that
// lists its shards (`glass shard-00`, ...). Xapian opens such a folder as one
// database, so the readers (search, serve, stats) need nothing else. The
// writer puts every shard behind one WritableDatabase: Xapian gives document
// d to shard (d - 1) mod N and a new document the next docid, so a sharded
// index holds the same docids as one index written in the same order, and
// its scores and the order of ties are the same. New documents are added as
// that stub would add them, but each shard's on a thread of its own
// (shard_feeder.hpp). Metadata (the schema stamp aside, which every shard
// carries) is read and written in the first shard.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

constexpr unsigned k_max_shards = 64;
// The stub file that makes a folder a sharded index.
constexpr std::string_view k_stub_file = "XAPIANDB";

class ShardFeeder;

class WritableIndex {
  public:
    WritableIndex(Xapian::WritableDatabase all, std::vector<Xapian::WritableDatabase> shards);
    // Adds what add() was given, then closes the shards (Xapian commits what
    // is pending when the last handle goes).
    ~WritableIndex();
    WritableIndex(WritableIndex&&) noexcept;
    WritableIndex& operator=(WritableIndex&&) noexcept;

    // Every shard as one database, once each document given to add() is in
    // its shard; rethrows a failure to add one.
    Xapian::WritableDatabase& db();
    std::size_t shard_count() const { return m_shards.size(); }

    // Adds a new document with the docid db().add_document() would give it,
    // and returns that docid. With more than one shard the document goes to
    // its shard's thread, and a failure surfaces at the next db() or
    // commit().
    Xapian::docid add(Xapian::Document doc);

    // Commits every shard: with more than one, each on a thread of its own,
    // so that their posting lists are written side by side. Each shard's
    // commit is atomic; when one fails, the others still commit, and the
    // first failure is thrown.
    void commit();

  private:
    void drain();

    Xapian::WritableDatabase m_all;
    std::vector<Xapian::WritableDatabase> m_shards;
    // One per shard, started by the first add() to a sharded index.
    std::vector<std::unique_ptr<ShardFeeder>> m_feeders;
    Xapian::docid m_last_docid = 0; // the stub's, while m_last_known
    bool m_last_known = false;
};

// True while the calling thread is inside a shard's commit (CommitGuard in
// index_writer.cpp reports a commit that Xapian ends with std::terminate).
bool committing_on_this_thread();

// Opens the index at `db_path` for writing, each shard's schema checked or
// stamped. A folder with a stub file opens its shards; any other path opens
// or creates one index, or, when `shards` is above 1 and nothing is there
// yet, creates a sharded index of that many shards (the stub written last,
// so a run killed while creating leaves no half-listed index). An existing
// index keeps its shards: a `shards` other than 0 or its count is an error.
Result<WritableIndex> open_index_for_writing(const std::string& db_path, unsigned shards = 0);

// The paths of the shards a stub file lists, relative ones made relative to
// the stub's folder; an error for a line that is not a local shard (remote
// shards are copies of a sharded folder written in one place: README,
// "Shards and many machines").
Result<std::vector<std::string>> read_stub(const std::string& db_path);

struct CompactSummary {
    std::size_t shards = 0;    // in the index read
    Xapian::doccount docs = 0; // in the index written
};

// Writes the index at `db_path` (one index or every shard of a sharded one)
// into one compact index at `out_path`, as xapian-compact does: docids
// renumbered shard after shard, the first shard's metadata kept (it holds
// the index's tables). `out_path` must not exist or be an empty folder; the
// index is written beside it and renamed into place, so an interrupted
// compaction leaves no index there.
Result<CompactSummary> compact_index(const std::string& db_path, const std::string& out_path);

} // namespace oped::indexer
