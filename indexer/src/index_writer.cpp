#include <oped/indexer/index_writer.hpp>

#include <oped/common/author_groups.hpp>
#include <oped/common/index_figures.hpp>
#include <oped/common/schema.hpp>
#include <oped/indexer/copy_groups.hpp>
#include <oped/indexer/crawl.hpp>
#include <oped/indexer/document.hpp>
#include <oped/indexer/extract.hpp>
#include <oped/indexer/extract_worker.hpp>
#include <oped/indexer/failure_records.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/index_errors.hpp>
#include <oped/indexer/page_source.hpp>
#include <oped/indexer/page_type.hpp>
#include <oped/indexer/shards.hpp>
#include <oped/indexer/spelling_data.hpp>
#include <oped/indexer/warc_source.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace oped::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// Documents waiting for the writer; bounded so memory stays flat whatever
// the corpus size.
constexpr std::size_t k_queue_capacity = 64;
constexpr std::size_t k_default_batch = 1000;

struct Indexed {
    Xapian::docid docid;
    std::string signature;
    std::string uid;
};

// The paths a run found, as views of the crawl's own strings.
using PathSet = std::unordered_set<std::string_view>;

// What the index holds, by source path: read from three value streams, so
// unchanged files are skipped without opening them.
std::unordered_map<std::string, Indexed> load_existing(const Xapian::Database& db) {
    std::unordered_map<std::string, Indexed> by_path;
    by_path.reserve(db.get_doccount());
    // The three streams are in docid order: read side by side, with no map
    // by docid.
    auto value_at = [](Xapian::ValueIterator& it, const Xapian::ValueIterator& end, Xapian::docid docid) {
        if (it == end) return std::string();
        it.skip_to(docid);
        return it != end && it.get_docid() == docid ? *it : std::string();
    };
    const auto signatures_end = db.valuestream_end(schema::slot::signature);
    const auto uids_end = db.valuestream_end(schema::slot::uid);
    auto signatures = db.valuestream_begin(schema::slot::signature);
    auto uids = db.valuestream_begin(schema::slot::uid);
    for (auto it = db.valuestream_begin(schema::slot::path); it != db.valuestream_end(schema::slot::path); ++it) {
        const Xapian::docid docid = it.get_docid();
        by_path.emplace(*it,
                        Indexed{docid, value_at(signatures, signatures_end, docid), value_at(uids, uids_end, docid)});
    }
    return by_path;
}

struct WorkItem {
    const PageFile* file = nullptr;
    std::optional<BuiltDocument> built;
    std::optional<Error> error;
    std::string skipped_type; // not an article, and not indexed: its type
};

// A bounded multi-producer, single-consumer queue.
class WorkQueue {
  public:
    void push(WorkItem item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < k_queue_capacity; });
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
    }
    std::optional<WorkItem> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_producers == 0; });
        if (m_items.empty()) return std::nullopt;
        WorkItem item = std::move(m_items.front());
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }
    void set_producers(unsigned n) {
        std::lock_guard lock(m_mutex);
        m_producers = n;
    }
    void producer_done() {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_not_empty.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_not_full, m_not_empty;
    std::deque<WorkItem> m_items;
    unsigned m_producers = 0;
};

// The article's document, built on the calling thread; a page that is not
// an article is only noted, unless all pages are indexed.
WorkItem build_item(const PageFile& file, Result<Article> article, DocumentBuilder& builder, bool all_pages) {
    WorkItem item;
    item.file = &file;
    if (!article) {
        item.error = article.error();
        return item;
    }
    // A WARC record's page is at its target URI; its crawl date stands in
    // only where the page states no date, and is kept apart from it.
    if (!file.url.empty()) article.value().url = file.url;
    if (article.value().published.empty()) article.value().crawl_date = file.crawl_date;
    const std::string& type = article.value().type;
    if (!all_pages && !type.empty() && type != k_type_article) {
        item.skipped_type = type;
        return item;
    }
    if (article.value().body.empty()) {
        item.error = Error{ErrorCode::empty_article, "no article text found", file.path};
        return item;
    }
    try {
        item.built = builder.build(article.value(), file.signature);
    } catch (const std::exception& e) {
        item.error = Error{ErrorCode::internal, std::string("document building failed: ") + e.what(), file.path};
    } catch (const Xapian::Error& e) {
        item.error = Error{ErrorCode::internal, "term generation failed: " + e.get_description(), file.path};
    }
    return item;
}

