#include <oped/indexer/title.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/dates.hpp>

#include <xapian.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace oped::indexer {
namespace {

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_title_field_names;
using lexicon::k_title_labels;

constexpr std::array<std::string_view, 12> k_separators{" | ", " - ",      " \u2013 ", " \u2014 ", " :: ", " \u00BB ",
                                                        " / ", " \u00B7 ", " > ",      " \\ ",     " ~ ",  " \u2022 "};

bool is_hierarchical(std::string_view sep) {
    return sep == " / " || sep == " > " || sep == " \u00BB " || sep == " \\ ";
}

// Words a segment may add to the site's name and still name it ("The Site",
// "Site.com", "Site Magazine", "Welcome to Site").
constexpr std::size_t k_max_site_extra_words = 2;

// "Example.com", "news.example.co.uk": a segment that is nothing but a host
// name names a site, whichever site it is.
bool is_host_name(std::string_view part) {
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    const auto last_dot = part.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0) return false;
    const std::string_view tld = part.substr(last_dot + 1);
    if (tld.size() < 2 || tld.size() > 6) return false;
    for (char c : tld) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    char previous = '.';
    for (char c : part) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && c != '-' && c != '.') return false;
        if (c == '.' && previous == '.') return false;
        previous = c;
    }
    return true;
}

struct Segments {
    std::vector<std::string> parts;
    std::vector<std::string> seps; // seps[k] sits between parts[k] and parts[k + 1]
};

Segments split_title(std::string_view t) {
    Segments out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        std::string_view found;
        for (auto sep : k_separators) {
            if (t.substr(i).starts_with(sep)) {
                found = sep;
                break;
            }
        }
        if (found.empty()) {
            ++i;
            continue;
        }
        out.parts.emplace_back(t.substr(start, i - start));
        out.seps.emplace_back(found);
        i += found.size();
        start = i;
    }
    out.parts.emplace_back(t.substr(start));
    return out;
}

std::string join(const Segments& s, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) out += s.seps[k - 1];
        out += s.parts[k];
    }
    return out;
}

