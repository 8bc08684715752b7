#include <oped/http/cite.hpp>

#include <oped/common/text.hpp>
#include <oped/http/html.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>

namespace oped::http::cite {
namespace {

constexpr std::array<const char*, 12> k_months = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
// MLA abbreviates months longer than four letters.
constexpr std::array<const char*, 12> k_mla_months = {"Jan.", "Feb.", "Mar.",  "Apr.", "May",  "June",
                                                      "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
constexpr std::array<const char*, 12> k_bib_months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

struct Date {
    std::string year;
    int month = 0; // 0: unknown
    int day = 0;
};

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

Date parse_date(std::string_view iso) {
    Date d;
    if (iso.size() < 4 || !digits(iso.substr(0, 4))) return d;
    d.year = std::string(iso.substr(0, 4));
    if (iso.size() >= 7 && iso[4] == '-' && digits(iso.substr(5, 2))) {
        d.month = std::stoi(std::string(iso.substr(5, 2)));
        if (d.month < 1 || d.month > 12) d.month = 0;
    }
    if (d.month != 0 && iso.size() >= 10 && iso[7] == '-' && digits(iso.substr(8, 2))) {
        d.day = std::stoi(std::string(iso.substr(8, 2)));
        if (d.day < 1 || d.day > 31) d.day = 0;
    }
    return d;
}

bool ends_with_stop(std::string_view s) {
    return !s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!');
}

// "Title." in quotes, with no second stop after one the title has.
std::string quoted_title(std::string_view title) {
    std::string t(title.empty() ? "Untitled" : title);
    return "\xE2\x80\x9C" + t + (ends_with_stop(t) ? "" : ".") + "\xE2\x80\x9D";
}

std::string inverted(const Name& n) { return n.given.empty() ? n.family : n.family + ", " + n.given; }
std::string natural(const Name& n) { return n.given.empty() ? n.family : n.given + " " + n.family; }

std::string initials(std::string_view given) {
    std::string out;
    std::size_t at = 0;
    while (at < given.size()) {
        while (at < given.size() && given[at] == ' ') ++at;
        if (at >= given.size()) break;
        const auto end = given.find(' ', at);
        const std::string_view word =
            given.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        // The first character, whole (it may be several UTF-8 bytes).
        std::size_t len = 1;
        while (len < word.size() && (static_cast<unsigned char>(word[len]) & 0xC0) == 0x80) ++len;
        if (!out.empty()) out += " ";
        out += std::string(word.substr(0, len)) + ".";
        if (end == std::string_view::npos) break;
        at = end + 1;
    }
    return out;
}

// "A, B, and C" (Chicago and MLA name the first inverted).
std::string listed(const std::vector<std::string>& authors) {
    std::string out;
    for (std::size_t i = 0; i < authors.size(); ++i) {
        const Name n = split_name(authors[i]);
        if (i == 0) {
            out += inverted(n);
            continue;
        }
        out += authors.size() == 2 ? ", and " : (i + 1 == authors.size() ? ", and " : ", ");
        out += natural(n);
    }
    return out;
}

std::string with_stop(std::string s) {
    if (!ends_with_stop(s)) s += ".";
    return s;
}

std::string url_without_scheme(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://"}) {
        if (text::starts_with_icase(url, scheme)) return std::string(url.substr(scheme.size()));
    }
    return std::string(url);
}

std::string bib_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\\':
                out += "\\textbackslash{}";
                break;
            case '{':
                out += "\\{";
                break;
            case '}':
                out += "\\}";
                break;
            case '&':
                out += "\\&";
                break;
            case '%':
                out += "\\%";
                break;
            case '$':
                out += "\\$";
                break;
            case '#':
                out += "\\#";
                break;
            case '_':
                out += "\\_";
                break;
            case '~':
                out += "\\textasciitilde{}";
                break;
            case '^':
                out += "\\textasciicircum{}";
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out.push_back(c);
        }
    }
    return out;
}

std::string bib_url(std::string_view url) {
    std::string out;
    for (char c : url) {
        if (c == '{')
            out += "%7B";
        else if (c == '}')
            out += "%7D";
        else if (c == '\\')
            out += "%5C";
        else if (c == '%')
            out += "\\%";
        else if (c == '#')
            out += "\\#";
        else
            out.push_back(c);
    }
    return out;
}

std::string ascii_word(std::string_view s) {
    std::string out;
    for (char c : text::fold_case(s)) {
        if (c >= 'a' && c <= 'z') out.push_back(c);
    }
    return out;
}