// Extraction on this thread: only when no worker command was given.
Result<Article> extract_here(const PageFile& file, std::uint64_t max_size, PageReader& reader) {
    try {
        auto bytes = reader.read(file.path, max_size);
        if (!bytes) return bytes.error();
        return extract_article(bytes.value(), file.path);
    } catch (const std::exception& e) {
        // One bad page never stops the run.
        return Error{ErrorCode::internal, std::string("extraction failed: ") + e.what(), file.path};
    }
}

// One extraction thread: hands pages to its worker process (or extracts them
// itself) and builds their documents. The next page goes to the worker
// before this one's document is built, so the two overlap.
void extract_pages(const std::vector<const PageFile*>& todo, std::atomic<std::size_t>& next,
                   const IndexOptions& options, std::uint64_t max_size, WorkQueue& queue) {
    DocumentBuilder builder;
    PageReader reader;
    std::optional<ExtractWorker> worker;
    if (!options.worker_command.empty()) {
        worker.emplace(WorkerLimits{
            options.worker_command,
            options.page_timeout_s > 0 ? options.page_timeout_s : k_default_page_timeout_s,
            options.page_memory > 0 ? options.page_memory : k_default_page_memory,
        });
    }
    std::size_t i = next++;
    if (worker && i < todo.size()) worker->send(todo[i]->path, max_size);
    while (i < todo.size()) {
        const std::size_t following = next++;
        Result<Article> article = worker ? worker->receive() : extract_here(*todo[i], max_size, reader);
        if (worker && following < todo.size()) worker->send(todo[following]->path, max_size);
        queue.push(build_item(*todo[i], std::move(article), builder, options.all_pages));
        i = following;
    }
}

std::string utc_now_iso() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::size_t batch_size_from(const IndexOptions& options) {
    if (options.batch_size > 0) return options.batch_size;
    if (const char* env = std::getenv("XAPIAN_FLUSH_THRESHOLD")) {
        const long n = std::atol(env);
        if (n > 0) return static_cast<std::size_t>(n);
    }
    return k_default_batch;
}

// The one thread that writes. It knows which docid holds each unique-id
// term (loaded from the uid value stream, kept up to date as it writes), so
// it adds or replaces documents by docid: looking a term up in the index
// instead would make Xapian flush its pending changes for every document,
// which cost half the writer's time (Writer::holder_of).
// Xapian 1.4.22 cannot unwind every failed write inside commit(): when a
// write fails while it flushes posting lists ("Error writing block 50" with
// EFBIG, found under gdb with `catch throw`), the exception meets a frame
// that may not throw and std::terminate ends the process. Xapian's commit is
// atomic, so the index still holds the last commit; only the report is lost.
// While a commit runs (on this thread, or on a shard's commit thread:
// committing_on_this_thread()), this guard's terminate handler makes that
// report (`on_abort`) and exits with its code.
class CommitGuard {
  public:
    explicit CommitGuard(std::function<int()> on_abort) : m_on_abort(std::move(on_abort)) {
        if (!m_on_abort) return;
        s_active = this;
        m_previous = std::set_terminate(&CommitGuard::terminated);
    }
    ~CommitGuard() {
        if (!m_on_abort) return;
        std::set_terminate(m_previous);
        s_active = nullptr;
    }
    CommitGuard(const CommitGuard&) = delete;
    CommitGuard& operator=(const CommitGuard&) = delete;

  private:
    [[noreturn]] static void terminated() {
        CommitGuard* guard = s_active.exchange(nullptr); // a second terminate aborts
        if (guard == nullptr || !committing_on_this_thread()) std::abort();
        const int code = guard->m_on_abort();
        std::fflush(nullptr);
        std::_Exit(code);
    }

    static inline std::atomic<CommitGuard*> s_active{nullptr};
    std::function<int()> m_on_abort;
    std::terminate_handler m_previous = nullptr;
};

class Writer {
  public:
    Writer(WritableIndex& index, std::unordered_map<std::string, Indexed>& existing, const PathSet& seen,
           std::unordered_map<std::string, FailureRecord>& failed, std::unordered_map<std::string, SkipRecord>& skipped,
           std::size_t batch, const IndexOptions& options)
        : m_index(index),
          m_existing(existing),
          m_seen(seen),
          m_failed(failed),
          m_skipped(skipped),
          m_batch(batch),
          m_options(options) {
        m_docid_of.reserve(m_existing.size());
        for (const auto& [path, entry] : m_existing) {
            m_docid_of.emplace(id_hash(schema::boolean_term(schema::prefix::id, entry.uid)), entry.docid);
        }
    }

