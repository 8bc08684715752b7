#include <oped/searcher/snippet.hpp>

#include <oped/common/text.hpp>

#include <algorithm>
#include <bit>
#include <cctype>
#include <compare>
#include <optional>
#include <vector>

namespace oped::searcher {
namespace {

constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";

using Word = Highlighter::Word;
using PhraseMatch = Highlighter::PhraseMatch;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A passage is cut only where a run of white space begins or ends, so no
// word, character or (once escaped) entity is split.
bool starts_chunk(std::string_view text, std::size_t i) {
    return i == 0 || (i < text.size() && is_space(text[i - 1]) && !is_space(text[i]));
}
bool ends_chunk(std::string_view text, std::size_t i) {
    return i == text.size() || (i > 0 && is_space(text[i]) && !is_space(text[i - 1]));
}

// Punctuation written against a word ("Orators,", "(Latin"): ASCII only, so a
// run of text without spaces (Chinese, Japanese) is never taken whole.
constexpr std::size_t k_max_clinging = 4;
bool is_clinging(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

// What a passage holds, compared in this order.
struct Score {
    unsigned quoted = 0;   // quoted phrases, each counted once
    unsigned in_order = 0; // 1 when it holds the query's words in a row
    unsigned distinct = 0; // distinct words of the query
    auto operator<=>(const Score&) const = default;
};

// The first and last matching word of the best passage no longer than
// `bytes`: each passage starts at a matching word and takes every matching
// word that ends within `bytes` of its start.
std::optional<std::pair<std::size_t, std::size_t>> best_passage(const std::vector<Word>& words,
                                                                const std::vector<PhraseMatch>& phrases,
                                                                const Highlighter& highlighter, std::size_t bytes) {
    std::vector<std::size_t> hits; // indexes of the matching words
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].matched != 0) hits.push_back(i);
    }
    if (hits.empty()) return std::nullopt;
    Score best_possible{0, 0, highlighter.position_count()};
    for (const auto& phrase : highlighter.phrases()) ++(phrase.quoted ? best_possible.quoted : best_possible.in_order);

    std::optional<Score> best;
    std::pair<std::size_t, std::size_t> chosen;
    std::size_t last = 0;         // into hits: the window's last word
    std::size_t first_phrase = 0; // into phrases: the first starting at or after the window
    for (std::size_t first = 0; first < hits.size(); ++first) {
        const std::size_t start = words[hits[first]].start;
        last = std::max(last, first);
        while (last + 1 < hits.size() && words[hits[last + 1]].end - start <= bytes) ++last;
        while (first_phrase < phrases.size() && phrases[first_phrase].first < hits[first]) ++first_phrase;

        Highlighter::Positions positions = 0;
        for (std::size_t i = first; i <= last; ++i) positions |= words[hits[i]].matched;
        std::uint64_t quoted = 0; // the quoted phrases held, by index (the 64th for all past it)
        bool in_order = false;
        for (std::size_t p = first_phrase; p < phrases.size() && phrases[p].first <= hits[last]; ++p) {
            if (phrases[p].last > hits[last]) continue;
            if (highlighter.phrases()[phrases[p].phrase].quoted) {
                quoted |= std::uint64_t{1} << std::min<std::size_t>(phrases[p].phrase, 63);
            } else {
                in_order = true;
            }
        }
        const Score score{static_cast<unsigned>(std::popcount(quoted)), in_order ? 1u : 0u,
                          static_cast<unsigned>(std::popcount(positions))};
        if (!best || score > *best) {
            best = score;
            chosen = {hits[first], hits[last]};
            if (score >= best_possible) break;
        }
    }
    return chosen;
}

// Whether a sentence or paragraph starts at byte `i`, the start of a chunk.
bool begins_sentence(std::string_view text, std::size_t i) {
    std::size_t j = i; // back over the white space before the chunk
    while (j > 0 && is_space(text[j - 1])) {
        if (text[--j] == '\n') return true;
    }
    if (j == 0) return true;
    // Back over closing quotes and brackets, then a full stop, ! or ?.
    while (j > 0) {
        const char c = text[j - 1];
        if (c == '"' || c == '\'' || c == ')') {
            --j;
        } else if (j >= 3 && text.substr(j - 3, 2) == "\xE2\x80" && (c == '\x9D' || c == '\x99')) {
            j -= 3;
        } else {
            break;
        }
    }
    return j > 0 && (text[j - 1] == '.' || text[j - 1] == '!' || text[j - 1] == '?');
}

