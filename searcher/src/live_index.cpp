#include <oped/searcher/live_index.hpp>

#include <oped/common/schema.hpp>

#include <sys/stat.h>

#include <utility>

namespace oped::searcher {

Error index_unavailable(std::string_view why) {
    return Error{ErrorCode::unavailable, "the index is unavailable (" + std::string(why) + "); try again in a moment",
                 ""};
}

LiveIndex::LiveIndex(std::string path) : m_path(std::move(path)) {}

LiveIndex::LiveIndex(std::string path, Xapian::Database db) : m_path(std::move(path)), m_db(std::move(db)) {
    if (const auto now = folder()) {
        m_folder = *now;
        m_uuid = m_db.get_uuid();
        m_open = true;
    }
}

std::optional<LiveIndex::Folder> LiveIndex::folder() const {
    struct stat st {};
    if (::stat(m_path.c_str(), &st) != 0) return std::nullopt;
    return Folder{st.st_dev, st.st_ino};
}

std::optional<Error> LiveIndex::refresh() {
    // The folder is looked at before the index is opened, so a replacement
    // that lands between the two is seen by the next refresh, not missed.
    const auto now = folder();
    if (!now) {
        m_open = false;
        return index_unavailable("it is missing: deleted, or not rebuilt yet");
    }
    if (!m_open || *now != m_folder) return open_afresh(*now);
    try {
        m_db.reopen();
    } catch (const Xapian::DatabaseError&) {
        // Files gone mid-way through a deletion or a rebuild.
        m_open = false;
        return index_unavailable("its files are being deleted or replaced");
    }
    // reopen() has read the index's current version file: a new UUID there
    // is another index, however its revision compares.
    if (m_db.get_uuid() != m_uuid) return open_afresh(*now);
    return std::nullopt;
}

std::optional<Error> LiveIndex::open_afresh(const Folder& folder) {
    m_open = false;
    auto opened = schema::open_for_reading(m_path);
    if (!opened) {
        if (opened.error().code == ErrorCode::not_found)
            return index_unavailable("it is incomplete: being created or deleted");
        return opened.error();
    }
    m_db = std::move(opened).value();
    m_folder = folder;
    m_uuid = m_db.get_uuid();
    m_open = true;
    return std::nullopt;
}

} // namespace oped::searcher
