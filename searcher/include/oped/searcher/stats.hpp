#pragma once

// What an index holds, read without touching documents one by one.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>

namespace oped::searcher {

struct IndexStats {
    std::uint64_t documents = 0;
    std::uint64_t authors = 0; // distinct exact author terms
    std::uint64_t sites = 0;   // distinct outlets
    std::uint64_t languages = 0;
    std::string first_published; // "YYYY-MM-DD", empty when no dates
    std::string last_published;
    std::string last_update;      // ISO 8601 UTC of the last commit by oped
    std::uint64_t size_bytes = 0; // on disk
    std::string revision;         // Xapian's revision, as text
};

// Opens the index at `db_path` and reads its figures.
Result<IndexStats> read_stats(const std::string& db_path);
// The figures of an open index; `db_path` for its size on disk.
IndexStats stats_of(const Xapian::Database& db, const std::string& db_path);

} // namespace oped::searcher
