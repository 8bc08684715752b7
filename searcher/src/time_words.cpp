#include <oped/searcher/time_words.hpp>

#include <array>
#include <cctype>
#include <vector>

namespace oped::searcher {
namespace {

using namespace std::chrono;

// ---- word lists (English) ----
constexpr std::array<std::string_view, 12> k_months = {"january",   "february", "march",    "april",
                                                       "may",       "june",     "july",     "august",
                                                       "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 12> k_month_abbreviations = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                    "jul", "aug", "sep", "oct", "nov", "dec"};
// ---- end of word lists ----

constexpr int k_first_year = 1000;
constexpr int k_last_year = 2999;

struct Token {
    std::string lower; // ASCII case folded
    std::size_t begin = 0;
    std::size_t end = 0;
    bool readable = true; // outside quotes, not a field
};

std::vector<Token> tokens_of(std::string_view q) {
    std::vector<Token> out;
    bool quoted = false;
    std::size_t i = 0;
    while (i < q.size()) {
        if (std::isspace(static_cast<unsigned char>(q[i])) != 0) {
            ++i;
            continue;
        }
        Token t;
        t.begin = i;
        const bool starts_quoted = quoted;
        bool has_quote = false;
        while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i])) == 0) {
            if (q[i] == '"') {
                quoted = !quoted;
                has_quote = true;
            }
            t.lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(q[i]))));
            ++i;
        }
        t.end = i;
        t.readable = !starts_quoted && !has_quote && t.lower.find(':') == std::string::npos;
        // A trailing comma or full stop does not make a year another word.
        while (!t.lower.empty() && (t.lower.back() == ',' || t.lower.back() == '.')) t.lower.pop_back();
        out.push_back(std::move(t));
    }
    return out;
}

std::optional<int> number(std::string_view s, std::size_t digits_min, std::size_t digits_max) {
    if (s.size() < digits_min || s.size() > digits_max) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::optional<int> year_of(std::string_view s) {
    auto y = number(s, 4, 4);
    if (!y || *y < k_first_year || *y > k_last_year) return std::nullopt;
    return y;
}

std::optional<unsigned> month_named(std::string_view s) {
    for (unsigned i = 0; i < k_months.size(); ++i) {
        if (s == k_months[i] || s == k_month_abbreviations[i]) return i + 1;
    }
    return std::nullopt;
}

// A stretch of days a date as typed can mean: "1787" the year, "March 1787" or
// "1787-03" its month, "1787-03-05" one day.
struct Span {
    year_month_day first;
    year_month_day last;
    int precision = 0; // 1 year, 2 month, 3 day
    std::size_t tokens = 1;
};

Span year_span(int y) { return {year{y} / January / 1, year{y} / December / 31, 1, 1}; }

Span month_span(int y, unsigned m) {
    const year_month ym{year{y}, month{m}};
    return {ym / 1, year_month_day{ym / last}, 2, 1};
}

// The date that starts at token i.
std::optional<Span> date_at(const std::vector<Token>& t, std::size_t i) {
    if (i >= t.size() || !t[i].readable) return std::nullopt;
    const std::string& w = t[i].lower;
    if (auto y = year_of(w)) return year_span(*y);
    if (auto m = month_named(w); m && i + 1 < t.size() && t[i + 1].readable) {
        if (auto y = year_of(t[i + 1].lower)) {
            Span s = month_span(*y, *m);
            s.tokens = 2;
            return s;
        }
    }
    // 1787-03 and 1787-03-05
    if (w.size() == 7 && w[4] == '-') {
        auto y = year_of(w.substr(0, 4));
        auto m = number(w.substr(5, 2), 2, 2);
        if (y && m && *m >= 1 && *m <= 12) return month_span(*y, static_cast<unsigned>(*m));
    }
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
        auto y = year_of(w.substr(0, 4));
        auto m = number(w.substr(5, 2), 2, 2);
        auto d = number(w.substr(8, 2), 2, 2);
        if (y && m && d) {
            const year_month_day day{year{*y}, month{static_cast<unsigned>(*m)},
                                     ::std::chrono::day{static_cast<unsigned>(*d)}};
            if (day.ok()) return Span{day, day, 3, 1};
        }
    }
    return std::nullopt;
}

