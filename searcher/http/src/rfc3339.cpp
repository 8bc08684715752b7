#include <oped/http/rfc3339.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace oped::http {
namespace {

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

int number(std::string_view s) {
    int n = 0;
    for (const char c : s) n = n * 10 + (c - '0');
    return n;
}

// "HH:MM" with digits, at `at`.
bool clock_at(std::string_view s, std::size_t at) {
    return s.size() >= at + 5 && digits(s.substr(at, 2)) && s[at + 2] == ':' && digits(s.substr(at + 3, 2));
}

// Seconds east of UTC from "Z", "+hh:mm", "-hh:mm", "+hhmm" or nothing
// (read as UTC); false for anything else.
bool zone_offset(std::string_view zone, long& seconds) {
    seconds = 0;
    if (zone.empty() || zone == "Z" || zone == "z") return true;
    if (zone[0] != '+' && zone[0] != '-') return false;
    const int sign = zone[0] == '-' ? -1 : 1;
    std::string_view rest = zone.substr(1);
    if (rest.size() == 4 && digits(rest)) {
        seconds = sign * (number(rest.substr(0, 2)) * 3600L + number(rest.substr(2, 2)) * 60L);
        return true;
    }
    if (rest.size() == 5 && clock_at(rest, 0)) {
        seconds = sign * (number(rest.substr(0, 2)) * 3600L + number(rest.substr(3, 2)) * 60L);
        return true;
    }
    return false;
}

} // namespace

std::string rfc3339_utc(std::string_view iso) {
    using namespace std::chrono;
    if (iso.size() < 10 || !digits(iso.substr(0, 4)) || iso[4] != '-' || !digits(iso.substr(5, 2)) || iso[7] != '-' ||
        !digits(iso.substr(8, 2))) {
        return {};
    }
    const year_month_day day{year{number(iso.substr(0, 4))}, month{static_cast<unsigned>(number(iso.substr(5, 2)))},
                             std::chrono::day{static_cast<unsigned>(number(iso.substr(8, 2)))}};
    if (!day.ok()) return {};
    long seconds = 0;
    if (iso.size() >= 19 && iso[10] == 'T' && clock_at(iso, 11) && iso[16] == ':' && digits(iso.substr(17, 2))) {
        const int h = number(iso.substr(11, 2)), m = number(iso.substr(14, 2)), s = number(iso.substr(17, 2));
        std::size_t at = 19;
        if (at < iso.size() && iso[at] == '.') {
            ++at;
            while (at < iso.size() && iso[at] >= '0' && iso[at] <= '9') ++at;
        }
        long offset = 0;
        // A zone that cannot be read counts as UTC, as no zone does; an
        // hour past 23 or a second past 60 is no time: the day alone.
        if (!zone_offset(iso.substr(at), offset)) offset = 0;
        if (h < 24 && m < 60 && s <= 60) seconds = h * 3600L + m * 60L + std::min(s, 59) - offset;
    }
    const sys_seconds when = sys_days{day} + std::chrono::seconds{seconds};
    const sys_days utc_day = floor<days>(when);
    const year_month_day ymd{utc_day};
    const hh_mm_ss clock{when - utc_day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return buf;
}

} // namespace oped::http
