#include <oped/common/schema.hpp>

#include <oped/common/text.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>

namespace oped::schema {
namespace {

constexpr char k_list_separator = '\x1f';

// FNV-1a, 64 bit: stable across builds and platforms, which std::hash is not.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= k_max_term_bytes) {
        term += value;
        return term;
    }
    // Keep a readable head and make the tail unique: head + '#' + two hashes
    // (of the whole value and of its reverse) to make collisions negligible.
    const std::string reversed(value.rbegin(), value.rend());
    char hash[40];
    std::snprintf(hash, sizeof hash, "#%016llx%016llx", static_cast<unsigned long long>(fnv1a(value)),
                  static_cast<unsigned long long>(fnv1a(reversed)));
    const std::size_t head = k_max_term_bytes - prefix.size() - 33;
    const std::size_t cut = text::char_start(value, head);
    term.append(value.substr(0, cut));
    term += hash;
    return term;
}

std::string public_id(std::string_view unique_id) {
    char out[k_public_id_chars + 1];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(fnv1a(unique_id)));
    return std::string(out, k_public_id_chars);
}

std::string canonical_genre(std::string_view typed) {
    std::string v = fold_for_term(typed);
    for (auto g : k_genres) {
        if (v == g) return v;
    }
    struct Alias {
        std::string_view typed;
        std::string_view genre;
    };
    constexpr std::array<Alias, 10> k_aliases = {{{"op-ed", "opinion"},
                                                  {"oped", "opinion"},
                                                  {"column", "opinion"},
                                                  {"columns", "opinion"},
                                                  {"opinions", "opinion"},
                                                  {"editorials", "editorial"},
                                                  {"letters", "letter"},
                                                  {"reviews", "review"},
                                                  {"report", "news"},
                                                  {"reporting", "news"}}};
    for (const auto& a : k_aliases) {
        if (v == a.typed) return std::string(a.genre);
    }
    return {};
}

std::string genre_label(std::string_view genre) {
    std::string out(genre);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

bool is_public_id(std::string_view text) {
    return text.size() == k_public_id_chars && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string fold_for_term(std::string_view display) { return text::fold_case(text::collapse_space(display)); }

Xapian::Stem stemmer_for(std::string_view language) {
    if (language.empty()) return Xapian::Stem("en");
    try {
        return Xapian::Stem(std::string(language));
    } catch (const Xapian::InvalidArgumentError&) {
        return Xapian::Stem("none");
    }
}

std::string encode_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out.push_back(k_list_separator);
        out += item;
    }
    return out;
}

std::vector<std::string> decode_list(std::string_view packed) {
    std::vector<std::string> items;
    while (!packed.empty()) {
        const auto pos = packed.find(k_list_separator);
        items.emplace_back(packed.substr(0, pos));
        if (pos == std::string_view::npos) break;
        packed.remove_prefix(pos + 1);
    }
    return items;
}

std::string_view date_precision(std::string_view iso_date) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (iso_date.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i) {
            if (iso_date[i] < '0' || iso_date[i] > '9') return false;
        }
        return true;
    };
    if (!digits(0, 4)) return {};
    if (iso_date.size() == 4) return "year";
    if (iso_date[4] != '-' || !digits(5, 2)) return {};
    const int month = (iso_date[5] - '0') * 10 + (iso_date[6] - '0');
    if (month < 1 || month > 12) return {};
    if (iso_date.size() == 7) return "month";
    if (iso_date.size() < 10 || iso_date[7] != '-' || !digits(8, 2)) return {};
    return "day";
}

std::string date_value(std::string_view iso_date) {
    const std::string_view precision = date_precision(iso_date);
    if (precision.empty()) return {};
    std::string out(iso_date.substr(0, 4));
    out += precision == "year" ? "01" : std::string(iso_date.substr(5, 2));
    out += precision == "day" ? std::string(iso_date.substr(8, 2)) : "01";
    return out;
}

std::string facet_row(const Xapian::Document& doc) {
    if (doc.get_value(slot::copy_group).empty() && doc.get_value(slot::date_precision) != "year") return {};
    // Each value as "slot,length,bytes": values may hold any byte.
    std::string row;
    for (const Xapian::valueno s : k_facet_row_slots) {
        const std::string value = doc.get_value(s);
        if (value.empty()) continue;
        row += std::to_string(s) + ',' + std::to_string(value.size()) + ',' + value;
    }
    return row;
}