    void write(BuiltDocument& built, const PageFile& file, IndexSummary& summary) {
        const auto old = m_existing.find(file.path);
        keep_duplicates_apart(built, file, summary);
        const Xapian::docid holder = holder_of(built.id_term);
        const bool replaced = holder != 0;
        if (replaced) {
            m_spelling.note_stored(db(), holder);
            m_copies.note_leaving(db(), holder);
        }
        m_spelling.note(std::move(built.words));
        if (replaced) {
            db().replace_document(holder, built.doc);
            m_copies.note_written(holder, built.sketch);
        } else {
            const Xapian::docid docid = m_index.add(std::move(built.doc));
            m_docid_of.emplace(id_hash(built.id_term), docid);
            m_copies.note_written(docid, built.sketch);
        }
        // The file used to be indexed under another id (its canonical URL
        // changed): drop the old document.
        if (old != m_existing.end()) {
            const std::string old_term = schema::boolean_term(schema::prefix::id, old->second.uid);
            if (old_term != built.id_term) forget(old_term, old->second.docid);
        }
        if (old != m_existing.end() || replaced) {
            ++summary.updated;
        } else {
            ++summary.added;
        }
        if (m_failed.erase(file.path) != 0) clear_failure(db(), file.path);
        if (m_skipped.erase(file.path) != 0) clear_skip(db(), file.path);
        if (++m_pending >= m_batch) commit(summary);
    }

    // A page that is not an article: remembered with its signature, so an
    // unchanged one is not read again, and its document dropped if it was
    // indexed before (it was an article then, or the run kept all pages).
    void skip(const PageFile& file, const std::string& type, IndexSummary& summary) {
        ++summary.skipped;
        const SkipRecord record{file.signature, type};
        record_skip(db(), file.path, record);
        m_skipped[file.path] = record;
        if (m_failed.erase(file.path) != 0) clear_failure(db(), file.path);
        if (const auto old = m_existing.find(file.path); old != m_existing.end()) {
            forget(schema::boolean_term(schema::prefix::id, old->second.uid), old->second.docid);
            m_existing.erase(old);
            ++summary.removed;
        }
        if (++m_pending >= m_batch) commit(summary);
    }

    // A page that failed: remembered with its signature, in the same batch.
    void fail(const PageFile& file, const Error& error, IndexSummary& summary) {
        summary.failures.push_back({file.path, error.code, error.message});
        if (is_remembered(error.code)) {
            const FailureRecord record{file.signature, error.code, error.message};
            record_failure(db(), file.path, record);
            m_failed[file.path] = record;
        } else if (m_failed.erase(file.path) != 0) {
            clear_failure(db(), file.path);
        }
        if (m_skipped.erase(file.path) != 0) clear_skip(db(), file.path);
        if (++m_pending >= m_batch) commit(summary);
    }

    void commit(const IndexSummary& summary) {
        m_copies.write(db());
        m_spelling.write(db());
        schema::store_outlet_table(db()); // before the figures, which count its outlets
        schema::write_author_groups(db());
        db().set_metadata(std::string(schema::k_meta_figures), schema::encode_figures(schema::count_figures(db())));
        db().set_metadata(std::string(schema::k_meta_last_update), utc_now_iso());
        schema::count_commit(db());
        std::function<int()> on_abort;
        if (m_options.report_aborted_commit) {
            on_abort = [&] {
                IndexSummary stopped = summary;
                to_last_commit(stopped);
                stopped.stopped_by = aborted_commit_error(m_options.db_path);
                return m_options.report_aborted_commit(stopped);
            };
        }
        const CommitGuard guard(std::move(on_abort));
        m_index.commit();
        m_pending = 0;
        m_committed = {summary.added, summary.updated, summary.removed};
    }

    // The words whose spelling keys the next commit brings up to date.
    SpellingUpdate& spelling() { return m_spelling; }
    // The copy groups the next commit brings up to date.
    CopyGroups& copies() { return m_copies; }

    // Put the counts back to what the last commit holds.
    void to_last_commit(IndexSummary& summary) const {
        summary.added = m_committed[0];
        summary.updated = m_committed[1];
        summary.removed = m_committed[2];
    }

  private:
    static std::uint64_t id_hash(std::string_view id_term) { return std::hash<std::string_view>{}(id_term); }

