#include <oped/searcher/timeline.hpp>

#include <oped/common/schema.hpp>
#include <oped/searcher/timeline_spy.hpp>

#include <cstdio>

namespace oped::searcher {
namespace {

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

int to_int(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

std::string year_label(int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
}

std::string month_label(int index) { // index = year * 12 + month - 1
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
    return buf;
}

// Dense bins from lo to hi when there are few enough, else only those seen.
Timeline bins_of(const std::map<int, std::uint64_t>& counts, Timeline::Unit unit) {
    Timeline out;
    out.unit = unit;
    if (counts.empty()) return out;
    auto label = [unit](int key) { return unit == Timeline::Unit::year ? year_label(key) : month_label(key); };
    const int lo = counts.begin()->first;
    const int hi = counts.rbegin()->first;
    if (hi - lo + 1 <= k_timeline_max_filled_bins) {
        for (int key = lo; key <= hi; ++key) {
            const auto it = counts.find(key);
            out.bins.push_back({label(key), it == counts.end() ? 0 : it->second});
        }
    } else {
        for (const auto& [key, count] : counts) out.bins.push_back({label(key), count});
    }
    return out;
}

} // namespace

void TimelineSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    const std::string day = doc.get_value(schema::slot::published);
    std::string month;
    // A date known only to its year stands at January 1st in the published
    // slot; here its month is unknown.
    if (day.size() >= 6 && doc.get_value(schema::slot::date_precision) != "year") {
        month = day.substr(0, 6);
    } else if (const std::string year = doc.get_value(schema::slot::year); year.size() == 4) {
        month = year + "00";
    } else {
        return;
    }
    if (m_pieces.first(m_pieces.piece_of(doc), month)) ++m_months[month];
}

Xapian::valueno TimelineSpy::counted_slot() const { return schema::slot::published; }

void TimelineSpy::add_value_count(const std::string& day, Xapian::doccount documents) {
    if (day.size() >= 6) m_months[day.substr(0, 6)] += documents;
}

Timeline make_timeline(const std::map<std::string, std::uint64_t>& months) {
    std::map<int, std::uint64_t> by_year, by_month;
    bool month_unknown = false;
    for (const auto& [key, count] : months) {
        if (key.size() != 6 || !digits(key)) continue;
        const int year = to_int(key.substr(0, 4));
        const int month = to_int(key.substr(4, 2));
        by_year[year] += count;
        if (month >= 1 && month <= 12) {
            by_month[year * 12 + month - 1] += count;
        } else {
            month_unknown = true;
        }
    }
    // Per month only when every match has a month and they span a few years.
    if (!by_month.empty() && !month_unknown &&
        by_month.rbegin()->first - by_month.begin()->first < k_timeline_month_span) {
        return bins_of(by_month, Timeline::Unit::month);
    }
    return bins_of(by_year, Timeline::Unit::year);
}

const char* unit_name(Timeline::Unit unit) { return unit == Timeline::Unit::year ? "year" : "month"; }

} // namespace oped::searcher
