#include <oped/indexer/authors.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/dates.hpp>
#include <oped/indexer/title.hpp>

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace oped::indexer {
namespace {

constexpr std::size_t k_max_name_words = 6;
constexpr std::size_t k_max_name_bytes = 80;

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) out.push_back(*it);
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) text::append_utf8(out, c);
    return out;
}

bool is_letter(char32_t c) {
    using Xapian::Unicode::get_category;
    const auto cat = get_category(static_cast<unsigned>(c));
    return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::LOWERCASE_LETTER ||
           cat == Xapian::Unicode::TITLECASE_LETTER || cat == Xapian::Unicode::MODIFIER_LETTER ||
           cat == Xapian::Unicode::OTHER_LETTER;
}

bool is_upper(char32_t c) { return Xapian::Unicode::get_category(c) == Xapian::Unicode::UPPERCASE_LETTER; }
bool is_lower(char32_t c) { return Xapian::Unicode::get_category(c) == Xapian::Unicode::LOWERCASE_LETTER; }

// Scripts written without spaces between names.
bool is_unspaced_script(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

std::string join_words(const std::vector<std::string>& words, std::size_t from = 0,
                       std::size_t to = std::string::npos) {
    std::string out;
    to = std::min(to, words.size());
    for (std::size_t k = from; k < to; ++k) {
        if (!out.empty()) out.push_back(' ');
        out += words[k];
    }
    return out;
}

// A word folded and stripped of surrounding punctuation, for table look-ups.
std::string bare(std::string_view word) {
    std::string w = text::fold_case(word);
    const std::string_view punct = ".,;:!?()[]\"'|-";
    while (!w.empty() && punct.find(w.back()) != std::string_view::npos) w.pop_back();
    while (!w.empty() && punct.find(w.front()) != std::string_view::npos) w.erase(0, 1);
    return w;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view w) {
    return std::find(table.begin(), table.end(), w) != table.end();
}

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_by_lead_ins;
using lexicon::k_by_words;
using lexicon::k_calendar_words;
using lexicon::k_conjunctions;
using lexicon::k_credentials;
using lexicon::k_credit_lead_ins;
using lexicon::k_date_words;
using lexicon::k_interface_words;
using lexicon::k_job_titles;
using lexicon::k_other_credits;
using lexicon::k_particles;
using lexicon::k_role_modifiers;
using lexicon::k_role_words;
using lexicon::k_suffixes;
using lexicon::k_trailing_furniture;
using lexicon::k_with_openers;

bool is_url_or_contact(std::string_view w) {
    const std::string l = text::ascii_lower(w);
    if (l.find("http") != std::string::npos || l.find("www.") != std::string::npos) return true;
    if (l.find('@') != std::string::npos) return true; // e-mail or @handle
    if (l.find(".com") != std::string::npos || l.find('/') != std::string::npos) return true;
    return false;
}

// Removes URLs, e-mail addresses and @handles, with the brackets around them.
std::string drop_contacts(std::string_view s) {
    std::vector<std::string> kept;
    for (auto& w : split_words(s)) {
        if (!is_url_or_contact(w)) kept.push_back(w);
    }
    std::string out = join_words(kept);
    // Brackets left empty: "()" or "( )".
    for (auto pos = out.find('('); pos != std::string::npos; pos = out.find('(', pos + 1)) {
        auto close = out.find(')', pos);
        if (close == std::string::npos) break;
        bool empty = true;
        for (auto k = pos + 1; k < close; ++k) {
            if (out[k] != ' ') empty = false;
        }
        if (empty) {
            out.erase(pos, close - pos + 1);
            pos = pos == 0 ? 0 : pos - 1;
        }
    }
    return text::collapse_space(out);
}

std::string trim_punct(std::string s) {
    // Single bytes, ASCII only: a byte of a multi-byte character must never
    // match on its own (the lead byte of "·" is also that of "§" and "é").
    const std::string_view edge = " ,;:|-*/&";
    auto is_edge = [&](std::string_view str, bool back) {
        if (str.empty()) return std::size_t{0};
        // Multi-byte dashes, bullets, middle dot and no-break space.
        for (std::string_view m : {"\u2013", "\u2014", "\u2015", "\u2022", "\u00B7", "\u2012", "\u00A0", "\u25CF",
                                   "\u25AA", "\u2219", "\u22C5"}) {
            if (back ? str.ends_with(m) : str.starts_with(m)) return m.size();
        }
        const char c = back ? str.back() : str.front();
        return edge.find(c) != std::string_view::npos ? std::size_t{1} : std::size_t{0};
    };
    for (std::size_t n; (n = is_edge(s, true)) != 0;) s.erase(s.size() - n);
    for (std::size_t n; (n = is_edge(s, false)) != 0;) s.erase(0, n);
    return s;
}

// "By", "Written by", "Par", "Author:" and honorifics at the start.
std::string strip_lead_ins(std::string s) {
    for (int round = 0; round < 4; ++round) {
        s = trim_punct(s);
        auto words = split_words(s);
        if (words.size() < 2) break;
        const std::string first = bare(words[0]);
        std::size_t drop = 0;
        if (in(k_by_lead_ins, first) && words.size() > 2 && (bare(words[1]) == "by" || words[0].ends_with(":"))) {
            drop = bare(words[1]) == "by" ? 2 : 1;
        } else if ((first == "author" || first == "authors") && words.size() >= 3) {
            drop = 1; // "Author Jane Doe": a label run into the name
        } else if (words.size() >= 3 && in(k_credit_lead_ins, first + " " + bare(words[1]))) {
            drop = 2; // "Insights from Jane Doe"
        } else if (in(k_by_lead_ins, first) && words[0].ends_with(":")) {
            drop = 1;
        } else if (in(k_by_words, first) && (first == "by" || words.size() >= 3 || words[0].ends_with(":"))) {
            // "Von Miller" is a name; "Von Max Muster" is a byline.
            drop = 1;
        }
        if (drop == 0) break;
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(drop));
        s = join_words(words);
    }
    return trim_punct(s);
}

