#pragma once

// One thread's read-only view of the index at a path, brought up to date
// before each request. Xapian's reopen() moves an open database to the
// latest commit, but it knows the index by its revision number: an index
// deleted and rebuilt, or another folder renamed over it, that has reached
// the same revision goes unseen, and the old files, still open, keep
// answering. So the view also compares the folder (device and inode) and the
// index's UUID with those it opened, and opens a fresh database when either
// changed.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <sys/types.h>
#include <optional>
#include <string>
#include <string_view>

namespace oped::searcher {

class LiveIndex {
  public:
    // Opens nothing yet: the first refresh() does.
    explicit LiveIndex(std::string path);
    // Opened now, with the schema checked.
    explicit LiveIndex(std::string path, Xapian::Database db);

    // Up to date with the index on disk, or why it cannot be read: the error
    // `unavailable` while there is no index at the path (deleted, or not yet
    // rebuilt); the next refresh() tries again.
    std::optional<Error> refresh();
    // Drops the open database, so the next refresh() opens afresh.
    void forget() { m_open = false; }

    // The database as of the last refresh(); an empty one before the first.
    Xapian::Database& database() { return m_db; }
    const std::string& path() const { return m_path; }

  private:
    struct Folder {
        dev_t device = 0;
        ino_t inode = 0;
        bool operator==(const Folder&) const = default;
    };
    std::optional<Folder> folder() const;
    std::optional<Error> open_afresh(const Folder& folder);

    std::string m_path;
    Xapian::Database m_db;
    bool m_open = false;
    Folder m_folder;
    std::string m_uuid;
};

// The error for a request that came while the index was deleted or being
// rebuilt. The message names no path: HTTP clients read it too.
Error index_unavailable(std::string_view why);

} // namespace oped::searcher
