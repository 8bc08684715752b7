#include <oped/searcher/highlight.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>
#include <oped/searcher/query_builder.hpp>
#include <oped/searcher/search.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace oped::searcher {
namespace {

constexpr unsigned k_max_positions = 64;

// The pattern of an OP_WILDCARD query ("Sconstitu" for title:constitu*).
// Xapian 1.4 has no accessor for it, and its terms are not among the query's
// terms (they are expanded at match time), so it is read from the description,
// "Query(WILDCARD SYNONYM Sconstitu)".
std::optional<std::string> wildcard_pattern(const Xapian::Query& query) {
    const std::string description = query.get_description();
    const std::string head = "Query(WILDCARD ";
    if (description.compare(0, head.size(), head) != 0 || description.back() != ')') return std::nullopt;
    const auto space = description.find(' ', head.size()); // after the combining operator
    if (space == std::string::npos) return std::nullopt;
    return description.substr(space + 1, description.size() - space - 2);
}

// The position a term query was given in the query text ("Query(Zarmi@2)"),
// 0 when it has none. Xapian 1.4 has no accessor for it either.
Xapian::termpos term_position(const Xapian::Query& leaf) {
    const std::string description = leaf.get_description();
    const auto at = description.rfind('@');
    if (at == std::string::npos || description.back() != ')') return 0;
    Xapian::termpos pos = 0;
    const char* end = description.data() + description.size() - 1;
    const auto [ptr, ec] = std::from_chars(description.data() + at + 1, end, pos);
    return ec == std::errc() && ptr == end ? pos : 0;
}

// The terms a wildcard is expanded to when searching: those starting with the
// pattern, the k_max_wildcard_terms most frequent when there are more, as the
// query parser is told to do (WILDCARD_LIMIT_MOST_FREQUENT).
std::vector<std::string> wildcard_terms(const Xapian::Database& db, const std::string& pattern) {
    using Entry = std::pair<Xapian::doccount, std::string>;
    // The least frequent of those kept on top, to be dropped first.
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> kept;
    for (auto it = db.allterms_begin(pattern); it != db.allterms_end(pattern); ++it) {
        kept.emplace(it.get_termfreq(), *it);
        if (kept.size() > k_max_wildcard_terms) kept.pop();
    }
    std::vector<std::string> terms;
    for (; !kept.empty(); kept.pop()) terms.push_back(kept.top().second);
    return terms;
}

bool is_apostrophe(unsigned cp) { return cp == '\'' || cp == 0x2019; }

// Xapian's word characters among ASCII, looked up once.
const std::array<bool, 128>& ascii_word_chars() {
    static const std::array<bool, 128> table = [] {
        std::array<bool, 128> t{};
        for (unsigned c = 0; c < 128; ++c) t[c] = Xapian::Unicode::is_wordchar(c);
        return t;
    }();
    return table;
}

// The code point at byte `i` and its length in bytes (an invalid byte is one
// character, as Xapian reads it).
std::pair<unsigned, std::size_t> char_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {c, 1};
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    const unsigned cp = *it;
    ++it;
    const std::size_t length = it == Xapian::Utf8Iterator() ? text.size() - i : it.raw() - (text.data() + i);
    return {cp, std::max<std::size_t>(length, 1)};
}

bool is_word_char(unsigned cp) { return cp < 128 ? ascii_word_chars()[cp] : Xapian::Unicode::is_wordchar(cp); }

// Stemmers that take letters off the front of a word, so that its stem need
// not start as the word does.
bool strips_prefixes(std::string_view language) {
    for (std::string_view code : {"ar", "ga", "id", "arabic", "irish", "indonesian"}) {
        if (language == code) return true;
    }
    return false;
}

} // namespace

// One term of the query as written, or a wildcard's expansions, at its
// position; `phrase` and `child` say where in a quoted phrase it stands.
struct Highlighter::Leaf {
    std::vector<std::string> terms;
    Xapian::termpos pos = 0;
    int phrase = -1;
    std::size_t child = 0;
};

// The query words one text matches, stemmed in the text's language.
class Highlighter::Matcher {
  public:
    Matcher(const Highlighter& highlighter, std::string_view language)
        : m_h(highlighter), m_stem(schema::stemmer_for(language)), m_stem_all(strips_prefixes(language)) {}

    Positions operator()(const std::string& lower) {
        Positions found = 0;
        if (const auto it = m_h.m_words.find(lower); it != m_h.m_words.end()) found = it->second;
        if (m_h.m_stems.empty() || m_stem.is_none() || !may_match_stem(lower)) return found;
        const auto [cached, added] = m_stemmed.try_emplace(lower, 0);
        if (added) {
            if (const auto it = m_h.m_stems.find(m_stem(lower)); it != m_h.m_stems.end()) cached->second = it->second;
        }
        return found | cached->second;
    }