// Cuts a date or time stuck on the end: "Lucas Nolan22 Dec 2016",
// "Nathan Willis March 25, 2015", "Jane Doe, Updated 3:45 pm".
std::string strip_trailing_date(std::string s) {
    const auto digit = s.find_first_of("0123456789");
    if (digit == std::string::npos) return s;
    // Only a tail that is a date or a time goes; "CC7567" is a user name.
    const std::string tail = s.substr(digit);
    const auto tail_words = split_words(tail);
    const bool time_like = tail.size() >= 4 && (tail[1] == ':' || tail[2] == ':');
    const bool day_month = tail_words.size() >= 2 && in(k_calendar_words, bare(tail_words[1]));
    // The start of the line may hold the date's month or weekday: "Lucas
    // Nolan March 25, 2015" reads its date from "March".
    const auto head_words = split_words(s.substr(0, digit));
    const bool month_before = !head_words.empty() && in(k_calendar_words, bare(head_words.back()));
    if (!time_like && !day_month && !month_before && find_date_in_text(tail).empty()) return s;
    s.erase(digit);
    auto words = split_words(s);
    while (!words.empty()) {
        const std::string w = bare(words.back());
        if (w.empty() || in(k_calendar_words, w) || in(k_date_words, w) || w == "tuesday" || w == "wednesday" ||
            w == "thursday" || w == "saturday" || w == "sunday") {
            words.pop_back();
        } else {
            break;
        }
    }
    return trim_punct(join_words(words));
}

bool has_role_word(std::string_view part) {
    for (auto& w : split_words(part)) {
        if (in(k_role_words, bare(w))) return true;
    }
    return false;
}

std::string capitalise_word(std::u32string w) {
    bool start = true;
    for (std::size_t k = 0; k < w.size(); ++k) {
        const char32_t c = w[k];
        if (is_letter(c)) {
            w[k] = start ? static_cast<char32_t>(Xapian::Unicode::toupper(c))
                         : static_cast<char32_t>(Xapian::Unicode::tolower(c));
            start = false;
        } else {
            // After a hyphen, or an apostrophe behind one letter ("O'Neil").
            start = c == U'-' || ((c == U'\'' || c == U'\u2019') && k == 1);
        }
    }
    return to_utf8(w);
}

