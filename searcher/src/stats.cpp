#include <oped/searcher/stats.hpp>

#include <oped/common/schema.hpp>

#include <filesystem>

namespace oped::searcher {
namespace {

std::uint64_t count_terms(const Xapian::Database& db, std::string_view prefix) {
    std::uint64_t n = 0;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) ++n;
    return n;
}

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
    // "XA" is also the start of no other prefix in the schema: XS, XC, XP differ.
    s.authors = count_terms(db, schema::prefix::author_exact);
    s.sites = count_terms(db, schema::prefix::site);
    s.languages = count_terms(db, schema::prefix::language);
    // Xapian's slot bounds do not shrink when documents are deleted, so
    // read the values themselves: small, sequential, and stats is rare.
    std::string lo, hi;
    for (auto it = db.valuestream_begin(schema::slot::published); it != db.valuestream_end(schema::slot::published);
         ++it) {
        if (lo.empty() || *it < lo) lo = *it;
        if (*it > hi) hi = *it;
    }
    s.first_published = iso_day(lo);
    s.last_published = iso_day(hi);
    s.last_update = db.get_metadata(std::string(schema::k_meta_last_update));
    s.size_bytes = folder_size(db_path);
    s.revision = std::to_string(db.get_revision());
    return s;
}

} // namespace oped::searcher
