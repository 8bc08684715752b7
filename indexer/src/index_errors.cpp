#include <oped/indexer/index_errors.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace oped::indexer {
namespace {

// Xapian 1.4 gives the errno only as its strerror() text.
bool has_errno(const Xapian::Error& e, int errnum) {
    const char* text = e.get_error_string();
    return text != nullptr && std::strcmp(text, std::strerror(errnum)) == 0;
}

Error readonly(const std::string& db_path, const std::string& why) {
    return Error{ErrorCode::index_readonly,
                 "cannot write to the index at " + db_path + ": " + why +
                     " (is the folder or its file system read-only, or owned by another user?)",
                 db_path};
}

} // namespace

Error lock_error(const std::string& db_path) {
    // Open the lock file as Xapian does; if that fails, nobody holds the
    // lock: the file cannot be had at all. Creating it when missing is what
    // Xapian would have done.
    const std::string lock_path = (std::filesystem::path(db_path) / "flintlock").string();
    const int fd = ::open(lock_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return readonly(db_path, lock_path + ": " + std::strerror(errno));
    ::close(fd);
    return Error{ErrorCode::index_locked,
                 "the index at " + db_path + " is locked by another writer (is another `oped index` running?)",
                 db_path};
}

// Xapian's exception classes are not polymorphic; get_type() names the class.
Error index_error(const Xapian::Error& e, const std::string& db_path) {
    if (std::strcmp(e.get_type(), "DatabaseCorruptError") == 0) {
        return Error{ErrorCode::index_corrupt,
                     "the index at " + db_path + " is corrupt: " + e.get_description() + "; rebuild it: rm -rf " +
                         db_path + " && oped index --db " + db_path + " PATH...",
                     db_path};
    }
    if (std::strcmp(e.get_type(), "DatabaseLockError") == 0) return lock_error(db_path);
    // A table shorter than its blocks say ("EOF reading block 2") is a plain
    // DatabaseError with no errno: damage, like DatabaseCorruptError.
    const char* errno_text = e.get_error_string();
    if (std::strcmp(e.get_type(), "DatabaseError") == 0 && (errno_text == nullptr || *errno_text == '\0')) {
        return Error{ErrorCode::index_corrupt,
                     "the index at " + db_path + " is corrupt: " + e.get_description() + "; rebuild it: rm -rf " +
                         db_path + " && oped index --db " + db_path + " PATH...",
                     db_path};
    }
    if (has_errno(e, ENOSPC) || has_errno(e, EDQUOT) || has_errno(e, EFBIG)) {
        return Error{ErrorCode::disk_full,
                     "cannot write to the index at " + db_path +
                         ": the disk is full (or a quota or file size limit "
                         "was reached): " +
                         e.get_description(),
                     db_path};
    }
    if (has_errno(e, EROFS) || has_errno(e, EACCES) || has_errno(e, EPERM)) {
        return readonly(db_path, e.get_description());
    }
    return Error{ErrorCode::io, "index error at " + db_path + ": " + e.get_description(), db_path};
}

namespace {

// Room a table may need to grow by one write: Xapian's largest block size.
constexpr std::uintmax_t k_block_room = 65536;

bool out_of_room(const std::string& db_path) {
    struct statvfs fs {};
    if (::statvfs(db_path.c_str(), &fs) == 0 && static_cast<std::uintmax_t>(fs.f_bavail) * fs.f_frsize < k_block_room) {
        return true;
    }
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return false;
    std::error_code ec;
    // A sharded index's tables are in its shards' folders.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(db_path, ec)) {
        const std::uintmax_t size = entry.file_size(ec);
        if (!ec && size + k_block_room > limit.rlim_cur) return true;
    }
    return false;
}

} // namespace

Error aborted_commit_error(const std::string& db_path) {
    if (out_of_room(db_path)) {
        return Error{ErrorCode::disk_full,
                     "cannot write to the index at " + db_path +
                         ": the disk is full (or a quota or file size limit was reached) during a commit; "
                         "the index keeps its last commit",
                     db_path};
    }
    return Error{ErrorCode::io,
                 "index error at " + db_path + ": a write failed during a commit; the index keeps its last commit",
                 db_path};
}

} // namespace oped::indexer
