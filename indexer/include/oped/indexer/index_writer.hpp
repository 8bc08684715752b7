#pragma once

// The incremental indexer: crawl the roots, skip files whose signature is
// unchanged, extract the rest on worker threads, write with one writer,
// commit in batches, and remove the documents whose files are gone from
// under a root that was listed completely.

#include <oped/common/author_key.hpp>
#include <oped/common/errors.hpp>
#include <oped/common/outlets.hpp>
#include <oped/indexer/warc_source.hpp>

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace oped::indexer {

struct IndexSummary;

struct IndexOptions {
    std::string db_path;
    std::vector<std::string> roots;
    unsigned threads = 0;       // 0: one per core
    std::uint64_t max_size = 0; // bytes; 0: k_default_max_size
    std::size_t batch_size = 0; // documents per commit; 0: from XAPIAN_FLUSH_THRESHOLD or 1,000
    // Shards of an index created by this run (shards.hpp); 0: one, or as
    // many as the existing index has.
    unsigned shards = 0;
    // How to start an extraction worker process (extract_worker.hpp); empty:
    // extract on the indexer's own threads, unprotected.
    std::vector<std::string> worker_command;
    double page_timeout_s = 0;     // 0: k_default_page_timeout_s
    std::uint64_t page_memory = 0; // bytes; 0: k_default_page_memory
    bool retry_failed = false;     // try pages that failed before even when unchanged
    bool all_pages = false;        // index listings and other pages too, not only articles
    // Outlet aliases (`--outlets FILE`) to store in place of those stored;
    // nullopt keeps the stored ones.
    std::optional<std::vector<schema::OutletAlias>> outlet_aliases;
    // Called, then the process exits with what it returns, when Xapian ends
    // a commit with std::terminate (a write failing where Xapian 1.4.22
    // cannot unwind): the summary counts the last commit, which the index
    // still holds, and says what stopped the run. Empty: abort as before.
    std::function<int(const IndexSummary&)> report_aborted_commit;
    // Rules that merge or split authors by hand (author_key.hpp); when set,
    // they replace the index's rules, which later runs keep.
    std::optional<schema::AuthorAliases> author_aliases;
};

struct FileFailure {
    std::string path;
    ErrorCode code;
    std::string reason;
};

struct IndexSummary {
    std::size_t total = 0; // page files found
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::vector<FileFailure> failures;
    std::size_t failed_before = 0; // of the failures: unchanged since an earlier run, not tried again
    // Pages that are not articles (page_type.hpp), left out without
    // all_pages, and of them those unchanged since an earlier run left them
    // out (not read again).
    std::size_t skipped = 0;
    std::size_t skipped_before = 0;
    WarcSkipCounts warc_skipped; // WARC records that are not pages (not in `total`)
    double seconds = 0;
    // Set when the index failed mid-run (disk full, corruption, ...): the
    // run stopped, and added/updated/removed count what was committed.
    std::optional<Error> stopped_by;
};

struct IndexProgress {
    std::size_t done = 0; // files processed (including unchanged)
    std::size_t total = 0;
    double seconds = 0;
};

using ProgressFn = std::function<void(const IndexProgress&)>;

// Fails only when the index cannot be opened (locked, read-only, schema
// mismatch, corrupt, cannot create); a failure of the index later stops the
// run with `stopped_by` set; per-file failures are in the summary.
Result<IndexSummary> run_index(const IndexOptions& options, const ProgressFn& progress);

struct RemoveSummary {
    std::size_t removed = 0;
    std::vector<std::string> not_found;
};

// Delete documents by Xapian docid, unique id (canonical URL) or source
// path (a file, or every page under a folder).
Result<RemoveSummary> remove_documents(const std::string& db_path, const std::vector<std::string>& targets);

// Open for writing, creating it if needed, with the schema checked; maps
// Xapian's lock error to index_locked. A sharded index opens as one
// database of all its shards (open_index_for_writing in shards.hpp).
Result<Xapian::WritableDatabase> open_for_writing(const std::string& db_path);

} // namespace oped::indexer
