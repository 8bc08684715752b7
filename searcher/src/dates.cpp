#include <oped/searcher/dates.hpp>

#include <cstdio>

namespace oped::searcher {
namespace {

struct PartialDate {
    int year = 0;
    int month = 0; // 0: not given
    int day = 0;   // 0: not given
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : k_days[m - 1];
}

std::optional<PartialDate> parse(std::string_view t) {
    PartialDate d;
    std::string_view parts[3];
    int n = 0;
    if (all_digits(t) && t.size() == 8) {
        parts[0] = t.substr(0, 4);
        parts[1] = t.substr(4, 2);
        parts[2] = t.substr(6, 2);
        n = 3;
    } else {
        while (n < 3) {
            const auto sep = t.find_first_of("-/.");
            parts[n++] = t.substr(0, sep);
            if (sep == std::string_view::npos) break;
            t.remove_prefix(sep + 1);
            if (n == 3) return std::nullopt; // too many parts
        }
    }
    if (parts[0].size() != 4 || !all_digits(parts[0])) return std::nullopt;
    d.year = to_int(parts[0]);
    if (n >= 2) {
        if (parts[1].empty() || parts[1].size() > 2 || !all_digits(parts[1])) return std::nullopt;
        d.month = to_int(parts[1]);
        if (d.month < 1 || d.month > 12) return std::nullopt;
    }
    if (n >= 3) {
        if (parts[2].empty() || parts[2].size() > 2 || !all_digits(parts[2])) return std::nullopt;
        d.day = to_int(parts[2]);
        if (d.day < 1 || d.day > days_in(d.year, d.month)) return std::nullopt;
    }
    return d;
}

std::string format(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return buf;
}

} // namespace

std::optional<std::string> lower_bound_day(std::string_view text) {
    const auto d = parse(text);
    if (!d) return std::nullopt;
    return format(d->year, d->month == 0 ? 1 : d->month, d->day == 0 ? 1 : d->day);
}

std::optional<std::string> upper_bound_day(std::string_view text) {
    const auto d = parse(text);
    if (!d) return std::nullopt;
    const int month = d->month == 0 ? 12 : d->month;
    return format(d->year, month, d->day == 0 ? days_in(d->year, month) : d->day);
}

} // namespace oped::searcher
