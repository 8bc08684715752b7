#include "shard_feeder.hpp"

namespace oped::indexer {

ShardFeeder::ShardFeeder(Xapian::WritableDatabase shard, std::size_t capacity)
    : m_shard(std::move(shard)), m_capacity(capacity), m_thread([this] { run(); }) {}

ShardFeeder::~ShardFeeder() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    m_thread.join();
}

void ShardFeeder::push(Xapian::docid shard_docid, Xapian::Document doc) {
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [&] { return m_waiting.size() < m_capacity || m_failure; });
    if (m_failure) return; // drain() reports why
    m_waiting.emplace_back(shard_docid, std::move(doc));
    m_ready.notify_one();
}

void ShardFeeder::drain() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return m_waiting.empty() && !m_busy; });
    if (m_failure) std::rethrow_exception(std::exchange(m_failure, nullptr));
}

void ShardFeeder::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_ready.wait(lock, [&] { return !m_waiting.empty() || m_stopping; });
        if (m_waiting.empty()) return;
        auto [docid, doc] = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_busy = true;
        m_space.notify_one();
        lock.unlock();
        std::exception_ptr failure;
        try {
            // The docid is above every one the shard has used, so this adds
            // the document, as the stub's own add_document does.
            m_shard.replace_document(docid, doc);
        } catch (...) {
            failure = std::current_exception();
        }
        doc = Xapian::Document(); // let go of it on this thread
        lock.lock();
        m_busy = false;
        if (failure && !m_failure) {
            m_failure = failure;
            m_waiting.clear();
            m_space.notify_all();
        }
        if (m_waiting.empty()) m_idle.notify_all();
    }
}

} // namespace oped::indexer
