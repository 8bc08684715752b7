#pragma once

// Time in the query: "since 2016", "before 1990", "in 1787", "1787-1788",
// "last year", "last 6 months" read as a date filter. Words inside quotes and
// field values (date:..., title:...) are never read so.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace oped::searcher {

struct TimeWords {
    std::string text;    // the words as typed: "since 2016"
    std::string rest;    // the query without them
    std::string from;    // "2016-01-01", or empty: no lower bound
    std::string to;      // "2016-12-31", or empty: no upper bound
    std::string reading; // "published since 1 January 2016"
};

// The first time phrase of `query`, read relative to `today` (for "last
// year"); nullopt when there is none. English words; years 1000 to 2999.
std::optional<TimeWords> read_time_words(std::string_view query, std::chrono::year_month_day today);

// Today's date in UTC.
std::chrono::year_month_day today_utc();

} // namespace oped::searcher
