#include <oped/searcher/spelling.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/spelling_keys.hpp>
#include <oped/common/text.hpp>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace oped::searcher {
namespace {

std::vector<unsigned> code_points(std::string_view s) {
    std::vector<unsigned> out;
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) out.push_back(*it);
    return out;
}

bool is_operator(std::string_view w) {
    return w == "AND" || w == "OR" || w == "NOT" || w == "XOR" || w == "NEAR" || w == "ADJ";
}

} // namespace

unsigned edit_distance(std::string_view a_text, std::string_view b_text, unsigned limit) {
    const auto a = code_points(a_text);
    const auto b = code_points(b_text);
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table.
    std::vector<unsigned> before(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<unsigned>(i);
        unsigned row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            cur[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > limit) return limit + 1;
        before.swap(prev);
        prev.swap(cur);
    }
    return std::min(prev[m], limit + 1);
}

unsigned edit_limit(std::size_t letters) {
    if (letters <= 5) return 1;
    return letters <= 10 ? 2 : 3;
}

namespace {

bool all_upper(std::string_view s) {
    bool any = false;
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) {
        if (Xapian::Unicode::tolower(*it) != *it) any = true;
        if (Xapian::Unicode::toupper(*it) != *it) return false;
    }
    return any;
}

bool starts_upper(std::string_view s) {
    Xapian::Utf8Iterator it(s.data(), s.size());
    return it != Xapian::Utf8Iterator() && Xapian::Unicode::tolower(*it) != *it;
}

std::string upper(std::string_view s, bool first_only) {
    std::string out;
    bool first = true;
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) {
        const unsigned cp = first || !first_only ? Xapian::Unicode::toupper(*it) : *it;
        text::append_utf8(out, static_cast<char32_t>(cp));
        first = false;
    }
    return out;
}

// How `word` (an indexed term) is written as a name: its form in the author
// names of a document holding it, when it is a word of author names in at
// least a tenth of the documents that hold it; else empty.
std::string name_form(const Xapian::Database& db, const std::string& word) {
    constexpr Xapian::doccount k_name_share = 10;
    const std::string author_term = std::string(schema::prefix::author) + word;
    const Xapian::doccount as_author = db.get_termfreq(author_term);
    if (as_author == 0 || as_author * k_name_share < db.get_termfreq(word)) return {};
    const auto holder = db.postlist_begin(author_term);
    if (holder == db.postlist_end(author_term)) return {};
    for (const auto& name : schema::decode_list(db.get_document(*holder).get_value(schema::slot::authors))) {
        for (Xapian::Utf8Iterator it(name.data(), name.size()), end; it != end;) {
            while (it != end && !Xapian::Unicode::is_wordchar(*it)) ++it;
            const char* from = it.raw();
            while (it != end && Xapian::Unicode::is_wordchar(*it)) ++it;
            const std::string_view token(from, static_cast<std::size_t>(it.raw() - from));
            if (!token.empty() && text::fold_case(token) == word) return std::string(token);
        }
    }
    return {};
}

// `word` (lower case) in the case of `typed`: all capitals, a capital first,
// or as typed in lower case; a name keeps its own form unless typed in
// capitals.
std::string with_case(const Xapian::Database& db, std::string_view typed, const std::string& word) {
    if (all_upper(typed) && code_points(typed).size() > 1) return upper(word, false);
    std::string name = name_form(db, word);
    if (!name.empty()) return name;
    return starts_upper(typed) ? upper(word, true) : word;
}

} // namespace

std::string correct_word(const Xapian::Database& db, const std::string& word_in) {
    const std::string word = text::fold_case(word_in);
    const std::size_t letters = code_points(word).size();
    if (letters < spelling::k_min_letters || letters > spelling::k_max_letters) return {};
    if (db.term_exists(word)) return {};
    const unsigned limit = edit_limit(letters);
    std::unordered_set<std::string> seen;
    std::string best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    for (const auto& variant : spelling::variants(word, std::min<std::size_t>(limit, spelling::k_lookup_deletions))) {
        for (auto& candidate : spelling::decode_words(db.get_metadata(spelling::metadata_key(variant)))) {
            if (!seen.insert(candidate).second) continue;
            const unsigned d = edit_distance(word, candidate, limit);
            if (d > limit || d > best_distance) continue;
            // The keys are rewritten at each commit; the index says whether
            // the word is still there, and how common.
            const Xapian::doccount freq = db.get_termfreq(candidate);
            if (freq == 0) continue;
            if (d < best_distance || freq > best_freq || (freq == best_freq && candidate < best)) {
                best = std::move(candidate);
                best_distance = d;
                best_freq = freq;
            }
        }
    }
    if (best.empty()) return {};
    std::string shown = with_case(db, word_in, best);
    // Capitals must not turn a word into an operator ("ANF" -> "AND").
    return is_operator(shown) ? best : shown;
}

namespace {

// The end of the UTF-8 word starting at `i` (i itself when none starts there).
std::size_t word_end(std::string_view text, std::size_t i) {
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i), end;
    while (it != end && Xapian::Unicode::is_wordchar(*it)) ++it;
    return it == end ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
}

// A field's value after "name:": a quoted phrase, or the run up to a space.
std::size_t field_value_end(std::string_view text, std::size_t i) {
    if (i < text.size() && text[i] == '"') {
        const auto close = text.find('"', i + 1);
        return close == std::string_view::npos ? text.size() : close + 1;
    }
    const auto space = text.find(' ', i);
    return space == std::string_view::npos ? text.size() : space;
}

} // namespace

std::string correct_query(const Xapian::Database& db, std::string_view text) {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t j = word_end(text, i);
        if (j == i) {
            out += text[i++];
            continue;
        }
        const std::string word(text.substr(i, j - i));
        if (j < text.size() && text[j] == ':') {
            // A field: its name and value stay as typed.
            const std::size_t end = field_value_end(text, j + 1);
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        const bool wildcard = j < text.size() && text[j] == '*';
        const std::string replacement = wildcard || is_operator(word) ? std::string() : correct_word(db, word);
        out += replacement.empty() ? word : replacement;
        changed = changed || !replacement.empty();
        i = j;
    }
    return changed ? out : std::string();
}

} // namespace oped::searcher
