#include <oped/searcher/stats.hpp>

#include <oped/common/index_figures.hpp>
#include <oped/common/schema.hpp>

#include <filesystem>

namespace oped::searcher {
namespace {

std::string iso_day(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8) return yyyymmdd;
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

std::uint64_t folder_size(const std::string& path) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (std::filesystem::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_ec;
        if (it->is_regular_file(size_ec)) total += it->file_size(size_ec);
    }
    return total;
}

} // namespace

Result<IndexStats> read_stats(const std::string& db_path) {
    auto opened = schema::open_for_reading(db_path);
    if (!opened) return opened.error();
    return stats_of(opened.value(), db_path);
}

IndexStats stats_of(const Xapian::Database& db, const std::string& db_path) {
    IndexStats s;
    s.documents = db.get_doccount();
    // Stored by the commit; an index written before they were is counted
    // here (the same terms, once per request).
    const auto stored = schema::decode_figures(db.get_metadata(std::string(schema::k_meta_figures)));
    const schema::IndexFigures f = stored ? *stored : schema::count_figures(db);
    s.authors = f.authors;
    s.sites = f.sites;
    s.languages = f.languages;
    s.first_published = iso_day(f.first_day);
    s.last_published = iso_day(f.last_day);
    s.last_update = db.get_metadata(std::string(schema::k_meta_last_update));
    s.size_bytes = folder_size(db_path);
    s.revision = std::to_string(schema::index_revision(db));
    return s;
}

} // namespace oped::searcher