std::vector<std::string> key_words(std::string_view s) {
    std::vector<std::string> out;
    const std::string key = title_key(s);
    std::size_t i = 0;
    while (i < key.size()) {
        auto j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        if (j > i) out.push_back(key.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool names_site(const std::string& segment_key, const std::vector<std::string>& site_keys) {
    if (segment_key.empty()) return false;
    for (const auto& site : site_keys) {
        if (site.empty()) continue;
        if (segment_key == site) return true;
        // "Site.com", "The Site", "Site Magazine": one contains the other
        // as whole words. A segment that is much longer than the site's
        // name ("The Site Guide to the Year's Best Restaurants") is a
        // headline that mentions the site, not its name.
        const std::string a = " " + segment_key + " ";
        const std::string b = " " + site + " ";
        const bool short_enough = word_count(segment_key) <= word_count(site) + k_max_site_extra_words;
        if ((short_enough && a.find(b) != std::string::npos) || b.find(a) != std::string::npos) return true;
        // "nytimes" for "The New York Times": the site with its spaces gone.
        std::string squeezed;
        for (char c : site) {
            if (c != ' ') squeezed.push_back(c);
        }
        std::string seg_squeezed;
        for (char c : segment_key) {
            if (c != ' ') seg_squeezed.push_back(c);
        }
        if (seg_squeezed == squeezed) return true;
    }
    return false;
}

bool is_label(std::string_view part, std::string_view section) {
    const std::string key = title_key(part);
    if (key.empty()) return false;
    if (!section.empty() && key == title_key(section) && word_count(key) <= 3) return true;
    return std::find(k_title_labels.begin(), k_title_labels.end(), key) != k_title_labels.end();
}

bool cut_short(std::string_view t) { return t.ends_with("\u2026") || t.ends_with("..."); }

// Separators and punctuation at either end, whole characters at a time.
std::string_view trim_furniture_marks(std::string_view t) {
    constexpr std::array<std::string_view, 10> k_marks{" ", ",", ";", ":", "|", "-", "\u2013", "\u2014", "\u00B7", "/"};
    for (bool trimmed = true; trimmed && !t.empty();) {
        trimmed = false;
        for (auto m : k_marks) {
            if (t.starts_with(m)) {
                t.remove_prefix(m.size());
                trimmed = true;
            }
            if (t.ends_with(m)) {
                t.remove_suffix(m.size());
                trimmed = true;
            }
        }
    }
    return t;
}

// The least share of words a meta title must confirm of an <h1> (harmonic
// mean of each one's share of the other) for the <h1> to be the headline.
constexpr double k_min_confirmation = 0.4;

// Words an <h1> marked as the headline needs to stand without a meta title's
// confirmation: a marked vote count or one-word label is no headline.
constexpr std::size_t k_min_marked_words = 3;

// Words in a date line glued to an <h1> ("Posted on July 1, 2024 by Jane Doe").
constexpr std::size_t k_max_date_line_words = 10;

// Words after a meta title inside an <h1> that make them a standfirst (dek)
// the element holds below the headline, not the headline's own subtitle
// (": Which Program Is Right for You?", ", Reviewed by a Student").
constexpr std::size_t k_min_dek_words = 10;

bool is_digits(std::string_view token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// An <h1> that, on a page of links, also holds the linked site's host name
// and a count ("Headline (example.com) 87"), without them; the <h1> as it is
// when it has no host name in brackets at its end.
std::string without_host_and_count(std::string_view h1) {
    std::string_view t = trim_furniture_marks(h1);
    auto space = t.rfind(' ');
    if (space != std::string_view::npos && is_digits(t.substr(space + 1))) {
        t = trim_furniture_marks(t.substr(0, space));
        space = t.rfind(' ');
    }
    if (space == std::string_view::npos) return std::string(h1);
    const std::string_view last = t.substr(space + 1);
    if (last.size() < 3 || last.front() != '(' || last.back() != ')' ||
        !is_host_name(last.substr(1, last.size() - 2))) {
        return std::string(h1);
    }
    return std::string(trim_furniture_marks(t.substr(0, space)));
}

// The words of `whole_key` before or after `part_key`, when it starts or
// ends with it; nothing otherwise.
std::optional<std::string> rest_around(const std::string& whole_key, const std::string& part_key) {
    if (part_key.empty() || part_key.size() >= whole_key.size()) return std::nullopt;
    if (whole_key.starts_with(part_key) && whole_key[part_key.size()] == ' ') {
        return whole_key.substr(part_key.size() + 1);
    }
    const std::size_t at = whole_key.size() - part_key.size();
    if (whole_key.ends_with(part_key) && whole_key[at - 1] == ' ') return whole_key.substr(0, at - 1);
    return std::nullopt;
}

// The site-naming segments at either end of a heading go; nothing else (an
// <h1> has no "Headline | Site" habit to guess from).
std::string strip_site_segments(const std::string& heading, const std::vector<std::string>& site_keys) {
    const Segments seg = split_title(heading);
    std::size_t from = 0;
    std::size_t to = seg.parts.size();
    auto names = [&](const std::string& part) { return is_host_name(part) || names_site(title_key(part), site_keys); };
    while (to - from > 1 && names(seg.parts[to - 1])) --to;
    while (to - from > 1 && names(seg.parts[from])) ++from;
    return join(seg, from, to);
}

// A heading without the permalink mark documentation generators put at its
// end (Sphinx and MkDocs write "Heading¶").
std::string without_permalink(std::string_view heading) {
    while (heading.ends_with("\u00B6") || heading.ends_with(" ")) {
        heading.remove_suffix(heading.ends_with(" ") ? 1 : std::string_view("\u00B6").size());
    }
    return std::string(heading);
}

// A host name that names the site glued to either end of a title without a
// separator ("example.com Headline", "Headline example.com"), dropped when
// two words or more are left.
std::string strip_host_word(const std::string& title, const std::vector<std::string>& site_keys) {
    auto names = [&](std::string_view word) { return is_host_name(word) && names_site(title_key(word), site_keys); };
    // With a separator between them, clean_title's step 3 drops it.
    auto kept = [](std::string_view rest) {
        return word_count(rest) >= 2 && trim_furniture_marks(rest).size() == rest.size();
    };
    const auto first_space = title.find(' ');
    const auto last_space = title.rfind(' ');
    if (first_space == std::string::npos) return title;
    if (names(std::string_view(title).substr(0, first_space)) &&
        kept(std::string_view(title).substr(first_space + 1))) {
        return title.substr(first_space + 1);
    }
    if (names(std::string_view(title).substr(last_space + 1)) && kept(std::string_view(title).substr(0, last_space))) {
        return title.substr(0, last_space);
    }
    return title;
}

// `h1` where a page lost characters it could not encode, each written "?"
// or U+FFFD ("Beginner? Guide"), and `meta` has them ("Beginner's Guide"):
// every such mark stands for one to three characters of `meta`, the rest is
// the same. A "?" at the end is a question mark.
bool lost_characters_of(std::string_view h1, std::string_view meta) {
    std::u32string a;
    std::u32string b;
    for (Xapian::Utf8Iterator it(h1.data(), h1.size()), end; it != end; ++it) a.push_back(*it);
    for (Xapian::Utf8Iterator it(meta.data(), meta.size()), end; it != end; ++it) b.push_back(*it);
    auto lost = [](char32_t c) { return c == U'?' || c == U'\uFFFD'; };
    bool inner_mark = false;
    for (std::size_t k = 0; k + 1 < a.size(); ++k) inner_mark = inner_mark || (lost(a[k]) && a[k + 1] == U' ');
    if (!inner_mark || a == b) return false;
    // Depth first over the widths each mark may stand for; titles are short,
    // and the steps are bounded all the same.
    std::vector<std::pair<std::size_t, std::size_t>> todo{{0, 0}};
    std::size_t steps = 0;
    while (!todo.empty() && ++steps < 10000) {
        auto [i, j] = todo.back();
        todo.pop_back();
        while (i < a.size() && j < b.size() && !lost(a[i]) && a[i] == b[j]) {
            ++i;
            ++j;
        }
        if (i == a.size() && j == b.size()) return true;
        if (i == a.size() || !lost(a[i]) || (a[i] == U'?' && i + 1 == a.size())) continue;
        for (std::size_t width = 1; width <= 3 && j + width <= b.size(); ++width) todo.emplace_back(i + 1, j + width);
    }
    return false;
}

// A meta title, raw and cleaned of site, section and label.
struct Meta {
    std::string raw;
    std::string cleaned;
};

// The meta title that an <h1> holds with more around it, or holds with
// characters lost, and `why` says which (as an explanation's note); none
// when the <h1> is a headline of its own. The element holds more than the
// headline when only a date line ("Dec 18 2025", "Posted on July 1, 2024
// by Jane Doe"), a linked host name and a count, or a standfirst follows
// or precedes the meta title.
const Meta* meta_title_within(const std::string& h1, const std::vector<Meta>& metas, std::string& why) {
    const std::string h1_key = title_key(h1);
    const std::string bare_key = title_key(without_host_and_count(h1));
    for (const auto& m : metas) {
        const std::string meta_key = title_key(m.cleaned);
        const auto rest = rest_around(h1_key, meta_key);
        const bool date_line = rest && word_count(*rest) <= k_max_date_line_words && !dates_in_text(*rest, 1).empty();
        const bool host_and_count = bare_key.size() < h1_key.size() && bare_key == meta_key;
        const bool dek_after = rest && h1_key.starts_with(meta_key) && word_count(*rest) >= k_min_dek_words;
        if (date_line || host_and_count || dek_after) {
            why = "; the <h1> \"" + h1 + "\" less a date line, host name, count or standfirst around the meta title";
            return &m;
        }
    }
    for (const auto& m : metas) {
        if (lost_characters_of(h1, m.cleaned)) {
            why = "; the <h1> \"" + h1 + "\" with the characters it lost";
            return &m;
        }
    }
    return nullptr;
}

} // namespace

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

std::string strip_title_label(std::string_view raw, std::string_view section,
                              const std::vector<std::string>& headlines) {
    std::string title = text::collapse_space(raw);
    // A record's field name, often glued to its value: "Title:Headline".
    if (const auto colon = title.find(':'); colon != std::string::npos && colon < 8 && colon + 1 < title.size()) {
        const std::string field = title_key(title.substr(0, colon));
        if (std::find(k_title_field_names.begin(), k_title_field_names.end(), field) != k_title_field_names.end()) {
            title = text::collapse_space(title.substr(colon + 1));
        }
    }
    const std::string whole_key = title_key(title);
    for (const auto& h : headlines) {
        if (title_key(h) == whole_key) return title; // the headline has it
    }
    // A leading part before a colon or a separator, whichever comes first.
    std::size_t pos = std::string::npos;
    std::string_view mark;
    for (std::string_view m : {": ", " | ", " - ", " \u2013 ", " \u2014 "}) {
        const auto p = title.find(m);
        if (p != std::string::npos && p > 0 && (pos == std::string::npos || p < pos)) {
            pos = p;
            mark = m;
        }
    }
    if (pos != std::string::npos) {
        const std::string head = title.substr(0, pos);
        std::string rest = text::collapse_space(title.substr(pos + mark.size()));
        const std::string rest_key = title_key(rest);
        bool confirmed = false;
        for (const auto& h : headlines) confirmed = confirmed || (!rest_key.empty() && title_key(h) == rest_key);
        if (word_count(head) <= 3 && word_count(rest) >= 2 &&
            (is_label(head, section) || (mark == ": " && confirmed))) {
            return rest;
        }
    }
    // A trailing label after a separator: "... | Opinion".
    const Segments seg = split_title(title);
    if (seg.parts.size() >= 2 && is_label(seg.parts.back(), section) &&
        word_count(join(seg, 0, seg.parts.size() - 1)) >= 2) {
        return join(seg, 0, seg.parts.size() - 1);
    }
    return title;
}

std::string choose_title(const TitleInputs& in, Explanation* explain) {
    // A host name alone in an <h1> is the site's masthead ("example.com"),
    // a name of the site as good as og:site_name.
    std::vector<std::string> site_names = in.site_names;
    for (const auto& h1 : in.h1s) {
        if (is_host_name(h1)) site_names.push_back(h1);
    }
    std::vector<std::string> site_keys;
    for (const auto& s : site_names) {
        std::string k = title_key(s);
        if (!k.empty()) site_keys.push_back(std::move(k));
    }
    auto is_site = [&](const std::string& t) {
        const std::string k = title_key(t);
        return std::find(site_keys.begin(), site_keys.end(), k) != site_keys.end();
    };
    std::vector<Meta> metas;
    std::string fallback; // a meta title cut short, when nothing else is left
    for (const auto& m : in.metas) {
        const std::string raw = text::collapse_space(m.value);
        if (raw.empty()) continue;
        std::string cleaned = strip_title_label(clean_title(raw, site_names, in.h1s, in.headings), in.section, in.h1s);
        std::string note;
        double score = 1.0 - 0.01 * static_cast<double>(metas.size());
        if (title_key(cleaned).empty()) {
            note = "no words";
            score = 0;
        } else if (is_site(cleaned)) {
            note = "the site's name, not a headline";
            score = 0;
        } else if (cut_short(cleaned)) {
            note = "cut short";
            score = 0;
            if (fallback.empty()) fallback = cleaned;
        } else {
            note = cleaned == raw ? "meta title" : "meta title without site, section or label: " + raw;
            metas.push_back({raw, cleaned});
        }
        explain_add(explain, "title", {cleaned, m.source, score, note});
    }
    // The visible headlines, each confirmed by the meta titles.
    std::string best_h1;
    double best_confirmation = -1;
    std::size_t counted = 0;
    for (const auto& raw_h1 : in.h1s) {
        if (++counted > 20) break;
        std::string h1 = strip_title_label(
            strip_site_segments(without_permalink(text::collapse_space(raw_h1)), site_keys), in.section);
        // "Headline | Section | Outlet" in the <h1> itself: the run a meta
        // title equals.
        const Segments seg = split_title(h1);
        for (std::size_t len = seg.parts.size() - 1; len >= 1 && seg.parts.size() > 1; --len) {
            const std::string run_key = title_key(join(seg, 0, len));
            const bool meta_equals = std::any_of(metas.begin(), metas.end(), [&](const Meta& m) {
                return !run_key.empty() && title_key(m.cleaned) == run_key;
            });
            if (meta_equals) {
                h1 = join(seg, 0, len);
                break;
            }
        }
        std::string dropped;
        if (const Meta* m = meta_title_within(h1, metas, dropped)) h1 = m->cleaned;
        if (title_key(h1).empty()) continue;
        if (is_site(h1) || names_site(title_key(h1), site_keys) || is_host_name(h1)) {
            explain_add(explain, "title", {h1, "h1", 0, "names the site"});
            continue;
        }
        if (h1.size() > 400 || cut_short(h1)) {
            explain_add(explain, "title", {h1, "h1", 0, "too long or cut short for a headline"});
            continue;
        }
        double confirmation = metas.empty() ? 0.5 : 0.0;
        for (const auto& m : metas) {
            // Both ways: a masthead <h1> is all in a long title, and a
            // short meta title may be all in a longer <h1>.
            const double h1_in_meta = title_similarity(m.cleaned, h1);
            const double meta_in_h1 = title_similarity(h1, m.cleaned);
            // One word in common ("Minecraft News" and "Minecraft 1.8 - The
            // Bountiful Update") is a topic or a masthead, not the same
            // headline; a one-word <h1> ("Flexbox") needs only itself.
            if (shared_words(m.cleaned, h1) < std::min<std::size_t>(2, word_count(title_key(h1)))) continue;
            if (h1_in_meta + meta_in_h1 > 0) {
                confirmation = std::max(confirmation, 2 * h1_in_meta * meta_in_h1 / (h1_in_meta + meta_in_h1));
            }
        }
        std::string marked;
        if (confirmation < k_min_confirmation && word_count(title_key(h1)) >= k_min_marked_words &&
            std::find(in.marked_h1s.begin(), in.marked_h1s.end(), raw_h1) != in.marked_h1s.end()) {
            marked = "; marked as the article's headline, " + std::to_string(confirmation).substr(0, 4) +
                     " raised to " + std::to_string(k_min_confirmation).substr(0, 4);
            confirmation = k_min_confirmation;
        }
        std::string note = metas.empty() ? "visible headline, no meta title to compare"
                                         : "visible headline; share of words shared with the best meta title " +
                                               std::to_string(confirmation).substr(0, 4);
        note += dropped;
        note += marked;
        explain_add(explain, "title", {h1, "h1", 1.0 + confirmation, note});
        if (confirmation > best_confirmation) {
            best_confirmation = confirmation;
            best_h1 = h1;
        }
    }
    std::string chosen;
    std::string reason;
    if (!best_h1.empty() && best_confirmation >= k_min_confirmation) {
        chosen = best_h1;
        reason = metas.empty() ? "the visible <h1>; no meta title" : "the visible <h1>, confirmed by a meta title";
    } else if (!metas.empty()) {
        chosen = metas.front().cleaned;
        reason = best_h1.empty() ? "the first meta title; no usable <h1>"
                                 : "the first meta title; no <h1> shares enough of its words";
    } else if (!best_h1.empty()) {
        chosen = best_h1;
        reason = "the visible <h1>";
    } else {
        chosen = fallback;
        reason = fallback.empty() ? "no title" : "the only title, though cut short";
    }
    explain_choose(explain, "title", chosen, reason);
    return chosen;
}

std::vector<std::string> title_segments(std::string_view title) {
    return split_title(text::collapse_space(title)).parts;
}

std::string title_key(std::string_view title) {
    std::string out;
    bool space = false;
    for (Xapian::Utf8Iterator it(title.data(), title.size()), end; it != end; ++it) {
        const unsigned c = *it;
        // Quotes vanish so "don't" and "dont" agree.
        if (c == '\'' || c == '"' || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0xAB ||
            c == 0xBB || c == 0x60 || c == 0xB4) {
            continue;
        }
        if (Xapian::Unicode::is_wordchar(c)) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            text::append_utf8(out, static_cast<char32_t>(Xapian::Unicode::tolower(c)));
        } else {
            space = true;
        }
    }
    return out;
}

std::size_t shared_words(std::string_view a, std::string_view b) {
    const auto wa = key_words(a);
    auto wb = key_words(b);
    std::sort(wb.begin(), wb.end());
    wb.erase(std::unique(wb.begin(), wb.end()), wb.end());
    return static_cast<std::size_t>(std::count_if(
        wb.begin(), wb.end(), [&](const auto& w) { return std::find(wa.begin(), wa.end(), w) != wa.end(); }));
}

double title_similarity(std::string_view a, std::string_view b) {
    const auto wa = key_words(a);
    const auto wb = key_words(b);
    if (wb.empty()) return 0.0;
    std::size_t total = 0;
    std::size_t unique = 0;
    for (const auto& w : wb) {
        total += w.size() + 1;
        if (std::find(wa.begin(), wa.end(), w) == wa.end()) unique += w.size() + 1;
    }
    return 1.0 - static_cast<double>(unique) / static_cast<double>(total);
}

std::string clean_title(std::string_view raw, const std::vector<std::string>& site_names,
                        const std::vector<std::string>& headlines, const std::vector<std::string>& lesser) {
    std::string title = text::collapse_space(raw); // not const: returned by move
    if (title.empty()) return title;
    std::vector<std::string> headline_keys;
    for (const auto& h : headlines) {
        std::string k = title_key(h);
        if (!k.empty()) headline_keys.push_back(std::move(k));
    }
    std::vector<std::string> lesser_keys;
    for (const auto& h : lesser) {
        std::string k = title_key(h);
        if (!k.empty()) lesser_keys.push_back(std::move(k));
    }
    auto corroborated = [&](std::string_view s) {
        const std::string k = title_key(s);
        return !k.empty() && std::find(headline_keys.begin(), headline_keys.end(), k) != headline_keys.end();
    };
    auto corroborated_by_lesser = [&](std::string_view s) {
        const std::string k = title_key(s);
        return !k.empty() && std::find(lesser_keys.begin(), lesser_keys.end(), k) != lesser_keys.end();
    };
    if (corroborated(title)) return title;
    std::vector<std::string> site_keys;
    site_keys.reserve(site_names.size());
    for (const auto& s : site_names) site_keys.push_back(title_key(s));
    title = strip_host_word(title, site_keys);
    const Segments seg = split_title(title);
    const std::size_t n = seg.parts.size();
    if (n == 1) return title;
    // 2. The longest run of segments a headline confirms. A confirmed run of
    // four words or fewer is a topic ("Mozilla - Wikipedia"): the title is
    // kept whole unless the rest of it names the site.
    bool short_run_confirmed = false;
    std::string best;
    for (std::size_t len = n - 1; len >= 1; --len) {
        for (const std::string& run : {join(seg, 0, len), join(seg, n - len, n)}) {
            const std::size_t words = word_count(run);
            const bool confirmed = corroborated(run);
            if (confirmed && words <= 4) short_run_confirmed = true;
            if ((confirmed && words > 4) || (words >= 3 && corroborated_by_lesser(run))) {
                if (words > word_count(best)) best = run;
            }
        }
    }
    if (!best.empty()) return best;
    // 3. Segments that name the site, at either end.
    std::size_t from = 0;
    std::size_t to = n;
    // A segment a lesser heading repeats is the headline, whatever it
    // contains; one an <h1> repeats may be the masthead.
    auto strippable = [&](const std::string& part) {
        return (is_host_name(part) || names_site(title_key(part), site_keys)) && !corroborated_by_lesser(part);
    };
    while (to - from > 1 && strippable(seg.parts[to - 1])) --to;
    while (to - from > 1 && strippable(seg.parts[from])) ++from;
    if (from != 0 || to != n) return join(seg, from, to);
    if (short_run_confirmed) return title;
    // 4. Drop the last segment, or failing that the first, unless too little
    // is left.
    std::string cur = join(seg, 0, n - 1);
    if (word_count(cur) < 3) cur = join(seg, 1, n);
    bool hierarchical = false;
    std::size_t words_without_seps = 0;
    for (const auto& s : seg.seps) hierarchical = hierarchical || is_hierarchical(s);
    for (const auto& p : seg.parts) words_without_seps += word_count(p);
    const std::size_t cur_words = word_count(cur);
    if (cur_words <= 4 && (!hierarchical || cur_words != words_without_seps - 1)) return title;
    return cur;
}

} // namespace oped::indexer