std::string bib_key(const Article& a, std::string_view id) {
    std::string key;
    if (!a.authors.empty()) key = ascii_word(split_name(a.authors.front()).family);
    key += parse_date(a.published).year;
    // The first word of the title that is not an article or a number.
    std::size_t at = 0;
    const std::string title = text::fold_case(a.title);
    while (at < title.size()) {
        const auto end = title.find(' ', at);
        const std::string word = ascii_word(title.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (word.size() > 3 && word != "the") {
            key += word;
            break;
        }
        if (end == std::string::npos) break;
        at = end + 1;
    }
    if (key.empty() || !(key[0] >= 'a' && key[0] <= 'z')) key = "oped" + std::string(id.substr(0, 8)) + key;
    return key;
}

std::string long_date(const Date& d) { // "December 6, 2026"
    std::string out;
    if (d.month != 0) out += k_months[d.month - 1] + std::string(d.day != 0 ? " " + std::to_string(d.day) + ", " : " ");
    return out + d.year;
}

std::string mla_date(const Date& d) { // "6 Dec. 2026"
    std::string out;
    if (d.day != 0) out += std::to_string(d.day) + " ";
    if (d.month != 0) out += std::string(k_mla_months[d.month - 1]) + " ";
    return out + d.year;
}

// RIS values are one line each.
std::string ris_value(std::string_view s) {
    std::string out;
    for (char c : s) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c);
    return text::collapse_space(out);
}

// "1787-10-27" -> "1787/10/27/", "1788-05" -> "1788/05//" (RIS dates).
std::string ris_date(const Date& d) {
    char buf[16];
    std::string out = d.year + "/";
    if (d.month != 0) {
        std::snprintf(buf, sizeof buf, "%02d", d.month);
        out += buf;
    }
    out += "/";
    if (d.day != 0) {
        std::snprintf(buf, sizeof buf, "%02d", d.day);
        out += buf;
    }
    return out + "/";
}

} // namespace

Name split_name(std::string_view display) {
    const std::string s = text::collapse_space(display);
    Name n;
    if (const auto comma = s.find(','); comma != std::string::npos) {
        n.family = text::collapse_space(s.substr(0, comma));
        n.given = text::collapse_space(s.substr(comma + 1));
        return n;
    }
    const auto space = s.rfind(' ');
    if (space == std::string::npos) {
        n.family = s;
        return n;
    }
    n.given = s.substr(0, space);
    n.family = s.substr(space + 1);
    return n;
}

Reference chicago(const Article& a, const Access& access) {
    const std::string url = html::external_url(a.url);
    Reference r;
    if (!a.authors.empty()) r.push_back({with_stop(listed(a.authors)) + " "});
    r.push_back({quoted_title(a.title)});
    const Date d = parse_date(a.published);
    if (!a.site.empty()) {
        r.push_back({" "});
        r.push_back({a.site, true});
    }
    const std::string date = d.year.empty() ? "n.d." : long_date(d);
    r.push_back({(a.site.empty() ? " " : ", ") + with_stop(date)});
    const Date seen = parse_date(access.day);
    if (!seen.year.empty()) r.push_back({" Accessed " + long_date(seen) + "."});
    if (!access.archive_url.empty()) r.push_back({" " + access.archive_url + "."});
    if (!url.empty()) r.push_back({" Originally published at " + url + "."});
    return r;
}

Reference mla(const Article& a, const Access& access) {
    const std::string url = html::external_url(a.url);
    Reference r;
    if (a.authors.size() == 1 || a.authors.size() == 2) {
        r.push_back({with_stop(listed(a.authors)) + " "});
    } else if (a.authors.size() > 2) {
        r.push_back({inverted(split_name(a.authors.front())) + ", et al. "});
    }
    r.push_back({quoted_title(a.title)});
    if (!a.site.empty()) {
        r.push_back({" "});
        r.push_back({a.site, true});
    }
    const Date d = parse_date(a.published);
    std::string rest;
    if (!d.year.empty()) rest += mla_date(d);
    if (!access.archive_url.empty()) rest += (rest.empty() ? "" : ", ") + url_without_scheme(access.archive_url);
    if (!rest.empty()) r.push_back({(a.site.empty() ? " " : ", ") + rest});
    r.push_back({"."});
    const Date seen = parse_date(access.day);
    if (!seen.year.empty()) r.push_back({" Accessed " + mla_date(seen) + "."});
    if (!url.empty()) r.push_back({" Originally published at " + url_without_scheme(url) + "."});
    return r;
}

