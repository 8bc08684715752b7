#include <oped/indexer/title.hpp>

#include <oped/common/text.hpp>

#include <xapian.h>

#include <algorithm>
#include <array>

namespace oped::indexer {
namespace {

constexpr std::array<std::string_view, 12> k_separators{" | ", " - ",      " \u2013 ", " \u2014 ", " :: ", " \u00BB ",
                                                        " / ", " \u00B7 ", " > ",      " \\ ",     " ~ ",  " \u2022 "};

bool is_hierarchical(std::string_view sep) {
    return sep == " / " || sep == " > " || sep == " \u00BB " || sep == " \\ ";
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
        // "Site.com", "The Site", "Site - tagline": one contains the other
        // as whole words.
        const std::string a = " " + segment_key + " ";
        const std::string b = " " + site + " ";
        if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
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

} // namespace

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
    std::vector<std::string> site_keys;
    site_keys.reserve(site_names.size());
    for (const auto& s : site_names) site_keys.push_back(title_key(s));
    std::size_t from = 0;
    std::size_t to = n;
    // A segment a lesser heading repeats is the headline, whatever it
    // contains; one an <h1> repeats may be the masthead.
    auto strippable = [&](const std::string& part) {
        return names_site(title_key(part), site_keys) && !corroborated_by_lesser(part);
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
