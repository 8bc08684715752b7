#include <oped/indexer/dates.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

namespace oped::indexer {
namespace {

constexpr int k_min_year = 1500;
constexpr int k_max_year = 2100;

enum class Kind { word, number, punct };

struct Token {
    Kind kind;
    std::string text; // words case-folded
    bool space_before = false;
    std::size_t begin = 0; // byte offsets in the tokenized text
    std::size_t end = 0;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_letter_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

// Words are letter runs (any non-ASCII byte counts as a letter, so "août"
// stays one word), numbers digit runs, everything else one punctuation
// character. NBSP and other Unicode spaces are treated as letters here; the
// callers collapse white space first.
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (is_ascii_space(c)) {
            space = true;
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        Kind kind = Kind::punct;
        if (is_ascii_digit(c)) {
            kind = Kind::number;
            while (j < s.size() && is_ascii_digit(s[j])) ++j;
        } else if (is_letter_byte(c)) {
            kind = Kind::word;
            while (j < s.size() && is_letter_byte(s[j])) ++j;
        }
        std::string text(s.substr(i, j - i));
        if (kind == Kind::word) text = text::fold_case(text);
        out.push_back({kind, std::move(text), space, i, j});
        space = false;
        i = j;
    }
    return out;
}

// The month names are in lexicon.hpp.
using lexicon::k_months;

int month_number(const Token& t) {
    if (t.kind != Kind::word) return 0;
    for (const auto& m : k_months) {
        if (t.text == m.name) return m.month;
    }
    return 0;
}

struct ZoneName {
    std::string_view name;
    int offset_minutes;
};

constexpr std::array<ZoneName, 16> k_zones{{
    {"z", 0},
    {"utc", 0},
    {"gmt", 0},
    {"ut", 0},
    {"est", -300},
    {"edt", -240},
    {"cst", -360},
    {"cdt", -300},
    {"mst", -420},
    {"mdt", -360},
    {"pst", -480},
    {"pdt", -420},
    {"bst", 60},
    {"cet", 60},
    {"cest", 120},
    {"mez", 60},
}};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

bool valid_day(int y, int m, int d) {
    return y >= k_min_year && y <= k_max_year && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits.substr(0, 9)) v = v * 10 + (c - '0');
    return v;
}

bool is_num(const std::vector<Token>& t, std::size_t i, std::size_t min_len, std::size_t max_len) {
    return i < t.size() && t[i].kind == Kind::number && t[i].text.size() >= min_len && t[i].text.size() <= max_len;
}

bool is_punct(const std::vector<Token>& t, std::size_t i, std::string_view chars) {
    return i < t.size() && t[i].kind == Kind::punct && chars.find(t[i].text[0]) != std::string_view::npos;
}

bool is_word(const std::vector<Token>& t, std::size_t i, std::string_view w) {
    return i < t.size() && t[i].kind == Kind::word && t[i].text == w;
}

bool is_ordinal(const Token& t) {
    return t.kind == Kind::word && (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th" ||
                                    t.text == "er" || t.text == "º" || t.text == "o");
}

// Reads an optional zone at t[i]: "Z", "UTC", "+02:00", "-0400", "+02".
// Returns the index after it, or i when there is none.
std::size_t read_zone(const std::vector<Token>& t, std::size_t i, Date& d) {
    if (i < t.size() && t[i].kind == Kind::word) {
        for (const auto& z : k_zones) {
            if (t[i].text == z.name) {
                d.has_zone = true;
                d.offset_minutes = z.offset_minutes;
                std::size_t j = i + 1;
                // "GMT+2", "UTC-05:00"
                if (is_punct(t, j, "+-") && is_num(t, j + 1, 1, 4) && !t[j].space_before) {
                    Date extra;
                    const std::size_t k = read_zone(t, j, extra);
                    if (k != j) {
                        d.offset_minutes += extra.offset_minutes;
                        return k;
                    }
                }
                return j;
            }
        }
        return i;
    }
    if (!is_punct(t, i, "+-") || !is_num(t, i + 1, 2, 4)) return i;
    const int sign = t[i].text == "-" ? -1 : 1;
    const std::string& n = t[i + 1].text;
    int hours = 0;
    int minutes = 0;
    std::size_t next = i + 2;
    if (n.size() == 4) {
        hours = to_int(n.substr(0, 2));
        minutes = to_int(n.substr(2));
    } else if (n.size() == 2) {
        hours = to_int(n);
        if (is_punct(t, next, ":") && is_num(t, next + 1, 2, 2)) {
            minutes = to_int(t[next + 1].text);
            next += 2;
        }
    } else {
        return i;
    }
    if (hours > 14 || minutes > 59) return i;
    d.has_zone = true;
    d.offset_minutes = sign * (hours * 60 + minutes);
    return next;
}

// Reads an optional time at t[i] ("10:02", "10:02:33.123", "3:46 PM",
// "10h02"), with its zone. Returns the index after it, or i.
std::size_t read_time(const std::vector<Token>& t, std::size_t i, Date& d) {
    std::size_t j = i;
    // Glue between date and time.
    while (j < t.size() && ((t[j].kind == Kind::word && (t[j].text == "t" || t[j].text == "at" || t[j].text == "um" ||
                                                         t[j].text == "à" || t[j].text == "a" || t[j].text == "às" ||
                                                         t[j].text == "las" || t[j].text == "o" || t[j].text == "v")) ||
                            is_punct(t, j, ",-|·•"))) {
        ++j;
    }
    if (!is_num(t, j, 1, 2)) return i;
    const int hour = to_int(t[j].text);
    std::size_t k = j + 1;
    if (!(is_punct(t, k, ":") || is_word(t, k, "h")) || !is_num(t, k + 1, 2, 2)) return i;
    const int minute = to_int(t[k + 1].text);
    k += 2;
    int second = 0;
    if (is_punct(t, k, ":") && is_num(t, k + 1, 2, 2)) {
        second = to_int(t[k + 1].text);
        k += 2;
        if (is_punct(t, k, ".,") && is_num(t, k + 1, 1, 9) && !t[k + 1].space_before) k += 2;
    }
    int h = hour;
    if (k < t.size() && t[k].kind == Kind::word) {
        std::string ampm = t[k].text;
        std::size_t after = k + 1;
        if ((ampm == "a" || ampm == "p") && is_punct(t, k + 1, ".") && is_word(t, k + 2, "m")) {
            ampm += "m";
            after = k + 3;
            if (is_punct(t, after, ".")) ++after;
        }
        if (ampm == "am" || ampm == "pm") {
            if (hour < 1 || hour > 12) return i;
            h = hour % 12 + (ampm == "pm" ? 12 : 0);
            k = after;
        }
    }
    if (h > 23 || minute > 59 || second > 60) return i;
    d.has_time = true;
    d.hour = h;
    d.minute = minute;
    d.second = second;
    return read_zone(t, k, d);
}

bool set_day(Date& d, int y, int m, int day) {
    if (!valid_day(y, m, day)) return false;
    d.year = y;
    d.month = m;
    d.day = day;
    return true;
}

// One date starting exactly at t[i]; on success *end is the index after it
// (time and zone included).
std::optional<Date> match_at(const std::vector<Token>& t, std::size_t i, std::size_t* end) {
    Date d;
    std::size_t k = 0;
    // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
    if (is_num(t, i, 4, 4) && is_punct(t, i + 1, "-/.") && is_num(t, i + 2, 1, 2) &&
        is_punct(t, i + 3, t[i + 1].text) && is_num(t, i + 4, 1, 2)) {
        if (!set_day(d, to_int(t[i].text), to_int(t[i + 2].text), to_int(t[i + 4].text))) return std::nullopt;
        k = i + 5;
    } else if (is_num(t, i, 1, 2) && is_punct(t, i + 1, "-/.") && is_num(t, i + 2, 1, 2) &&
               is_punct(t, i + 3, t[i + 1].text) && is_num(t, i + 4, 4, 4)) {
        // DD.MM.YYYY or MM/DD/YYYY; when both parts could be the month,
        // dots and dashes mean day first and slashes are ambiguous.
        const int a = to_int(t[i].text);
        const int b = to_int(t[i + 2].text);
        const int y = to_int(t[i + 4].text);
        int day = a;
        int month = b;
        if (a <= 12 && b > 12) {
            day = b;
            month = a;
        } else if (a <= 12 && b <= 12 && t[i + 1].text == "/" && a != b) {
            return std::nullopt;
        }
        if (!set_day(d, y, month, day)) return std::nullopt;
        k = i + 5;
    } else if (const int m = i < t.size() ? month_number(t[i]) : 0; m != 0) {
        // Month D, YYYY / Mon. D YYYY / Month Dth, YYYY / Mon D HH:MM:SS ZONE YYYY
        std::size_t j = i + 1;
        if (is_punct(t, j, ".")) ++j;
        if (!is_num(t, j, 1, 2)) return std::nullopt;
        const int day = to_int(t[j].text);
        ++j;
        if (j < t.size() && is_ordinal(t[j]) && !t[j].space_before) ++j;
        if (is_punct(t, j, ",")) ++j;
        if (is_num(t, j, 4, 4)) {
            if (!set_day(d, to_int(t[j].text), m, day)) return std::nullopt;
            k = j + 1;
        } else {
            Date timed;
            const std::size_t after = read_time(t, j, timed);
            if (after == j || !is_num(t, after, 4, 4)) return std::nullopt;
            if (!set_day(d, to_int(t[after].text), m, day)) return std::nullopt;
            d.has_time = timed.has_time;
            d.hour = timed.hour;
            d.minute = timed.minute;
            d.second = timed.second;
            d.has_zone = timed.has_zone;
            d.offset_minutes = timed.offset_minutes;
            *end = after + 1;
            return d;
        }
    } else if (is_num(t, i, 1, 2)) {
        // D Month YYYY / D. Month YYYY / D de Month de YYYY / Dth Month, YYYY
        std::size_t j = i + 1;
        if (j < t.size() && is_ordinal(t[j]) && !t[j].space_before) ++j;
        if (is_punct(t, j, ".")) ++j;
        if (is_word(t, j, "de") || is_word(t, j, "of")) ++j;
        if (j >= t.size()) return std::nullopt;
        const int named = month_number(t[j]);
        if (named == 0) return std::nullopt;
        ++j;
        if (is_punct(t, j, ".")) ++j;
        if (is_punct(t, j, ",")) ++j;
        if (is_word(t, j, "de") || is_word(t, j, "del")) ++j;
        if (!is_num(t, j, 4, 4)) return std::nullopt;
        if (!set_day(d, to_int(t[j].text), named, to_int(t[i].text))) return std::nullopt;
        k = j + 1;
    } else {
        return std::nullopt;
    }
    // A number right after the date ("2024-07-213") means it was not one.
    if (k < t.size() && t[k].kind == Kind::number && !t[k].space_before) return std::nullopt;
    *end = read_time(t, k, d);
    return d;
}

// Dates as bare digit strings: YYYYMMDD, YYYYMMDDHHMM[SS], Unix seconds or
// milliseconds.
std::optional<Date> parse_digits(std::string_view s) {
    Date d;
    if (s.size() == 8 || s.size() == 12 || s.size() == 14) {
        if (!set_day(d, to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)))) {
            return std::nullopt;
        }
        return d; // a time without a zone is dropped anyway
    }
    if (s.size() != 10 && s.size() != 13) return std::nullopt;
    std::int64_t secs = 0;
    for (char c : s.substr(0, 10)) secs = secs * 10 + (c - '0');
    // Civil-from-days (Howard Hinnant's algorithm), UTC.
    std::int64_t days = secs / 86400;
    const std::int64_t rem = secs % 86400;
    days += 719468;
    const std::int64_t era = days / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    if (year < 1995 || !set_day(d, year, month, day)) return std::nullopt;
    d.has_time = true;
    d.has_zone = true;
    d.hour = static_cast<int>(rem / 3600);
    d.minute = static_cast<int>(rem / 60 % 60);
    d.second = static_cast<int>(rem % 60);
    return d;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!is_ascii_digit(c)) return false;
    }
    return true;
}