// ALL CAPITALS or all lower case to capitals on each word; mixed case is
// the page's own spelling and stays.
std::string fix_case(const std::string& name) {
    const std::u32string u = to_u32(name);
    std::size_t upper = 0;
    std::size_t lower = 0;
    for (char32_t c : u) {
        if (is_upper(c)) ++upper;
        if (is_lower(c)) ++lower;
    }
    const bool all_caps = upper >= 2 && lower == 0;
    const bool all_lower = lower >= 2 && upper == 0;
    if (!all_caps && !all_lower) return name;
    auto words = split_words(name);
    if (all_lower && words.size() < 2) return name; // a user name, not a name to respell
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string b = bare(words[k]);
        if (k > 0 && k + 1 < words.size() && in(k_particles, b)) {
            words[k] = text::fold_case(words[k]);
        } else {
            words[k] = capitalise_word(to_u32(words[k]));
        }
    }
    return join_words(words);
}

// "J.R.R." / "J. R. R." / "J R R" to "J. R. R.": a single capital letter,
// with or without a dot, is an initial unless it ends the name.
std::string fix_initials(const std::string& name) {
    auto words = split_words(name);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::u32string u = to_u32(words[k]);
        // Letters separated by dots: "J.R.R.", "J.", "J.R".
        bool dotted = !u.empty() && is_upper(u[0]);
        std::size_t letters = 0;
        for (std::size_t i = 0; dotted && i < u.size(); ++i) {
            if (i % 2 == 0) {
                dotted = is_upper(u[i]);
                ++letters;
            } else {
                dotted = u[i] == U'.';
            }
        }
        const bool last = k + 1 == words.size();
        const bool has_dot = u.find(U'.') != std::u32string::npos;
        if (dotted && (has_dot || (letters == 1 && !last && words.size() > 1))) {
            for (std::size_t i = 0; i < u.size(); i += 2) out.push_back(to_utf8(u.substr(i, 1)) + ".");
        } else {
            out.push_back(words[k]);
        }
    }
    return join_words(out);
}

bool all_capitals(std::string_view s) {
    std::size_t upper = 0;
    for (char32_t c : to_u32(s)) {
        if (is_lower(c)) return false;
        if (is_upper(c)) ++upper;
    }
    return upper >= 2;
}

// The same name twice or more in a row (a link and its label both read):
// "Jane Doe Jane Doe" to "Jane Doe".
std::string without_repeats(const std::string& s) {
    auto words = split_words(s);
    for (std::size_t n = 1; n * 2 <= words.size(); ++n) {
        if (words.size() % n != 0) continue;
        bool repeated = true;
        for (std::size_t k = n; k < words.size() && repeated; ++k) {
            repeated = text::fold_case(words[k]) == text::fold_case(words[k % n]);
        }
        if (repeated) {
            words.resize(n);
            return join_words(words);
        }
    }
    return s;
}

// Furniture and a person's job title run into the name: "Jane Doe Last
// updated", "Jane Doe Staff Writer". "Editorial Team" and "Travel Desk"
// name a group, and a word in capitals ("AAA Travel Editor") an
// organisation: they stay.
std::string without_trailing_title(const std::string& s) {
    auto words = split_words(s);
    while (words.size() > 2 && in(k_trailing_furniture, bare(words.back()))) words.pop_back();
    if (words.size() > 2 && in(k_job_titles, bare(words.back()))) {
        std::size_t keep = words.size() - 1;
        while (keep > 2 && (in(k_role_words, bare(words[keep - 1])) || in(k_role_modifiers, bare(words[keep - 1])))) {
            --keep;
        }
        bool capitals = false;
        for (std::size_t k = 0; k < keep; ++k) capitals = capitals || all_capitals(words[k]);
        const std::string before = bare(words[keep - 1]);
        if (!capitals && before != "editorial" && before != "travel") words.resize(keep);
    }
    return trim_punct(join_words(words));
}

