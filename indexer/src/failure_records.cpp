#include <oped/indexer/failure_records.hpp>

#include <oped/common/schema.hpp>

namespace oped::indexer {
namespace {

// signature NUL code-name NUL path NUL reason: the path is in the value
// because the key may hold only its hash.
constexpr char k_sep = '\0';

std::string key_of(const std::string& path) { return schema::boolean_term(schema::k_meta_failed_prefix, path); }
std::string skip_key_of(const std::string& path) { return schema::boolean_term(schema::k_meta_skipped_prefix, path); }

} // namespace

std::unordered_map<std::string, FailureRecord> load_failure_records(const Xapian::Database& db) {
    std::unordered_map<std::string, FailureRecord> records;
    const std::string prefix(schema::k_meta_failed_prefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string value = db.get_metadata(*it);
        const auto a = value.find(k_sep);
        const auto b = a == std::string::npos ? a : value.find(k_sep, a + 1);
        const auto c = b == std::string::npos ? b : value.find(k_sep, b + 1);
        if (c == std::string::npos) continue; // not ours to read: the page is simply tried again
        FailureRecord record{value.substr(0, a), error_code_named(std::string_view(value).substr(a + 1, b - a - 1)),
                             value.substr(c + 1)};
        records.emplace(value.substr(b + 1, c - b - 1), std::move(record));
    }
    return records;
}

void record_failure(Xapian::WritableDatabase& db, const std::string& path, const FailureRecord& record) {
    std::string value = record.signature;
    value += k_sep;
    value += error_name(record.code);
    value += k_sep;
    value += path;
    value += k_sep;
    value += record.reason;
    db.set_metadata(key_of(path), value);
}

void clear_failure(Xapian::WritableDatabase& db, const std::string& path) { db.set_metadata(key_of(path), {}); }

// signature NUL type NUL path.
std::unordered_map<std::string, SkipRecord> load_skip_records(const Xapian::Database& db) {
    std::unordered_map<std::string, SkipRecord> records;
    const std::string prefix(schema::k_meta_skipped_prefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string value = db.get_metadata(*it);
        const auto a = value.find(k_sep);
        const auto b = a == std::string::npos ? a : value.find(k_sep, a + 1);
        if (b == std::string::npos) continue; // not ours to read: the page is simply read again
        records.emplace(value.substr(b + 1), SkipRecord{value.substr(0, a), value.substr(a + 1, b - a - 1)});
    }
    return records;
}

void record_skip(Xapian::WritableDatabase& db, const std::string& path, const SkipRecord& record) {
    std::string value = record.signature;
    value += k_sep;
    value += record.type;
    value += k_sep;
    value += path;
    db.set_metadata(skip_key_of(path), value);
}

void clear_skip(Xapian::WritableDatabase& db, const std::string& path) { db.set_metadata(skip_key_of(path), {}); }

// Read errors and internal errors (a worker that could not start) say
// nothing about the page; too_large depends on --max-size, which a re-run
// may raise, and is decided before the page is read.
bool is_remembered(ErrorCode code) {
    return code != ErrorCode::io && code != ErrorCode::internal && code != ErrorCode::too_large;
}

} // namespace oped::indexer
