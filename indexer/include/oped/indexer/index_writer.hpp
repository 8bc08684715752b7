#pragma once

// The incremental indexer: crawl the roots, skip files whose signature is
// unchanged, extract the rest on worker threads, write with one writer,
// commit in batches, and remove the documents whose files are gone from
// under a root that was listed completely.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace oped::indexer {

struct IndexOptions {
    std::string db_path;
    std::vector<std::string> roots;
    unsigned threads = 0;       // 0: one per core
    std::uint64_t max_size = 0; // bytes; 0: k_default_max_size
    std::size_t batch_size = 0; // documents per commit; 0: from XAPIAN_FLUSH_THRESHOLD or 1,000
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
    double seconds = 0;
};

struct IndexProgress {
    std::size_t done = 0; // files processed (including unchanged)
    std::size_t total = 0;
    double seconds = 0;
};

using ProgressFn = std::function<void(const IndexProgress&)>;

// Fails only for the index as a whole (locked, schema mismatch, corrupt,
// cannot create); per-file failures are in the summary.
Result<IndexSummary> run_index(const IndexOptions& options, const ProgressFn& progress);

struct RemoveSummary {
    std::size_t removed = 0;
    std::vector<std::string> not_found;
};

// Delete documents by Xapian docid, unique id (canonical URL) or source
// path (a file, or every page under a folder).
Result<RemoveSummary> remove_documents(const std::string& db_path, const std::vector<std::string>& targets);

// Open for writing, creating it if needed, with the schema checked; maps
// Xapian's lock error to index_locked.
Result<Xapian::WritableDatabase> open_for_writing(const std::string& db_path);

} // namespace oped::indexer