// Where the sentence or paragraph holding byte `at` starts, if at or after `floor`.
std::optional<std::size_t> sentence_start(std::string_view text, std::size_t at, std::size_t floor) {
    for (std::size_t i = at + 1; i-- > floor;) {
        if (starts_chunk(text, i) && begins_sentence(text, i)) return i;
    }
    return std::nullopt;
}

// The text's bytes [from, to) to show around the words [start, end).
std::pair<std::size_t, std::size_t> surround(std::string_view text, std::size_t start, std::size_t end,
                                             std::size_t bytes) {
    if (text.size() <= bytes) return {0, text.size()};
    if (end - start > bytes) return {start, text::char_start(text, start + bytes)}; // one very long word
    std::size_t from = start;
    if (end <= bytes) {
        from = 0;
    } else {
        // Some text before the words: their sentence when it starts close
        // enough, else a little lead-in from the first whole word.
        const std::size_t slack = bytes - (end - start);
        if (const auto sentence = sentence_start(text, start, start - slack / 2)) {
            from = *sentence;
        } else {
            std::size_t at = start - slack / 4;
            while (at < start && !starts_chunk(text, at)) ++at;
            from = at;
        }
    }
    std::size_t to = from + bytes;
    if (to >= text.size()) {
        // The rest of the text fits: show it all, and more of what comes
        // before, from a sentence if one starts there.
        to = text.size();
        std::size_t at = text.size() - bytes;
        while (at < from && !starts_chunk(text, at)) ++at;
        std::size_t sentence = at;
        while (sentence < from && !(starts_chunk(text, sentence) && begins_sentence(text, sentence))) ++sentence;
        // A passage that starts a sentence starts one still.
        if (sentence < from || !(starts_chunk(text, from) && begins_sentence(text, from))) {
            from = std::min(from, sentence < from ? sentence : at);
        }
    } else {
        while (to > end && !ends_chunk(text, to)) --to;
    }
    // Words that fill the passage end it; the stop or comma that follows the
    // last one, or the quote or bracket before the first, belongs with it.
    while (to < text.size() && !ends_chunk(text, to) && to - end < k_max_clinging && is_clinging(text[to])) ++to;
    while (from > 0 && !starts_chunk(text, from) && start - from < k_max_clinging && is_clinging(text[from - 1])) {
        --from;
    }
    while (from < start && is_space(text[from])) ++from;
    while (to > end && is_space(text[to - 1])) --to;
    return {from, to};
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    text::append_html_escaped(out, text);
    return out;
}

std::string lead_snippet(std::string_view body, std::size_t bytes) {
    const std::string text = text::collapse_space(body.substr(0, bytes * 2));
    if (text.size() <= bytes) return html_escape(text);
    std::size_t cut = text.rfind(' ', bytes);
    if (cut == std::string::npos || cut < bytes / 2) {
        cut = text::char_start(text, bytes);
    }
    return html_escape(text.substr(0, cut)) + std::string(k_ellipsis);
}

std::string query_snippet(std::string_view body, std::string_view language, std::size_t bytes,
                          const Highlighter& highlighter) {
    if (highlighter.empty()) return lead_snippet(body, bytes);
    const std::vector<Word> words = highlighter.words(body, language);
    const std::vector<PhraseMatch> phrases = highlighter.find_phrases(words);
    const auto passage = best_passage(words, phrases, highlighter, bytes);
    if (!passage) return lead_snippet(body, bytes);
    const auto [from, to] = surround(body, words[passage->first].start, words[passage->second].end, bytes);
    std::string out;
    if (from > 0) out += k_ellipsis;
    out += highlighter.marked(body, from, to, words, phrases);
    std::size_t rest = to;
    while (rest < body.size() && is_space(body[rest])) ++rest;
    if (rest < body.size()) out += k_ellipsis;
    return out;
}

} // namespace oped::searcher