bool looks_like_sentence(const std::vector<std::string>& words) {
    if (words.size() > k_max_name_words) return true;
    std::size_t lower_initial = 0;
    for (auto& w : words) {
        const std::u32string u = to_u32(w);
        if (!u.empty() && is_lower(u[0]) && !in(k_particles, bare(w))) ++lower_initial;
    }
    return words.size() >= 3 && lower_initial * 2 > words.size();
}

} // namespace

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string author_key(std::string_view name) {
    std::string out;
    bool space = false;
    for (Xapian::Utf8Iterator it(name.data(), name.size()), end; it != end; ++it) {
        const char32_t c = *it;
        if (is_letter(c) || (c >= U'0' && c <= U'9')) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            text::append_utf8(out, static_cast<char32_t>(Xapian::Unicode::tolower(c)));
        } else if (c != U'\'' && c != U'\u2019') {
            space = true;
        }
    }
    return out;
}

bool names_a_role(std::string_view part) { return has_role_word(part); }

bool is_name_like(std::string_view name) {
    if (split_words(name).size() >= 2) return true;
    for (char32_t c : to_u32(name)) {
        if (is_unspaced_script(c)) return true;
    }
    return false;
}

// What a script or a template printed where the name should have been: a
// JavaScript value ("undefined", "null", "NaN", "[object Object]"), a
// placeholder left unfilled ("{{ author }}", "${author}", "<%= author %>",
// "%author%") or a template's key path naming the field
// ("post.author.name", "page.head.extra.author"; "sara.r.peter" is a user
// name).
bool unfilled_template(std::string_view s) {
    const std::string l = text::ascii_lower(s);
    for (std::string_view value : {"undefined", "null", "nan", "[object object]"}) {
        if (l == value) return true;
    }
    for (std::string_view mark : {"{{", "}}", "${", "<%", "%>"}) {
        if (l.find(mark) != std::string::npos) return true;
    }
    if (l.size() > 2 && l.front() == '%' && l.back() == '%') return true;
    const auto dot = l.rfind('.');
    if (dot == std::string::npos || l.find(' ') != std::string::npos) return false;
    const bool identifier = std::all_of(l.begin(), l.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
    const std::string_view key = std::string_view(l).substr(dot + 1);
    return identifier && (key == "author" || key == "authors" || key == "name" || key == "author_name" ||
                          key == "authorname" || key == "byline" || key == "display_name" || key == "displayname");
}

std::string normalise_author(std::string_view raw) {
    std::string s = text::collapse_space(raw);
    if (unfilled_template(s)) return {};
    s = drop_contacts(s);
    s = strip_lead_ins(s);
    s = strip_trailing_date(s);
    // Comma parts: a generational suffix stays, credentials and job titles go,
    // "Last, First" turns round.
    std::vector<std::string> parts;
    {
        std::size_t start = 0;
        while (start <= s.size()) {
            auto comma = s.find(',', start);
            if (comma == std::string::npos) comma = s.size();
            std::string part = trim_punct(s.substr(start, comma - start));
            const std::string b = bare(part);
            if (!part.empty()) {
                if (in(k_suffixes, b) && !parts.empty()) {
                    parts.back() += " " + part;
                } else if (!in(k_credentials, b) && !(parts.size() >= 1 && has_role_word(part))) {
                    parts.push_back(part);
                }
            }
            start = comma + 1;
        }
    }
    if (parts.empty()) return {};
    if (parts.size() == 2 && split_words(parts[0]).size() == 1 && split_words(parts[1]).size() <= 3) {
        s = parts[1] + " " + parts[0];
    } else {
        s = parts[0];
    }
    s = strip_lead_ins(s);
    s = without_repeats(s);
    s = without_trailing_title(s);
    // Trailing credentials written without a comma are left alone: "Jane
    // Doe MD" is rare and "Jane Ma" is a name.
    if (s.empty() || s.size() > k_max_name_bytes) return {};
    const auto words = split_words(s);
    if (looks_like_sentence(words)) return {};
    if (s.find_first_of("0123456789?!") != std::string::npos) return {};
    bool any_letter = false;
    for (char32_t c : to_u32(s)) any_letter = any_letter || is_letter(c);
    if (!any_letter) return {};
    bool all_interface = true;
    for (auto& w : words) all_interface = all_interface && in(k_interface_words, bare(w));
    if (all_interface) return {};
    return fix_initials(fix_case(s));
}

std::vector<std::string> split_byline(std::string_view byline) {
    std::string s = text::collapse_space(byline);
    s = drop_contacts(s);
    // "A (with B and C)" lists B and C too.
    for (std::string_view with : k_with_openers) {
        auto pos = text::ascii_lower(s).find(with);
        if (pos != std::string::npos) {
            s.replace(pos, with.size(), ", ");
            auto close = s.find(')', pos);
            if (close != std::string::npos) s.erase(close, 1);
        }
    }
    // Credits for other work end the authors: "Edited by", "Photos by".
    {
        const std::string lower = text::ascii_lower(s);
        for (std::string_view credit : k_other_credits) {
            const auto pos = lower.find(credit);
            // A line that only credits a reviewer or a photographer names
            // no author.
            if (pos == 0 || (pos != std::string::npos && lower.compare(0, pos, "medically ") == 0)) return {};
            if (pos != std::string::npos) s.erase(pos);
        }
    }
    // "Authors:Jane Doe": a label glued to the name.
    {
        std::string spaced;
        for (std::size_t k = 0; k < s.size(); ++k) {
            spaced.push_back(s[k]);
            if (s[k] == ':' && k + 1 < s.size() && s[k + 1] != ' ') spaced.push_back(' ');
        }
        s = std::move(spaced);
    }
    s = strip_lead_ins(s);
    // Bars, semicolons and bullets separate segments; a segment after a bar
    // that holds no name is an outlet or a title ("A | Reuters").
    std::vector<std::string> segments;
    {
        std::string cur;
        const std::u32string u = to_u32(s);
        for (char32_t c : u) {
            if (c == U'|' || c == U';' || c == U'\u2022' || c == U'\u00B7' || c == U'\u22C5' || c == U'\u25CF') {
                segments.push_back(cur);
                cur.clear();
            } else {
                text::append_utf8(cur, c);
            }
        }
        segments.push_back(cur);
    }
    std::vector<std::string> names;
    for (std::size_t si = 0; si < segments.size(); ++si) {
        std::string seg = strip_trailing_date(strip_lead_ins(segments[si]));
        if (seg.empty()) continue;
        if (si > 0 && has_role_word(seg)) continue;
        // Commas separate names only when every part can stand alone as one.
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (start <= seg.size()) {
            auto comma = seg.find(',', start);
            if (comma == std::string::npos) comma = seg.size();
            std::string part = trim_punct(seg.substr(start, comma - start));
            if (!part.empty()) parts.push_back(part);
            start = comma + 1;
        }
        std::vector<std::string> pieces;
        std::vector<std::string> name_parts;
        bool dropped_role = false;
        for (auto& p : parts) {
            const std::string b = bare(p);
            if (in(k_credentials, b) || in(k_suffixes, b)) continue;
            if (!name_parts.empty() && has_role_word(p)) {
                dropped_role = true;
                continue;
            }
            // "Jane Doe, USA TODAY": capitals after a name in mixed case are
            // the outlet.
            if (!name_parts.empty() && all_capitals(p) && !all_capitals(name_parts.front())) continue;
            name_parts.push_back(p);
        }
        bool all_name_like = name_parts.size() >= 2;
        for (auto& p : name_parts) all_name_like = all_name_like && is_name_like(p);
        if (all_name_like) {
            pieces = name_parts;
        } else if (!name_parts.empty() && is_name_like(name_parts[0]) && name_parts.size() >= 2) {
            // "Jane Doe, Washington": the rest is a place or a title.
            pieces.push_back(name_parts[0]);
            for (std::size_t k = 1; k < name_parts.size(); ++k) {
                if (is_name_like(name_parts[k]) && !has_role_word(name_parts[k])) pieces.push_back(name_parts[k]);
            }
        } else if (dropped_role && name_parts.size() == 1) {
            // "Jane Doe, Privacy and Security Expert": the title's "and"
            // must not split it into names.
            pieces = name_parts;
        } else {
            pieces.push_back(seg);
        }
        for (auto& piece : pieces) {
            // Conjunctions split when each side is a full name.
            std::vector<std::string> sides;
            std::vector<std::string> words = split_words(piece);
            std::vector<std::string> cur;
            for (auto& w : words) {
                const std::string b = text::fold_case(w);
                if (in(k_conjunctions, b)) {
                    sides.push_back(join_words(cur));
                    cur.clear();
                } else {
                    cur.push_back(w);
                }
            }
            sides.push_back(join_words(cur));
            bool split = sides.size() >= 2;
            for (auto& side : sides) split = split && is_name_like(side);
            if (!split) sides = {piece};
            for (auto& side : sides) {
                std::string n = normalise_author(side);
                if (!n.empty()) merge_authors(names, {n});
            }
        }
    }
    return names;
}

void merge_authors(std::vector<std::string>& into, const std::vector<std::string>& more) {
    for (const auto& name : more) {
        const std::string key = author_key(name);
        if (key.empty()) continue;
        bool seen = false;
        for (const auto& have : into) seen = seen || author_key(have) == key;
        if (!seen) into.push_back(name);
    }
}

} // namespace oped::indexer