void refresh_facet_row(Xapian::Document& doc) {
    const std::string row = facet_row(doc);
    if (row.empty()) {
        if (!doc.get_value(slot::facet_row).empty()) doc.remove_value(slot::facet_row);
    } else {
        doc.add_value(slot::facet_row, row);
    }
}

Xapian::Document facet_row_document(std::string_view row) {
    Xapian::Document doc;
    auto number = [&row](std::size_t& at, unsigned long& out) {
        const std::size_t comma = row.find(',', at);
        if (comma == std::string_view::npos || comma == at) return false;
        out = 0;
        for (std::size_t i = at; i < comma; ++i) {
            if (row[i] < '0' || row[i] > '9' || out > 100'000'000) return false;
            out = out * 10 + static_cast<unsigned long>(row[i] - '0');
        }
        at = comma + 1;
        return true;
    };
    std::size_t at = 0;
    while (at < row.size()) {
        unsigned long s = 0;
        unsigned long size = 0;
        if (!number(at, s) || !number(at, size) || size > row.size() - at) break; // not a row: what was read stands
        doc.add_value(static_cast<Xapian::valueno>(s), std::string(row.substr(at, size)));
        at += size;
    }
    return doc;
}

std::string oldest_first_value(std::string_view day_value) {
    // "-" sorts below every digit, so undated pages come last.
    if (day_value.empty()) return "-";
    std::string out(day_value);
    for (char& c : out) {
        if (c >= '0' && c <= '9') c = static_cast<char>('9' - (c - '0'));
    }
    return out;
}

} // namespace oped::schema

namespace oped::schema {
namespace {

Error mismatch(const std::string& found, const std::string& db_path) {
    return Error{ErrorCode::schema_mismatch,
                 "index at " + db_path + " has schema version '" + found + "', this oped needs '" +
                     std::string(k_schema_version) + "'; rebuild it: rm -rf " + db_path + " && oped index --db " +
                     db_path + " PATH...",
                 db_path};
}

} // namespace

Result<Xapian::Database> open_for_reading(const std::string& db_path) {
    try {
        Xapian::Database db(db_path);
        const std::string version = db.get_metadata(std::string(k_meta_schema_version));
        if (version != k_schema_version && !(version.empty() && db.get_doccount() == 0)) {
            return mismatch(version, db_path);
        }
        return db;
    } catch (const Xapian::DatabaseNotFoundError&) {
        return Error{ErrorCode::not_found,
                     "no index at " + db_path + " (create one with: oped index --db " + db_path + " PATH...)", db_path};
    } catch (const Xapian::DatabaseCorruptError& e) {
        return Error{ErrorCode::index_corrupt, "index at " + db_path + " is corrupt: " + e.get_msg(), db_path};
    } catch (const Xapian::DatabaseOpeningError& e) {
        return Error{ErrorCode::not_found, "cannot open index at " + db_path + ": " + e.get_msg(), db_path};
    }
}

Result<bool> check_or_stamp_schema(Xapian::WritableDatabase& db, const std::string& db_path) {
    const std::string version = db.get_metadata(std::string(k_meta_schema_version));
    if (version.empty() && db.get_doccount() == 0) {
        db.set_metadata(std::string(k_meta_schema_version), std::string(k_schema_version));
        return true;
    }
    if (version != k_schema_version) return mismatch(version, db_path);
    return false;
}

void count_commit(Xapian::WritableDatabase& db) {
    const std::string key(k_meta_commits);
    const std::string stored = db.get_metadata(key);
    std::uint64_t commits = 0;
    std::from_chars(stored.data(), stored.data() + stored.size(), commits);
    db.set_metadata(key, std::to_string(commits + 1));
}

std::uint64_t index_revision(const Xapian::Database& db) {
    if (db.size() == 1) return db.get_revision();
    const std::string stored = db.get_metadata(std::string(k_meta_commits));
    std::uint64_t commits = 0;
    std::from_chars(stored.data(), stored.data() + stored.size(), commits);
    return commits;
}

} // namespace oped::schema