    // True if document `docid` is there and holds `id_term`.
    bool holds(Xapian::docid docid, const std::string& id_term) const {
        try {
            return schema::boolean_term(schema::prefix::id, db().get_document(docid).get_value(schema::slot::uid)) ==
                   id_term;
        } catch (const Xapian::DocNotFoundError&) {
            return false;
        }
    }

    // The document holding a unique-id term, or 0. The map gives it by the
    // term's hash, checked against the document; only when two terms share
    // a hash is the term looked up in the index, whose postings include
    // this batch's changes. (A lookup for every document would make Xapian
    // flush all its pending positions each time: half the writer's time.)
    Xapian::docid holder_of(const std::string& id_term) const {
        const auto found = m_docid_of.find(id_hash(id_term));
        if (found == m_docid_of.end()) return 0;
        if (holds(found->second, id_term)) return found->second;
        const Xapian::PostingIterator it = db().postlist_begin(id_term);
        return it == db().postlist_end(id_term) ? 0 : *it;
    }

    // The source path of a document, this batch's included.
    std::string path_of(Xapian::docid docid) const {
        try {
            return db().get_document(docid).get_value(schema::slot::path);
        } catch (const Xapian::DocNotFoundError&) {
            return {};
        }
    }

    // Deletes the document `docid`, which held `id_term`.
    void forget(const std::string& id_term, Xapian::docid docid) {
        m_spelling.note_stored(db(), docid);
        m_copies.note_leaving(db(), docid);
        try {
            db().delete_document(docid);
        } catch (const Xapian::DocNotFoundError&) {
        }
        if (const auto it = m_docid_of.find(id_hash(id_term)); it != m_docid_of.end() && it->second == docid) {
            m_docid_of.erase(it);
        }
    }

    // Two files that claim the same canonical URL would replace each other
    // on every run. While the file holding the URL still exists, a second
    // one is identified by its path instead; "exists" is asked of the file
    // system, because a holder under a root this run did not crawl is not
    // gone. When the holder's file is gone, its document is deleted here,
    // before this file takes the URL over: otherwise this file would reuse
    // the holder's docid and remove_vanished() would then delete this file's
    // new document along with the holder's.
    void keep_duplicates_apart(BuiltDocument& built, const PageFile& file, IndexSummary& summary) {
        const Xapian::docid holder_id = holder_of(built.id_term);
        if (holder_id == 0) return;
        const std::string holder_path = path_of(holder_id);
        if (holder_path == file.path) return;
        std::error_code ec;
        if (m_seen.count(holder_path) != 0 || std::filesystem::exists(source_file(holder_path), ec) || ec) {
            const std::string uid = "file://" + file.path;
            built.doc.remove_term(built.id_term);
            built.id_term = schema::boolean_term(schema::prefix::id, uid);
            built.doc.add_boolean_term(built.id_term);
            built.doc.add_value(schema::slot::uid, uid);
            return;
        }
        forget(built.id_term, holder_id);
        m_existing.erase(holder_path);
        ++summary.removed;
    }

    // Every shard as one database. Each use waits until the documents on
    // their way to the shards are in (WritableIndex::add), so a new page
    // touches it only when it meets its batch's commit.
    Xapian::WritableDatabase& db() const { return m_index.db(); }

    WritableIndex& m_index;
    std::unordered_map<std::string, Indexed>& m_existing;
    const PathSet& m_seen;
    std::unordered_map<std::string, FailureRecord>& m_failed;
    std::unordered_map<std::string, SkipRecord>& m_skipped;
    std::size_t m_batch;
    const IndexOptions& m_options;
    std::size_t m_pending = 0;
    std::array<std::size_t, 3> m_committed{}; // added, updated, removed
    // The document holding each unique-id term, by the term's hash: 16
    // bytes a page, not the term (ARCHITECTURE.md, "Memory").
    std::unordered_map<std::uint64_t, Xapian::docid> m_docid_of;
    SpellingUpdate m_spelling;
    CopyGroups m_copies;
};

// True if `path` was not found under a root that was listed completely: its
// file is gone. A path under no root of this run is another run's to judge.
// Another root's page, or one in a folder the crawl could not list, is not
// ours to judge.
bool vanished(const std::string& path, const PathSet& seen, const CrawlResult& crawled) {
    return seen.count(path) == 0 && may_judge_vanished(path, crawled);
}

