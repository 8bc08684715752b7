#pragma once

// Browsing without a query (the front page, the feed, an author's page):
// a page of the newest (or oldest) matches, read without sorting every page
// of the archive. The dated pages are grouped into periods by their boolean
// date terms: a month ("M178710"), or a whole year ("Y1787") when some of its
// pages are dated by the year alone. The match runs over the fewest periods,
// from the order's end, that hold the page asked for; every page outside them
// sorts after every page inside, so the answer is the same as sorting all.
// Its cost follows the pages in those periods, not the archive.

#include <xapian.h>

#include <string>
#include <vector>

namespace oped::searcher {

struct DatePeriod {
    std::string term;       // a boolean term holding exactly the period's pages
    Xapian::doccount pages; // its term frequency
};

// The periods of the index, oldest first (read from the Y and M terms).
std::vector<DatePeriod> date_periods(const Xapian::Database& db);

// The page [first, first + count) of `query` (filters only, no words) in
// `enquire`'s date order (already set: newest or oldest first, undated
// last). Runs `query` whole when the periods cannot hold the page (too few
// dated matches: the undated come last).
Xapian::MSet browse_page(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& query,
                         bool newest_first, Xapian::doccount first, Xapian::doccount count);

} // namespace oped::searcher
