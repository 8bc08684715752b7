#include "browse.hpp"

#include <oped/common/schema.hpp>

#include <algorithm>

namespace oped::searcher {
namespace {

// Each round reads periods holding this many times the pages wanted (before
// filters), then this many times more while the filters leave too few.
constexpr Xapian::doccount k_first_margin = 2;
constexpr Xapian::doccount k_growth = 8;

std::vector<std::string> terms_from(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) out.push_back(*it);
    return out;
}

} // namespace

std::vector<DatePeriod> date_periods(const Xapian::Database& db) {
    const std::string year_prefix(schema::prefix::year);
    const std::string month_prefix(schema::prefix::year_month);
    std::vector<DatePeriod> out;
    const std::vector<std::string> months = terms_from(db, month_prefix);
    auto month = months.begin();
    for (const std::string& year_term : terms_from(db, year_prefix)) {
        const std::string year = year_term.substr(year_prefix.size());
        const Xapian::doccount in_year = db.get_termfreq(year_term);
        std::vector<DatePeriod> its_months;
        Xapian::doccount in_months = 0;
        // Month terms sort by year then month, as the years do.
        while (month != months.end() && month->compare(month_prefix.size(), year.size(), year) < 0) ++month;
        for (; month != months.end() && month->compare(month_prefix.size(), year.size(), year) == 0; ++month) {
            const Xapian::doccount pages = db.get_termfreq(*month);
            its_months.push_back({*month, pages});
            in_months += pages;
        }
        if (in_months == in_year) {
            out.insert(out.end(), its_months.begin(), its_months.end());
        } else {
            out.push_back({year_term, in_year}); // some dated by the year alone, at its first day
        }
    }
    return out;
}

Xapian::MSet browse_page(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& query,
                         bool newest_first, Xapian::doccount first, Xapian::doccount count) {
    std::vector<DatePeriod> periods = date_periods(db);
    if (newest_first) std::reverse(periods.begin(), periods.end());
    const Xapian::doccount wanted = first + count;
    Xapian::doccount target = wanted * k_first_margin;
    std::size_t taken = 0;
    Xapian::doccount held = 0;
    std::vector<Xapian::Query> chosen;
    while (true) {
        while (taken < periods.size() && held < target) {
            chosen.emplace_back(periods[taken].term);
            held += periods[taken].pages;
            ++taken;
        }
        if (taken == periods.size()) break; // every dated page: the query whole is no dearer
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                        Xapian::Query(Xapian::Query::OP_OR, chosen.begin(), chosen.end())));
        Xapian::MSet mset = enquire.get_mset(first, count);
        // Full, and its last page dated (an undated page sorts after every
        // dated one, also those left out).
        if (mset.size() == count && !mset[count - 1].get_document().get_value(schema::slot::published).empty()) {
            return mset;
        }
        target = held * k_growth;
    }
    enquire.set_query(query);
    return enquire.get_mset(first, count);
}

} // namespace oped::searcher