namespace oped::indexer {
namespace {

using lexicon::k_bio_intros;
using lexicon::k_bio_roles;
using lexicon::k_bio_verbs;

// The name at the start of `rest`: up to a comma, " is ", " who ", a bracket
// or the end of the sentence.
std::string leading_name_part(std::string_view rest) {
    std::size_t end = rest.size();
    for (std::string_view stop : {",", " is ", " who ", " (", " – ", " — ", ": "}) {
        end = std::min(end, rest.find(stop));
    }
    // A full stop ends the sentence unless it follows an initial ("J. Doe").
    for (std::size_t pos = rest.find(". "); pos != std::string_view::npos && pos < end;
         pos = rest.find(". ", pos + 1)) {
        const bool initial = pos >= 1 && (pos == 1 || rest[pos - 2] == ' ' || rest[pos - 2] == '.');
        if (!initial) {
            end = pos;
            break;
        }
    }
    if (end == rest.size() && rest.ends_with(".")) end = rest.size() - 1;
    return std::string(rest.substr(0, end));
}

} // namespace

std::vector<std::string> authors_from_bio(std::string_view paragraph) {
    std::string s = trim_punct(text::collapse_space(paragraph));
    if (s.empty() || s.size() > 600) return {};
    const std::string lower = text::fold_case(s);
    for (auto intro : k_bio_intros) {
        if (lower.starts_with(intro)) {
            const std::string name = leading_name_part(std::string_view(s).substr(intro.size()));
            return split_byline(name);
        }
    }
    // "Jane Doe is a columnist for ...": two to five capitalised words, then a
    // verb, then a role within a few words.
    const auto words = split_words(s);
    std::size_t n = 0;
    while (n < words.size() && n < 6) {
        const std::u32string u = to_u32(words[n]);
        if (u.empty()) break;
        if (!is_upper(u[0]) && !(n > 0 && in(k_particles, bare(words[n])))) break;
        ++n;
    }
    if (n < 2 || n >= words.size() || n > 5) return {};
    if (!in(k_bio_verbs, bare(words[n]))) return {};
    bool role = bare(words[n]) != "is" && bare(words[n]) != "was" && bare(words[n]) != "est" &&
                bare(words[n]) != "es" && bare(words[n]) != "ist" && bare(words[n]) != "é";
    for (std::size_t k = n + 1; k < words.size() && k <= n + 8 && !role; ++k) role = in(k_bio_roles, bare(words[k]));
    if (!role) return {};
    std::string n_text = normalise_author(join_words(words, 0, n));
    if (n_text.empty()) return {};
    return {n_text};
}

} // namespace oped::indexer

