#include "ranking.hpp"

#include <oped/common/schema.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace oped::searcher {
namespace {

using Op = Xapian::Query::op;

// Up to this many words are rewarded as one phrase; a longer query is
// rewarded by its adjacent pairs, the first k_max_pairs of them.
constexpr std::size_t k_phrase_words = 8;
constexpr std::size_t k_max_pairs = 12;
// A title holding all of up to this many of the query's words is a title match.
constexpr std::size_t k_title_words = 8;

// Weight factors against the matching words' own weight. A phrase outweighs
// any difference in how often scattered words occur, and a title made of the
// query's words outweighs a phrase in the body.
constexpr double k_exact_factor = 0.5;
constexpr double k_phrase_factor = 2.0;
constexpr double k_pair_factor = 1.0;
constexpr double k_title_factor = 2.0;
constexpr double k_title_phrase_factor = 2.0;

bool is_operator(std::string_view token) {
    for (std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
        if (token == op) return true;
    }
    return false;
}

// One group of the query's text: a word, or a quoted stretch, with its sign
// and field prefix.
struct Group {
    std::string_view text;
    bool excluded = false;
    bool field = false;
};

// Splits at spaces outside quotes; false when the text has operators or
// parentheses.
bool groups_of(std::string_view s, std::vector<Group>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        if (i == s.size()) break;
        Group g;
        if (s[i] == '-' || s[i] == '+') {
            g.excluded = s[i] == '-';
            ++i;
        }
        std::size_t name = i;
        while (name < s.size() && std::isalpha(static_cast<unsigned char>(s[name]))) ++name;
        if (name > i && name < s.size() && s[name] == ':') {
            g.field = true;
            i = name + 1;
        }
        const std::size_t start = i;
        if (i < s.size() && s[i] == '"') {
            const std::size_t close = s.find('"', i + 1);
            i = close == std::string_view::npos ? s.size() : close + 1;
        } else {
            while (i < s.size() && s[i] != ' ') ++i;
        }
        g.text = s.substr(start, i - start);
        if (!g.field && !g.excluded && is_operator(g.text)) return false;
        if (g.text.find_first_of("()") != std::string_view::npos) return false;
        out.push_back(g);
    }
    return true;
}

Xapian::Query scaled(double factor, const Xapian::Query& q) { return Xapian::Query(Op::OP_SCALE_WEIGHT, q, factor); }

Xapian::Query phrase(const std::vector<std::string>& terms) {
    return Xapian::Query(Op::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
}

std::vector<std::string> prefixed(std::string_view prefix, const std::vector<std::string>& words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (const auto& w : words) out.push_back(std::string(prefix) + w);
    return out;
}

} // namespace

QueryWords query_words(std::string_view text, std::size_t limit) {
    std::vector<Group> groups;
    QueryWords out;
    if (!groups_of(text, groups)) return out;
    std::size_t phrases = 0;
    for (const auto& g : groups) {
        if (g.excluded || g.field || g.text.find('*') != std::string_view::npos) continue;
        const bool quoted = g.text.starts_with('"');
        if (quoted) ++phrases;
        // The TermGenerator splits and folds words exactly as the indexer did.
        Xapian::Document doc;
        Xapian::TermGenerator terms;
        terms.set_document(doc);
        terms.index_text(std::string(g.text));
        std::map<Xapian::termpos, std::string> at;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace(*p, *t);
        }
        for (auto& [pos, word] : at) {
            if (out.words.size() == limit) return out;
            out.words.push_back(std::move(word));
            out.phrase.push_back(quoted ? phrases : 0);
        }
    }
    return out;
}

Xapian::Query ranking_boost(const QueryWords& query, const Xapian::Stopper& stopper, bool phrases_required) {
    const std::vector<std::string>& words = query.words;
    if (words.empty()) return Xapian::Query();
    // Whether every match of the query holds words[i..j] in a row: they sit
    // in one quoted phrase that the query requires.
    auto in_one_phrase = [&](std::size_t i, std::size_t j) {
        return phrases_required && query.phrase[i] != 0 &&
               std::all_of(query.phrase.begin() + static_cast<std::ptrdiff_t>(i),
                           query.phrase.begin() + static_cast<std::ptrdiff_t>(j) + 1,
                           [&](std::size_t p) { return p == query.phrase[i]; });
    };
    // A phrase the query has checked is weighed by its words: the same weight.
    auto phrase_or_words = [&](std::size_t i, std::size_t j) {
        const auto first = words.begin() + static_cast<std::ptrdiff_t>(i);
        const auto last = words.begin() + static_cast<std::ptrdiff_t>(j) + 1;
        if (in_one_phrase(i, j)) return Xapian::Query(Op::OP_AND, first, last);
        return phrase(std::vector<std::string>(first, last));
    };
    std::vector<std::string> content;
    std::set<std::string> seen;
    for (const auto& w : words) {
        if (!stopper(w) && seen.insert(w).second) content.push_back(w);
    }
    std::vector<Xapian::Query> parts;
    // The words as typed count more than other forms of the same stem.
    if (!content.empty()) {
        parts.push_back(scaled(k_exact_factor, Xapian::Query(Op::OP_OR, content.begin(), content.end())));
    }
    if (words.size() >= 2 && words.size() <= k_phrase_words) {
        parts.push_back(scaled(k_phrase_factor, phrase_or_words(0, words.size() - 1)));
    }
    if (words.size() >= 3) {
        std::vector<Xapian::Query> pairs;
        for (std::size_t i = 0; i + 1 < words.size() && pairs.size() < k_max_pairs; ++i) {
            if (stopper(words[i]) && stopper(words[i + 1])) continue;
            pairs.push_back(phrase_or_words(i, i + 1));
        }
        parts.push_back(scaled(k_pair_factor, Xapian::Query(Op::OP_OR, pairs.begin(), pairs.end())));
    }
    const std::string_view title = schema::prefix::title;
    if (!content.empty() && content.size() <= k_title_words) {
        const auto in_title = prefixed(title, content);
        parts.push_back(scaled(k_title_factor, Xapian::Query(Op::OP_AND, in_title.begin(), in_title.end())));
    }
    if (words.size() >= 2 && words.size() <= k_title_words) {
        parts.push_back(scaled(k_title_phrase_factor, phrase(prefixed(title, words))));
    }
    return Xapian::Query(Op::OP_OR, parts.begin(), parts.end());
}

Xapian::Query with_boost(const Xapian::Query& query, const Xapian::Query& boost) {
    if (boost.empty()) return query;
    return Xapian::Query(Op::OP_OR, query, Xapian::Query(Op::OP_FILTER, boost, query));
}

} // namespace oped::searcher