std::string iso(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

std::string spoken(year_month_day d) {
    std::string month_name(k_months[static_cast<unsigned>(d.month()) - 1]);
    month_name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(month_name[0])));
    return std::to_string(static_cast<unsigned>(d.day())) + " " + month_name + " " +
           std::to_string(static_cast<int>(d.year()));
}

// "1787", "March 1787" or "5 March 1787", as precise as typed.
std::string spoken_span(const Span& s) {
    if (s.precision == 1) return std::to_string(static_cast<int>(s.first.year()));
    if (s.precision == 2) {
        std::string full = spoken(s.first);
        return full.substr(full.find(' ') + 1);
    }
    return spoken(s.first);
}

year_month_day day_before(year_month_day d) { return year_month_day{sys_days{d} - days{1}}; }
year_month_day day_after(year_month_day d) { return year_month_day{sys_days{d} + days{1}}; }

struct Match {
    std::size_t first_token = 0;
    std::size_t tokens = 0;
    std::optional<year_month_day> from;
    std::optional<year_month_day> to;
    std::string reading;
};

bool word_is(const std::vector<Token>& t, std::size_t i, std::initializer_list<std::string_view> words) {
    if (i >= t.size() || !t[i].readable) return false;
    for (auto w : words) {
        if (t[i].lower == w) return true;
    }
    return false;
}

std::optional<Match> range_match(const Span& a, const Span& b, std::size_t start, std::size_t tokens) {
    if (sys_days{b.last} < sys_days{a.first}) return std::nullopt;
    Match m{start, tokens, a.first, b.last, ""};
    m.reading = "published from " + spoken(a.first) + " to " + spoken(b.last);
    return m;
}

// "last 6 months", "past 2 years", "last year", "this year".
std::optional<Match> relative_at(const std::vector<Token>& t, std::size_t i, year_month_day today) {
    if (word_is(t, i, {"this"}) && word_is(t, i + 1, {"year", "month"})) {
        const bool is_year = t[i + 1].lower == "year";
        const year_month_day from = is_year ? today.year() / January / 1 : today.year() / today.month() / 1;
        return Match{i, 2, from, today, "published this " + t[i + 1].lower + ", since " + spoken(from)};
    }
    if (!word_is(t, i, {"last", "past"})) return std::nullopt;
    std::size_t j = i + 1;
    long n = 1;
    bool counted = false;
    if (j < t.size() && t[j].readable) {
        if (auto k = number(t[j].lower, 1, 3); k && *k > 0) {
            n = *k;
            counted = true;
            ++j;
        }
    }
    if (j >= t.size() || !t[j].readable) return std::nullopt;
    std::string unit = t[j].lower;
    if (counted && unit.size() > 1 && unit.back() == 's') unit.pop_back();
    if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return std::nullopt;
    if (!counted && t[i].lower == "last" && (unit == "year" || unit == "month")) {
        // "last year": the calendar year before this one; "last month" likewise.
        if (unit == "year") {
            const int y = static_cast<int>(today.year()) - 1;
            const Span s = year_span(y);
            return Match{i, 2, s.first, s.last, "published last year, in " + std::to_string(y)};
        }
        const year_month previous = year_month{today.year(), today.month()} - months{1};
        const Span s = month_span(static_cast<int>(previous.year()), static_cast<unsigned>(previous.month()));
        return Match{i, 2, s.first, s.last, "published last month, in " + spoken_span(s)};
    }
    year_month_day from = today;
    if (unit == "day") from = year_month_day{sys_days{today} - days{n}};
    if (unit == "week") from = year_month_day{sys_days{today} - days{7 * n}};
    if (unit == "month" || unit == "year") {
        const months back = unit == "month" ? months{n} : months{12 * n};
        const year_month ym = year_month{today.year(), today.month()} - back;
        year_month_day shifted{ym.year(), ym.month(), today.day()};
        if (!shifted.ok()) shifted = year_month_day{shifted.year() / shifted.month() / last};
        from = shifted;
    }
    std::string phrase = t[i].lower + " ";
    if (counted)
        phrase += std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
    else
        phrase += unit;
    return Match{i, j + 1 - i, from, today, "published in the " + phrase + ", since " + spoken(from)};
}

