#include <oped/searcher/spelling.hpp>

#include <oped/common/text.hpp>

#include <algorithm>
#include <vector>

namespace oped::searcher {
namespace {

constexpr std::size_t k_min_word = 3;
constexpr std::size_t k_max_word = 30;

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

std::string correct_word(const Xapian::Database& db, const std::string& word_in) {
    const std::string word = text::fold_case(word_in);
    const std::size_t letters = code_points(word).size();
    if (letters < k_min_word || letters > k_max_word) return {};
    if (db.term_exists(word)) return {};
    const unsigned limit = letters <= 5 ? 1 : 2;
    // Candidates share the first letter (all its bytes).
    std::size_t first = 1;
    while (first < word.size() && (static_cast<unsigned char>(word[first]) & 0xC0) == 0x80) ++first;
    const std::string prefix = word.substr(0, first);
    std::string best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    std::size_t looked = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        if (++looked > k_max_spelling_candidates) break;
        const std::string& term = *it;
        const unsigned d = edit_distance(word, term, limit);
        if (d > limit) continue;
        const Xapian::doccount freq = it.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = term;
            best_distance = d;
            best_freq = freq;
        }
    }
    return best;
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
