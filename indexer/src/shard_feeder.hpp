#pragma once

// A thread that adds documents to one shard, so that the shards of an index
// take their documents side by side instead of one after another.
//
// Xapian's add_document on a stub database gives the document the next
// docid and hands it to that docid's shard, on the caller's thread: with
// every document added through the stub, one core did all of Xapian's
// writing however many shards there were (README, "Shards and many
// machines"). A feeder takes documents with the docid the shard must give
// them and writes them on its own thread. Xapian objects are not shared
// between threads: while a feeder has documents in hand, nothing else may
// touch its shard or the stub that holds it (drain() first).

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace oped::indexer {

class ShardFeeder {
  public:
    // At most `capacity` documents wait for the shard: push() blocks beyond.
    ShardFeeder(Xapian::WritableDatabase shard, std::size_t capacity);
    // Adds what was pushed, then stops the thread.
    ~ShardFeeder();
    ShardFeeder(const ShardFeeder&) = delete;
    ShardFeeder& operator=(const ShardFeeder&) = delete;

    // Hands over a document to be stored as the shard's document
    // `shard_docid`. The caller must hold no other handle on `doc`: Xapian
    // counts its references without atomics. After a failure, documents are
    // dropped until drain() has reported it.
    void push(Xapian::docid shard_docid, Xapian::Document doc);

    // Returns once every document pushed is in the shard (or dropped after a
    // failure); rethrows the first failure since the last drain().
    void drain();

  private:
    void run();

    Xapian::WritableDatabase m_shard;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space, m_idle;
    std::deque<std::pair<Xapian::docid, Xapian::Document>> m_waiting;
    bool m_busy = false;
    bool m_stopping = false;
    std::exception_ptr m_failure;
    std::thread m_thread; // last: started once the rest is ready
};

} // namespace oped::indexer