std::optional<Match> match_at(const std::vector<Token>& t, std::size_t i, year_month_day today) {
    if (!t[i].readable) return std::nullopt;
    const std::string& w = t[i].lower;
    // from 1787 to 1788, between 1787 and 1788 ("letters from 1787" alone is
    // not read: it may mean written in 1787)
    if (w == "from" || w == "between") {
        if (auto a = date_at(t, i + 1)) {
            const std::size_t link = i + 1 + a->tokens;
            if (word_is(t, link, {"to", "and", "until", "-"})) {
                if (auto b = date_at(t, link + 1)) return range_match(*a, *b, i, link + 1 + b->tokens - i);
            }
        }
        return std::nullopt;
    }
    if (w == "since" || w == "after") {
        if (auto a = date_at(t, i + 1)) {
            const year_month_day from = w == "since" ? a->first : day_after(a->last);
            return Match{i, 1 + a->tokens, from, std::nullopt, "published since " + spoken(from)};
        }
        return std::nullopt;
    }
    if (w == "before") {
        if (auto a = date_at(t, i + 1)) {
            const year_month_day to = day_before(a->first);
            return Match{i, 1 + a->tokens, std::nullopt, to, "published before " + spoken(a->first)};
        }
        return std::nullopt;
    }
    if (w == "until" || w == "till" || w == "through") {
        if (auto a = date_at(t, i + 1)) {
            return Match{i, 1 + a->tokens, std::nullopt, a->last, "published until " + spoken(a->last)};
        }
        return std::nullopt;
    }
    if (w == "in" || w == "during") {
        if (auto a = date_at(t, i + 1)) {
            return Match{i, 1 + a->tokens, a->first, a->last, "published in " + spoken_span(*a)};
        }
        return std::nullopt;
    }
    if (auto relative = relative_at(t, i, today)) return relative;
    // 1787-1788 (a hyphen or an en dash)
    for (std::string_view dash : {"-", "\xE2\x80\x93"}) {
        if (w.size() == 8 + dash.size() && w.compare(4, dash.size(), dash) == 0) {
            auto a = year_of(w.substr(0, 4));
            auto b = year_of(w.substr(4 + dash.size()));
            if (a && b) return range_match(year_span(*a), year_span(*b), i, 1);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<TimeWords> read_time_words(std::string_view query, year_month_day today) {
    const std::vector<Token> tokens = tokens_of(query);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto m = match_at(tokens, i, today);
        if (!m) continue;
        const std::size_t begin = tokens[m->first_token].begin;
        const std::size_t end = tokens[m->first_token + m->tokens - 1].end;
        TimeWords out;
        out.text = std::string(query.substr(begin, end - begin));
        std::string before(query.substr(0, begin));
        std::string after(query.substr(end));
        while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back())) != 0) before.pop_back();
        std::size_t skip = 0;
        while (skip < after.size() && std::isspace(static_cast<unsigned char>(after[skip])) != 0) ++skip;
        after.erase(0, skip);
        out.rest = std::move(before);
        if (!out.rest.empty() && !after.empty()) out.rest += ' ';
        out.rest += after;
        if (m->from) out.from = iso(*m->from);
        if (m->to) out.to = iso(*m->to);
        out.reading = std::move(m->reading);
        return out;
    }
    return std::nullopt;
}

year_month_day today_utc() { return year_month_day{floor<days>(system_clock::now())}; }

} // namespace oped::searcher