// "oct/03..." or "october/3..." after a URL's "/2023/": the month by name
// and the day, each a whole path segment, as (month, day).
std::optional<std::pair<int, int>> named_month_day(std::string_view rest) {
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash < 3) return std::nullopt;
    const Token name{Kind::word, text::ascii_lower(rest.substr(0, slash)), false, 0, 0};
    const int month = month_number(name);
    if (month == 0) return std::nullopt;
    std::size_t digits = 0;
    while (slash + 1 + digits < rest.size() && is_ascii_digit(rest[slash + 1 + digits])) ++digits;
    const std::size_t end = slash + 1 + digits;
    if (digits == 0 || digits > 2 || (end < rest.size() && rest[end] != '/')) return std::nullopt;
    return std::make_pair(month, to_int(rest.substr(slash + 1, digits)));
}

} // namespace

std::optional<Date> parse_date(std::string_view text) {
    const std::string s = text::collapse_space(text);
    if (all_digits(s)) return parse_digits(s);
    const auto tokens = tokenize(s);
    // The value states one date: the first one, skipping labels and weekdays.
    for (std::size_t i = 0; i < tokens.size() && i < 12; ++i) {
        std::size_t end = 0;
        if (auto d = match_at(tokens, i, &end)) return d;
        // Only words and light punctuation may come before the date.
        if (tokens[i].kind == Kind::number) return std::nullopt;
    }
    return std::nullopt;
}

