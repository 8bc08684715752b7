#include "ranking.hpp"

#include <oped/common/schema.hpp>

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

std::vector<std::string> query_words(std::string_view text, std::size_t limit) {
    std::vector<Group> groups;
    if (!groups_of(text, groups)) return {};
    std::string wanted;
    for (const auto& g : groups) {
        if (g.excluded || g.field || g.text.find('*') != std::string_view::npos) continue;
        wanted += std::string(g.text) + " ";
    }
    // The TermGenerator splits and folds words exactly as the indexer did.
    Xapian::Document doc;
    Xapian::TermGenerator terms;
    terms.set_document(doc);
    terms.index_text(wanted);
    std::map<Xapian::termpos, std::string> at;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace(*p, *t);
    }
    std::vector<std::string> out;
    for (auto& [pos, word] : at) {
        if (out.size() == limit) break;
        out.push_back(std::move(word));
    }
    return out;
}

Xapian::Query ranking_boost(const std::vector<std::string>& words, const Xapian::Stopper& stopper) {
    if (words.empty()) return Xapian::Query();
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
    if (words.size() >= 2 && words.size() <= k_phrase_words) parts.push_back(scaled(k_phrase_factor, phrase(words)));
    if (words.size() >= 3) {
        std::vector<Xapian::Query> pairs;
        for (std::size_t i = 0; i + 1 < words.size() && pairs.size() < k_max_pairs; ++i) {
            if (stopper(words[i]) && stopper(words[i + 1])) continue;
            pairs.push_back(phrase({words[i], words[i + 1]}));
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