namespace oped::indexer {
namespace {

using lexicon::k_after_byline_name;
using lexicon::k_reading_time_words;

// How far from the headline a byline's line may stand, in lines of text.
constexpr std::size_t k_lines_after_headline = 6;
constexpr std::size_t k_lines_before_headline = 3;
// A name alone on its line stands right under the headline.
constexpr std::size_t k_name_line_reach = 2;
constexpr std::size_t k_max_byline_line_bytes = 200;
constexpr std::size_t k_max_name_line_bytes = 40;
constexpr std::size_t k_max_label_bytes = 24;

// The fields of a byline's line: "Jane Doe | Senior Writer | July 2, 2025",
// "March 15, 2022 · 3 min read · By Jane Doe".
std::vector<std::string> line_fields(std::string_view line) {
    std::vector<std::string> out;
    std::string cur;
    const std::u32string u = to_u32(line);
    for (std::size_t k = 0; k < u.size(); ++k) {
        const char32_t c = u[k];
        const bool spaced_dash =
            (c == U'\u2013' || c == U'\u2014') && k > 0 && k + 1 < u.size() && u[k - 1] == U' ' && u[k + 1] == U' ';
        if (c == U'|' || c == U'\u2022' || c == U'\u00B7' || c == U'\u30FB' || c == U'\u22C5' || c == U'\u25CF' ||
            spaced_dash) {
            out.push_back(trim_punct(text::collapse_space(cur)));
            cur.clear();
        } else {
            text::append_utf8(cur, c);
        }
    }
    out.push_back(trim_punct(text::collapse_space(cur)));
    std::erase_if(out, [](const std::string& f) { return f.empty(); });
    return out;
}

bool has_date(std::string_view s) { return first_date_in_text(s).has_value(); }

// Every word starts with a capital (or is a particle): "Jane van Doe".
bool capitalised(const std::vector<std::string>& words) {
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::u32string u = to_u32(words[k]);
        if (u.empty() || !(is_upper(u[0]) || (k > 0 && in(k_particles, bare(words[k]))))) return false;
    }
    return true;
}

// A field that is a person's name and nothing else: two to four capitalised
// words, no digits, that normalise_author keeps as they are.
std::string name_field(std::string_view field) {
    const std::string f = text::collapse_space(field);
    if (f.empty() || f.size() > k_max_name_line_bytes || f.find_first_of("0123456789:") != std::string::npos) {
        return {};
    }
    const auto words = split_words(f);
    if (words.size() < 2 || words.size() > 4 || !capitalised(words)) return {};
    // "—Fallentis Semita Vitæ.": a motto or a sentence, set off by a dash or
    // ended by a full stop; a name stands bare ("Jane Doe", "Jane Q. Doe").
    const std::u32string u = to_u32(f);
    if (!is_letter(u.front()) || (f.back() == '.' && words.back().size() > 2)) return {};
    std::string n = normalise_author(f);
    if (n.empty() || author_key(n) != author_key(f) || !is_name_like(n)) return {};
    return n;
}

// The words after a "by" that opens a byline in the field: at its start,
// after a lead-in ("Written by", "Posted by") or after a date ("03/01/2017
// by Jane Doe"). Empty when there is no such "by".
std::string after_by(std::string_view field) {
    const auto words = split_words(field);
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (!in(k_by_words, bare(words[k]))) continue;
        bool opens = k == 0;
        if (!opens) {
            bool lead_ins = true;
            for (std::size_t j = 0; j < k; ++j) lead_ins = lead_ins && in(k_by_lead_ins, bare(words[j]));
            // A numeric date ("03/01/2017") is not read as one, its digits are.
            const bool digits = words[k - 1].find_first_of("0123456789") != std::string::npos;
            opens = lead_ins || digits || has_date(join_words(words, 0, k));
        }
        if (!opens) return {};
        // The name ends before "on", "in", "for"..., or before interface text
        // run into it ("By Jane Doe View In Digital Edition").
        std::size_t end = k + 1;
        while (end < words.size() && !in(k_after_byline_name, bare(words[end])) &&
               !(end >= k + 3 && capitalised({words[end]}) && in(k_interface_words, bare(words[end])))) {
            ++end;
        }
        return join_words(words, k + 1, end);
    }
    return {};
}

