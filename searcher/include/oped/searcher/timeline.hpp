#pragma once

// Matching articles over time, for the timeline chart: bins per year, or
// per month when the matches span a few years at most. Plain values; the
// MatchSpy that counts months is in timeline_spy.hpp.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace oped::searcher {

// Matches spanning at most this many months are shown per month.
inline constexpr int k_timeline_month_span = 36;
// Past this many bins, empty ones between are left out rather than drawn.
inline constexpr int k_timeline_max_filled_bins = 400;

struct TimelineBin {
    std::string period; // "1787" or "1787-10"
    std::uint64_t count = 0;
};

struct Timeline {
    enum class Unit { year, month };
    Unit unit = Unit::year;
    std::vector<TimelineBin> bins; // oldest first, empty periods between filled with 0
};

// Bins from "YYYYMM" counts (month "00": year known, month not).
Timeline make_timeline(const std::map<std::string, std::uint64_t>& months);

const char* unit_name(Timeline::Unit unit); // "year" or "month"

} // namespace oped::searcher