void remove_vanished(Xapian::WritableDatabase& db, const std::unordered_map<std::string, Indexed>& existing,
                     const std::unordered_map<std::string, FailureRecord>& failed,
                     const std::unordered_map<std::string, SkipRecord>& skipped, const PathSet& seen,
                     const CrawlResult& crawled, SpellingUpdate& spelling, CopyGroups& copies, IndexSummary& summary) {
    for (const auto& [path, record] : failed) {
        if (vanished(path, seen, crawled)) clear_failure(db, path);
    }
    for (const auto& [path, record] : skipped) {
        if (vanished(path, seen, crawled)) clear_skip(db, path);
    }
    for (const auto& [path, entry] : existing) {
        if (!vanished(path, seen, crawled)) continue;
        spelling.note_stored(db, entry.docid);
        copies.note_leaving(db, entry.docid);
        try {
            db.delete_document(entry.docid);
            ++summary.removed;
        } catch (const Xapian::DocNotFoundError&) {
        }
    }
}

} // namespace

Result<Xapian::WritableDatabase> open_for_writing(const std::string& db_path) {
    auto opened = open_index_for_writing(db_path);
    if (!opened) return opened.error();
    return opened.value().db();
}

namespace {

// The pages to extract: new, changed, (with retry_failed) those that failed
// before and (with all_pages) those left out before as not articles;
// unchanged pages are counted, unchanged failed ones reported again from
// their record, and unchanged pages left out before counted as skipped.
std::vector<const PageFile*> plan(const CrawlResult& crawled, const std::unordered_map<std::string, Indexed>& existing,
                                  const std::unordered_map<std::string, FailureRecord>& failed,
                                  const std::unordered_map<std::string, SkipRecord>& skipped,
                                  const IndexOptions& options, PathSet& seen, IndexSummary& summary) {
    std::vector<const PageFile*> todo;
    for (const auto& file : crawled.files) {
        seen.insert(file.path);
        const auto record = failed.find(file.path);
        if (!options.retry_failed && record != failed.end() && record->second.signature == file.signature) {
            summary.failures.push_back({file.path, record->second.code,
                                        record->second.reason + " (on an earlier run; unchanged since, not retried)"});
            ++summary.failed_before;
            continue;
        }
        const auto left_out = skipped.find(file.path);
        if (!options.all_pages && left_out != skipped.end() && left_out->second.signature == file.signature) {
            ++summary.skipped;
            ++summary.skipped_before;
            continue;
        }
        const auto found = existing.find(file.path);
        if (found != existing.end() && found->second.signature == file.signature) {
            ++summary.unchanged;
        } else {
            todo.push_back(&file);
        }
    }
    return todo;
}

} // namespace

Result<IndexSummary> run_index(const IndexOptions& options, const ProgressFn& progress) {
    const auto start = Clock::now();
    auto opened = open_index_for_writing(options.db_path, options.shards);
    if (!opened) return opened.error();
    WritableIndex index = std::move(opened).value();

    IndexSummary summary;
    std::unordered_map<std::string, Indexed> existing;
    std::unordered_map<std::string, FailureRecord> failed;
    std::unordered_map<std::string, SkipRecord> skipped;
    try {
        existing = load_existing(index.db());
        failed = load_failure_records(index.db());
        skipped = load_skip_records(index.db());
        if (options.outlet_aliases) {
            index.db().set_metadata(std::string(schema::k_meta_outlet_aliases),
                                    schema::encode_outlet_aliases(*options.outlet_aliases));
        }
        // Committed with the run's first commit; kept by later runs.
        if (options.author_aliases) {
            index.db().set_metadata(std::string(schema::k_meta_author_aliases),
                                    schema::format_author_aliases(*options.author_aliases));
        }
    } catch (const Xapian::Error& e) {
        return index_error(e, options.db_path);
    }
    const std::uint64_t max_size = options.max_size > 0 ? options.max_size : k_default_max_size;
    const CrawlResult crawled = crawl(options.roots, list_folder, max_size);
    summary.warc_skipped = crawled.warc_skipped;
    for (const auto& [path, reason] : crawled.problems) {
        summary.failures.push_back({path, ErrorCode::io, reason});
    }
    summary.total = crawled.files.size();
    PathSet seen; // views of crawled.files' paths
    const std::vector<const PageFile*> todo = plan(crawled, existing, failed, skipped, options, seen, summary);

    unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, todo.size())));

    prepare_html_parser(); // before the extraction threads, which may parse pages themselves
    WorkQueue queue;
    queue.set_producers(threads);
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            extract_pages(todo, next, options, max_size, queue);
            queue.producer_done();
        });
    }
    // Stops the extraction threads early: they take no new page, and what
    // they still deliver is dropped. The last commit stands and the next
    // run redoes the rest.
    const auto stop_extraction = [&] {
        next = todo.size();
        while (queue.pop()) {
        }
        for (auto& w : workers) {
            if (w.joinable()) w.join();
        }
    };

    Writer writer(index, existing, seen, failed, skipped, batch_size_from(options), options);
    IndexProgress state{summary.unchanged + summary.failed_before + summary.skipped_before, summary.total, 0};
    try {
        // An index made before the spelling keys gets them for all its words.
        if (!has_spelling_keys(index.db())) writer.spelling().note_all(index.db());
        while (auto item = queue.pop()) {
            if (item->error) {
                writer.fail(*item->file, *item->error, summary);
            } else if (!item->skipped_type.empty()) {
                writer.skip(*item->file, item->skipped_type, summary);
            } else {
                writer.write(*item->built, *item->file, summary);
            }
            ++state.done;
            if (progress) {
                state.seconds = std::chrono::duration<double>(Clock::now() - start).count();
                progress(state);
            }
        }
        for (auto& w : workers) w.join();
        // A page that failed now but was indexed before keeps its document.
        remove_vanished(index.db(), existing, failed, skipped, seen, crawled, writer.spelling(), writer.copies(),
                        summary);
        writer.commit(summary);
    } catch (const Xapian::Error& e) {
        stop_extraction();
        summary.stopped_by = index_error(e, options.db_path);
        writer.to_last_commit(summary);
    } catch (...) {
        stop_extraction();
        throw;
    }
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