bool reading_time(std::string_view field) {
    const auto words = split_words(field);
    for (std::size_t k = 1; k < words.size(); ++k) {
        if (in(k_reading_time_words, bare(words[k])) && std::isdigit(static_cast<unsigned char>(words[k - 1][0]))) {
            return true;
        }
    }
    return false;
}

// The names one line gives, with the shape it has; empty when none.
LineByline byline_in_line(const std::vector<TextLine>& lines, std::size_t i, std::size_t distance, bool after) {
    const TextLine& l = lines[i];
    if (l.aside || l.text.size() > k_max_byline_line_bytes) return {};
    const auto fields = line_fields(l.text);
    // "By Jane Doe", "Posted by jdoe on ...", "03/01/2017 by Jane Doe, Role".
    for (const auto& f : fields) {
        const std::string rest = after_by(f);
        if (rest.empty()) continue;
        // "By submitting your e-mail...": a name starts with a capital,
        // unless the line is marked as a byline ("Posted by jdoe").
        if (!l.byline && !capitalised({split_words(rest).front()})) break;
        auto names = split_byline(rest);
        const bool alone = l.byline && names.size() == 1;
        std::erase_if(names, [&](const std::string& n) { return !is_name_like(n) && !alone; });
        if (!names.empty()) return {names, l.text, "a \"by\" in a line next to the headline", distance, true};
        break;
    }
    if (!after || fields.size() < 2) {
        // A name alone on its line, right under the headline, beside a date
        // line ("Jane Doe" / "Last updated: ...").
        if (!after || distance > k_name_line_reach || fields.size() != 1 || l.h1) return {};
        const std::string n = name_field(fields[0]);
        if (n.empty()) return {};
        // A date, or a date's label alone ("Last updated:").
        auto dated = [&](std::size_t j) {
            if (j >= lines.size()) return false;
            const std::string& t = lines[j].text;
            return t.size() <= k_max_name_line_bytes * 2 &&
                   (has_date(t) || (t.size() <= k_max_label_bytes && date_label(t) != DateLabel::none));
        };
        if (!dated(i + 1) && !(distance > 1 && dated(i - 1))) return {};
        return {{n}, l.text, "a name alone under the headline, beside a date", distance};
    }
    // "Jane Doe | Senior Writer | July 2, 2025", "Jane Doe · 3 min read".
    if (distance > k_name_line_reach) return {};
    const std::string n = name_field(fields[0]);
    if (n.empty()) return {};
    bool byline_fields = false;
    for (std::size_t k = 1; k < fields.size(); ++k) {
        byline_fields = byline_fields || has_date(fields[k]) || has_role_word(fields[k]) || reading_time(fields[k]);
    }
    if (!byline_fields) return {};
    return {{n}, l.text, "a name beside a date or a role under the headline", distance};
}

} // namespace

LineByline byline_near_headline(const std::vector<TextLine>& lines, std::string_view headline) {
    const std::string key = title_key(headline);
    std::size_t anchor = lines.size();
    for (std::size_t i = 0; i < lines.size() && !key.empty(); ++i) {
        if (!lines[i].aside && lines[i].text.size() <= 2 * headline.size() + 16 && title_key(lines[i].text) == key) {
            anchor = i;
            break;
        }
    }
    for (std::size_t i = 0; i < lines.size() && anchor == lines.size(); ++i) {
        if (lines[i].h1 && !lines[i].aside) anchor = i;
    }
    if (anchor == lines.size()) return {};
    for (std::size_t d = 1; d <= k_lines_after_headline && anchor + d < lines.size(); ++d) {
        if (auto found = byline_in_line(lines, anchor + d, d, true); !found.names.empty()) return found;
    }
    for (std::size_t d = 1; d <= k_lines_before_headline && d <= anchor; ++d) {
        if (auto found = byline_in_line(lines, anchor - d, d, false); !found.names.empty()) return found;
    }
    return {};
}

} // namespace oped::indexer