  private:
    // Stemming is the costly part: a word is stemmed only when it begins as
    // a stem of the query does (a stem keeps its word's first letters), or
    // when it starts with a letter outside ASCII (which a stemmer may fold).
    bool may_match_stem(const std::string& lower) const {
        const auto a = static_cast<unsigned char>(lower[0]);
        if (a >= 0x80 || m_stem_all) return true;
        const auto b = lower.size() > 1 ? static_cast<unsigned char>(lower[1]) : 0x80;
        if (b >= 0x80) return m_h.m_stem_first[a];
        return m_h.m_stem_heads[a * 129 + b] || m_h.m_stem_heads[a * 129 + 128];
    }

    const Highlighter& m_h;
    Xapian::Stem m_stem;
    bool m_stem_all;
    std::unordered_map<std::string, Positions> m_stemmed; // each word stemmed once per text
};

Highlighter::Highlighter(const Xapian::Database& db, std::string_view query) {
    *this = of_parsed(db, QueryBuilder(db).parse(query).query);
}

Highlighter Highlighter::of_parsed(const Xapian::Database& db, const Xapian::Query& query) {
    Highlighter h;
    std::vector<Leaf> leaves;
    int phrases = 0;
    h.add_terms(db, query, leaves, phrases, -1, 0);
    h.build(std::move(leaves), phrases);
    return h;
}

void Highlighter::add_terms(const Xapian::Database& db, const Xapian::Query& query, std::vector<Leaf>& leaves,
                            int& phrases, int phrase, std::size_t child) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
        if (const auto pattern = wildcard_pattern(query)) {
            leaves.push_back(Leaf{wildcard_terms(db, *pattern), 0, phrase, child});
        }
        return;
    }
    if (type == Xapian::Query::LEAF_TERM) {
        Leaf leaf{{}, term_position(query), phrase, child};
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
            leaf.terms.push_back(*it);
        }
        leaves.push_back(std::move(leaf));
        return;
    }
    const bool starts_phrase = type == Xapian::Query::OP_PHRASE && phrase < 0;
    const int inner = starts_phrase ? phrases++ : phrase;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        // Past the first: what the user excluded (AND_NOT), or filters (FILTER).
        if (i > 0 && (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)) break;
        add_terms(db, query.get_subquery(i), leaves, phrases, inner, starts_phrase ? i : child);
    }
}

void Highlighter::build(std::vector<Leaf> leaves, int phrases) {
    // A term without a position (a wildcard) takes the one after the last.
    Xapian::termpos last = 0;
    for (auto& leaf : leaves) {
        if (leaf.pos == 0) leaf.pos = last + 1;
        last = leaf.pos;
    }
    std::map<Xapian::termpos, Positions> bits;
    for (const auto& leaf : leaves) bits.emplace(leaf.pos, 0);
    unsigned index = 0;
    for (auto& [pos, bit] : bits) {
        bit = Positions{1} << std::min(index, k_max_positions - 1);
        ++index;
    }
    m_position_count = std::min<unsigned>(index, k_max_positions);

    Positions in_phrases = 0, outside = 0;
    std::vector<std::map<std::size_t, std::pair<Xapian::termpos, Positions>>> children(phrases);
    for (const auto& leaf : leaves) {
        const Positions bit = bits[leaf.pos];
        for (const auto& term : leaf.terms) add_term(term, bit);
        if (leaf.phrase < 0) {
            outside |= bit;
            continue;
        }
        in_phrases |= bit;
        auto& slot = children[leaf.phrase].try_emplace(leaf.child, leaf.pos, 0).first->second;
        slot.second |= bit;
    }
    m_phrase_only = in_phrases & ~outside;

    // Offsets in words from the first: as the positions say, or one apart.
    auto offsets = [](const std::vector<std::pair<Xapian::termpos, Positions>>& words) {
        Phrase phrase;
        unsigned offset = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i > 0) offset += words[i].first > words[i - 1].first ? words[i].first - words[i - 1].first : 1;
            phrase.words.emplace_back(offset, words[i].second);
        }
        return phrase;
    };
    for (const auto& phrase_children : children) {
        std::vector<std::pair<Xapian::termpos, Positions>> words;
        words.reserve(phrase_children.size());
        for (const auto& [child, word] : phrase_children) words.push_back(word);
        if (words.size() < 2) continue;
        Phrase phrase = offsets(words);
        phrase.quoted = true;
        m_phrases.push_back(std::move(phrase));
    }
    // The query's words in a row, as typed.
    if (bits.size() >= 2 && bits.size() <= k_max_positions) {
        Phrase in_order = offsets({bits.begin(), bits.end()});
        const bool known =
            std::any_of(m_phrases.begin(), m_phrases.end(), [&](const Phrase& p) { return p.words == in_order.words; });
        if (!known) m_phrases.push_back(std::move(in_order));
    }

    for (const auto& [stem, bit] : m_stems) {
        const auto a = static_cast<unsigned char>(stem[0]);
        if (a >= 0x80) continue; // words starting outside ASCII are always stemmed
        m_stem_first[a] = true;
        const auto b = stem.size() > 1 ? static_cast<unsigned char>(stem[1]) : 0x80;
        m_stem_heads[a * 129 + std::min<unsigned>(b, 128)] = true;
    }
}

