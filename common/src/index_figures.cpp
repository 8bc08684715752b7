#include <oped/common/index_figures.hpp>

#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>

#include <charconv>
#include <vector>

namespace oped::schema {
namespace {

constexpr std::string_view k_format = "figures1";

std::uint64_t count_terms(const Xapian::Database& db, std::string_view prefix) {
    std::uint64_t n = 0;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) ++n;
    return n;
}

// The terms under `prefix` (their text after it) and the pages they hold.
struct Under {
    std::vector<std::string> values;
    Xapian::doccount pages = 0;
};

Under under(const Xapian::Database& db, const std::string& prefix) {
    Under out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        out.values.push_back((*it).substr(prefix.size()));
        out.pages += it.get_termfreq();
    }
    return out;
}

// The first (or last) published day, from the year, month and day terms: a
// period with pages dated only to it (its pages outnumber those of its
// finer terms) starts at its first day, as their published value does.
std::string end_day(const Xapian::Database& db, bool last) {
    const Under years = under(db, std::string(prefix::year));
    if (years.values.empty()) return {};
    const std::string year = last ? years.values.back() : years.values.front();
    const Under months = under(db, std::string(prefix::year_month) + year);
    const bool year_only = months.pages < db.get_termfreq(std::string(prefix::year) + year);
    if (months.values.empty() || (!last && year_only)) return year + "0101";
    const std::string month = year + (last ? months.values.back() : months.values.front());
    const Under days = under(db, std::string(prefix::day) + month);
    const bool month_only = days.pages < db.get_termfreq(std::string(prefix::year_month) + month);
    if (days.values.empty() || (!last && month_only)) return month + "01";
    return month + (last ? days.values.back() : days.values.front());
}

bool read_number(std::string_view text, std::uint64_t& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

} // namespace

IndexFigures count_figures(const Xapian::Database& db) {
    IndexFigures f;
    f.authors = count_terms(db, prefix::author_exact);
    // Outlets as shown: one per name of the stored outlet table.
    const OutletTable outlets = read_outlet_table(db);
    f.sites = outlets.empty() ? count_terms(db, prefix::site) : outlets.outlet_count();
    f.languages = count_terms(db, prefix::language);
    f.first_day = end_day(db, false);
    f.last_day = end_day(db, true);
    return f;
}

std::string encode_figures(const IndexFigures& f) {
    std::string out(k_format);
    for (const auto n : {f.authors, f.sites, f.languages}) out += " " + std::to_string(n);
    out += " " + (f.first_day.empty() ? std::string("-") : f.first_day);
    out += " " + (f.last_day.empty() ? std::string("-") : f.last_day);
    return out;
}

std::optional<IndexFigures> decode_figures(std::string_view value) {
    std::vector<std::string_view> fields;
    while (!value.empty()) {
        const auto space = value.find(' ');
        fields.push_back(value.substr(0, space));
        if (space == std::string_view::npos) break;
        value.remove_prefix(space + 1);
    }
    if (fields.size() != 6 || fields[0] != k_format) return std::nullopt;
    IndexFigures f;
    if (!read_number(fields[1], f.authors) || !read_number(fields[2], f.sites) ||
        !read_number(fields[3], f.languages)) {
        return std::nullopt;
    }
    if (fields[4] != "-") f.first_day = std::string(fields[4]);
    if (fields[5] != "-") f.last_day = std::string(fields[5]);
    return f;
}

} // namespace oped::schema