namespace {

RemoveSummary remove_from(WritableIndex& index, const std::vector<std::string>& targets) {
    Xapian::WritableDatabase& db = index.db();
    RemoveSummary summary;
    SpellingUpdate spelling;
    CopyGroups copies;
    const auto existing = load_existing(db);
    for (const auto& target : targets) {
        std::vector<Xapian::docid> ids;
        const bool numeric = !target.empty() && target.find_first_not_of("0123456789") == std::string::npos;
        // Docids start at 1: "0" is not one (Xapian throws on it), so it falls
        // through to the id and path lookups like any unknown target.
        if (numeric && target.size() < 10 && std::stoul(target) != 0) {
            const auto docid = static_cast<Xapian::docid>(std::stoul(target));
            try {
                db.get_document(docid);
                ids.push_back(docid);
            } catch (const Xapian::DocNotFoundError&) {
            }
        }
        // The public id the search results, /doc/ links and feeds show.
        if (ids.empty() && schema::is_public_id(target)) {
            const std::string public_term = std::string(schema::prefix::public_id) + target;
            for (auto it = db.postlist_begin(public_term); it != db.postlist_end(public_term); ++it) {
                ids.push_back(*it);
            }
        }
        const std::string id_term = schema::boolean_term(schema::prefix::id, target);
        for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) ids.push_back(*it);
        if (ids.empty()) {
            const CrawlRoot as_dir{normal_absolute(target), true, true};
            const CrawlRoot as_file{normal_absolute(target), false, true};
            for (const auto& [path, entry] : existing) {
                if (is_under(path, as_file) || is_under(path, as_dir)) ids.push_back(entry.docid);
            }
        }
        if (ids.empty()) {
            summary.not_found.push_back(target);
            continue;
        }
        for (auto docid : ids) {
            spelling.note_stored(db, docid);
            copies.note_leaving(db, docid);
            try {
                db.delete_document(docid);
                ++summary.removed;
            } catch (const Xapian::DocNotFoundError&) {
            }
        }
    }
    copies.write(db);
    spelling.write(db);
    schema::store_outlet_table(db);
    schema::write_author_groups(db);
    db.set_metadata(std::string(schema::k_meta_figures), schema::encode_figures(schema::count_figures(db)));
    db.set_metadata(std::string(schema::k_meta_last_update), utc_now_iso());
    schema::count_commit(db);
    index.commit();
    return summary;
}

} // namespace

Result<RemoveSummary> remove_documents(const std::string& db_path, const std::vector<std::string>& targets) {
    auto opened = open_index_for_writing(db_path);
    if (!opened) return opened.error();
    WritableIndex index = std::move(opened).value();
    try {
        return remove_from(index, targets);
    } catch (const Xapian::Error& e) {
        return index_error(e, db_path);
    }
}

} // namespace oped::indexer
