#pragma once

// The figures /api/stats and `oped stats` show that take more than a look
// up to read: how many authors, outlets and languages the index holds, and
// its first and last publication day. The indexer counts them before every
// commit and stores them in the commit (schema::k_meta_figures), so reading
// them is one metadata read; counting them costs the number of distinct
// author, outlet, language and date terms, never a pass over the pages.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oped::schema {

struct IndexFigures {
    std::uint64_t authors = 0;   // distinct exact author terms
    std::uint64_t sites = 0;     // outlets: names the outlet table shows (else distinct outlet terms)
    std::uint64_t languages = 0; // distinct language codes
    std::string first_day;       // "YYYYMMDD" as the published slot holds it, empty when no dates
    std::string last_day;
    bool operator==(const IndexFigures&) const = default;
};

// Counts them in `db` as it is (a writable database: with its pending changes).
IndexFigures count_figures(const Xapian::Database& db);

// The metadata value, and back; nullopt for a value this code did not write.
std::string encode_figures(const IndexFigures& figures);
std::optional<IndexFigures> decode_figures(std::string_view value);

} // namespace oped::schema
