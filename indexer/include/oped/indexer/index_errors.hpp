#pragma once

// What went wrong with the index as a whole, in words a user can act on:
// Xapian's exceptions mapped to the error table's codes.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <string>

namespace oped::indexer {

// Xapian says "lock error" both when another writer holds the lock and when
// the lock file cannot be opened at all (a read-only folder or file system,
// no permission, a lock file that is not a file): index_locked for the
// first, index_readonly with the reason for the others.
Error lock_error(const std::string& db_path);

// An error while reading or writing an open index: index_corrupt,
// disk_full (no space, a quota, a file size limit), index_readonly, or io.
Error index_error(const Xapian::Error& e, const std::string& db_path);

// The error for a commit that Xapian ended with std::terminate instead of
// an exception (see CommitGuard in index_writer.cpp), named from what can
// still be seen: disk_full when the index's file system has less than a
// block of room or a table is within a block of the file size limit
// (RLIMIT_FSIZE), io otherwise.
Error aborted_commit_error(const std::string& db_path);

} // namespace oped::indexer