Reference apa(const Article& a, const Access& access) {
    const std::string url = html::external_url(a.url);
    Reference r;
    std::string who;
    const std::size_t count = std::min<std::size_t>(a.authors.size(), 20); // APA lists up to 20
    for (std::size_t i = 0; i < count; ++i) {
        const Name n = split_name(a.authors[i]);
        if (i > 0) who += i + 1 == count ? ", & " : ", ";
        who += n.given.empty() ? n.family : n.family + ", " + initials(n.given);
    }
    const Date d = parse_date(a.published);
    std::string date = d.year.empty() ? "n.d." : d.year;
    if (d.month != 0)
        date += ", " + std::string(k_months[d.month - 1]) + (d.day != 0 ? " " + std::to_string(d.day) : "");
    const std::string title = a.title.empty() ? "Untitled" : a.title;
    if (who.empty()) {
        r.push_back({with_stop(title) + " (" + date + ")."});
    } else {
        r.push_back({with_stop(who) + " (" + date + "). " + with_stop(title)});
    }
    if (!a.site.empty()) {
        r.push_back({" "});
        r.push_back({a.site, true});
        r.push_back({"."});
    }
    const Date seen = parse_date(access.day);
    if (!access.archive_url.empty()) {
        r.push_back({seen.year.empty() ? " " + access.archive_url
                                       : " Retrieved " + long_date(seen) + ", from " + access.archive_url});
    }
    if (!url.empty()) r.push_back({" (originally published at " + url + ")"});
    return r;
}

std::string bibtex(const Article& a, std::string_view id, const Access& access) {
    std::string out = "@article{" + bib_key(a, id) + ",\n";
    auto field = [&](std::string_view name, const std::string& value) {
        std::string line = "  " + std::string(name);
        line.resize(std::max<std::size_t>(line.size(), 10), ' ');
        out += line + "= " + value + ",\n";
    };
    if (!a.authors.empty()) {
        std::string names;
        for (const auto& author : a.authors) {
            if (!names.empty()) names += " and ";
            names += bib_escape(inverted(split_name(author)));
        }
        field("author", "{" + names + "}");
    }
    field("title", "{{" + bib_escape(a.title.empty() ? "Untitled" : a.title) + "}}");
    if (!a.site.empty()) field("journal", "{" + bib_escape(a.site) + "}");
    const Date d = parse_date(a.published);
    if (!d.year.empty()) field("year", "{" + d.year + "}");
    if (d.month != 0) field("month", k_bib_months[d.month - 1]);
    if (d.day != 0) field("date", "{" + a.published.substr(0, 10) + "}");
    if (!access.archive_url.empty()) field("url", "{" + bib_url(access.archive_url) + "}");
    if (!parse_date(access.day).year.empty()) field("urldate", "{" + access.day.substr(0, 10) + "}");
    if (const std::string url = html::external_url(a.url); !url.empty())
        field("note", "{Originally published at \\url{" + bib_url(url) + "}}");
    out.erase(out.size() - 2, 1); // no comma after the last field
    out += "}\n";
    return out;
}

std::string ris(const Article& a, const Access& access) {
    std::string out;
    auto line = [&](std::string_view tag, std::string_view value) {
        const std::string v = ris_value(value);
        if (!v.empty()) out += std::string(tag) + "  - " + v + "\r\n";
    };
    out += a.site.empty() ? "TY  - ELEC\r\n" : "TY  - NEWS\r\n";
    line("TI", a.title.empty() ? "Untitled" : a.title);
    for (const auto& author : a.authors) line("AU", inverted(split_name(author)));
    const Date d = parse_date(a.published);
    if (!d.year.empty()) {
        line("PY", d.year);
        line("DA", ris_date(d));
    }
    line("T2", a.site);
    line("LA", a.language);
    line("UR", access.archive_url);
    if (const Date seen = parse_date(access.day); !seen.year.empty()) line("Y2", ris_date(seen));
    if (const std::string url = html::external_url(a.url); !url.empty()) line("N1", "Originally published at " + url);
    out += "ER  - \r\n";
    return out;
}

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return buf;
}

std::string plain(const Reference& ref) {
    std::string out;
    for (const auto& part : ref) out += part.text;
    return out;
}

std::string to_html(const Reference& ref) {
    std::string out;
    for (const auto& part : ref) {
        if (part.italic) {
            out += "<i>" + html::escape(part.text) + "</i>";
        } else {
            out += html::escape(part.text);
        }
    }
    return out;
}

} // namespace oped::http::cite