void Highlighter::add_term(std::string_view term, Positions position) {
    const bool stemmed = !term.empty() && term.front() == 'Z';
    if (stemmed) term.remove_prefix(1);
    // Field prefixes are capitals; the word follows them.
    while (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') term.remove_prefix(1);
    if (term.empty() || term.find(' ') != std::string_view::npos) return;
    (stemmed ? m_stems : m_words)[std::string(term)] |= position;
}

template <typename OnWord>
void Highlighter::each_word(std::string_view text, OnWord on_word) {
    std::string word; // the current word, in lower case; one buffer for all
    std::size_t i = 0;
    while (i < text.size()) {
        const auto [first, first_length] = char_at(text, i);
        if (!is_word_char(first)) {
            i += first_length;
            continue;
        }
        const std::size_t word_start = i;
        word.clear();
        while (i < text.size()) {
            const auto [cp, length] = char_at(text, i);
            if (is_word_char(cp)) {
                if (cp < 128) {
                    word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                } else {
                    Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(cp));
                }
                i += length;
                continue;
            }
            // An apostrophe inside a word ("nation's") belongs to it.
            if (is_apostrophe(cp) && i + length < text.size() && is_word_char(char_at(text, i + length).first)) {
                word.push_back('\'');
                i += length;
                continue;
            }
            break;
        }
        if (!on_word(word_start, i, word)) return;
    }
}

std::vector<Highlighter::Word> Highlighter::words(std::string_view text, std::string_view language) const {
    Matcher match(*this, language);
    std::vector<Word> out;
    out.reserve(text.size() / 6);
    each_word(text, [&](std::size_t start, std::size_t end, const std::string& word) {
        out.push_back(Word{start, end, match(word)});
        return true;
    });
    return out;
}

std::vector<Highlighter::PhraseMatch> Highlighter::find_phrases(const std::vector<Word>& words) const {
    std::vector<PhraseMatch> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].matched == 0) continue;
        for (std::size_t p = 0; p < m_phrases.size(); ++p) {
            const auto& phrase = m_phrases[p].words;
            const std::size_t last = i + phrase.back().first;
            if (last >= words.size()) continue;
            const bool all = std::all_of(phrase.begin(), phrase.end(), [&](const auto& word) {
                return (words[i + word.first].matched & word.second) != 0;
            });
            if (all) out.push_back(PhraseMatch{i, last, p});
        }
    }
    return out;
}

std::string Highlighter::marked(std::string_view text, std::size_t from, std::size_t to, const std::vector<Word>& words,
                                const std::vector<PhraseMatch>& matches) const {
    Positions found = 0; // the positions of quoted phrases the text holds
    for (const auto& match : matches) {
        if (!m_phrases[match.phrase].quoted) continue;
        for (const auto& word : m_phrases[match.phrase].words) found |= word.second;
    }
    const Positions alone = ~(m_phrase_only & found); // the positions marked outside phrases

    std::vector<std::pair<std::size_t, std::size_t>> spans;
    spans.reserve(matches.size());
    for (const auto& match : matches) spans.emplace_back(words[match.first].start, words[match.last].end);
    for (const auto& word : words) {
        if ((word.matched & alone) != 0) spans.emplace_back(word.start, word.end);
    }
    std::sort(spans.begin(), spans.end());

    std::string out;
    out.reserve((to - from) + (to - from) / 8);
    std::size_t plain_from = from; // start of text not yet copied
    for (std::size_t i = 0; i < spans.size();) {
        auto [start, end] = spans[i];
        // Overlapping spans (a word inside a phrase, phrases that share words) make one.
        for (++i; i < spans.size() && spans[i].first < end; ++i) end = std::max(end, spans[i].second);
        start = std::max(start, from);
        end = std::min(end, to);
        if (start >= end || start < plain_from) continue;
        text::append_html_escaped(out, text.substr(plain_from, start - plain_from));
        out += "<mark>";
        text::append_html_escaped(out, text.substr(start, end - start));
        out += "</mark>";
        plain_from = end;
    }
    if (plain_from < to) text::append_html_escaped(out, text.substr(plain_from, to - plain_from));
    return out;
}

std::string Highlighter::html(std::string_view text, std::string_view language) const {
    const std::vector<Word> found = words(text, language);
    return marked(text, 0, text.size(), found, find_phrases(found));
}

std::optional<std::size_t> Highlighter::first_match(std::string_view text, std::string_view language) const {
    Matcher match(*this, language);
    std::optional<std::size_t> found;
    each_word(text, [&](std::size_t word_start, std::size_t, const std::string& word) {
        if (match(word) != 0) found = word_start;
        return !found;
    });
    return found;
}

} // namespace oped::searcher