std::string format_date(const Date& d) {
    char buf[40];
    if (d.has_time && d.has_zone) {
        const int off = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month, d.day, d.hour,
                      d.minute, d.second, d.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return buf;
}

std::string normalise_date(std::string_view text) {
    const auto d = parse_date(text);
    return d ? format_date(*d) : std::string();
}

std::string find_date_in_text(std::string_view text) {
    const auto d = first_date_in_text(text);
    return d ? format_date(*d) : std::string();
}

std::optional<Date> first_date_in_text(std::string_view text) {
    auto found = dates_in_text(text::collapse_space(text), 1);
    if (found.empty()) return std::nullopt;
    return found.front().date;
}

std::vector<FoundDate> dates_in_text(std::string_view text, std::size_t max) {
    std::vector<FoundDate> out;
    const auto tokens = tokenize(text);
    for (std::size_t i = 0; i < tokens.size() && out.size() < max; ++i) {
        // Start only where a date can start: not inside a longer number run.
        if (i > 0 && tokens[i].kind == Kind::number && !tokens[i].space_before &&
            (tokens[i - 1].kind == Kind::number || is_punct(tokens, i - 1, "./-:"))) {
            continue;
        }
        std::size_t end = 0;
        if (auto d = match_at(tokens, i, &end)) {
            const std::size_t last = end > i ? end - 1 : i;
            out.push_back({*d, tokens[i].begin, tokens[std::min(last, tokens.size() - 1)].end});
            i = last;
        }
    }
    return out;
}

std::string date_from_url(std::string_view url) {
    // Only the path: hosts and query strings hold ids that look like dates.
    auto scheme = url.find("://");
    std::size_t start = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
    if (start == std::string_view::npos) return {};
    std::string_view path = url.substr(start);
    path = path.substr(0, path.find_first_of("?#"));
    auto digits_at = [&](std::size_t pos, std::size_t n) {
        if (pos + n > path.size()) return false;
        for (std::size_t k = 0; k < n; ++k) {
            if (!is_ascii_digit(path[pos + k])) return false;
        }
        return true;
    };
    auto boundary = [&](std::size_t pos) {
        return pos >= path.size() || !(is_ascii_digit(path[pos]) || is_letter_byte(path[pos]));
    };
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!(path[i] == '/' || path[i] == '-' || path[i] == '_')) continue;
        const std::size_t p = i + 1;
        if (!digits_at(p, 4)) continue;
        const int year = to_int(path.substr(p, 4));
        if (year < 1990 || year > k_max_year) continue;
        Date d;
        const char sep = p + 4 < path.size() ? path[p + 4] : '\0';
        if ((sep == '/' || sep == '-' || sep == '_') && digits_at(p + 5, 2) && p + 7 < path.size() &&
            path[p + 7] == sep && digits_at(p + 8, 2) && boundary(p + 10)) {
            if (set_day(d, year, to_int(path.substr(p + 5, 2)), to_int(path.substr(p + 8, 2)))) return format_date(d);
        } else if ((sep == '/' || sep == '-') && digits_at(p + 5, 2) && p + 7 < path.size() && path[p + 7] == sep &&
                   digits_at(p + 8, 1) && boundary(p + 9)) {
            if (set_day(d, year, to_int(path.substr(p + 5, 2)), to_int(path.substr(p + 8, 1)))) return format_date(d);
        } else if (digits_at(p, 8) && boundary(p + 8)) {
            if (set_day(d, year, to_int(path.substr(p + 4, 2)), to_int(path.substr(p + 6, 2)))) return format_date(d);
        } else if (sep == '/') {
            if (auto named = named_month_day(path.substr(p + 5))) {
                if (set_day(d, year, named->first, named->second)) return format_date(d);
            }
        }
    }
    return {};
}

} // namespace oped::indexer
