#include <oped/searcher/highlight.hpp>

#include <oped/searcher/query_builder.hpp>
#include <oped/searcher/search.hpp>
#include <oped/searcher/searcher.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace oped::searcher {
namespace {

bool is_apostrophe(unsigned cp) { return cp == '\'' || cp == 0x2019; }

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

} // namespace

Highlighter::Highlighter(const Xapian::Database& db, std::string_view query) : m_stem("en") {
    add_terms(db, QueryBuilder(db).parse(query).query);
}

Highlighter Highlighter::of_parsed(const Xapian::Database& db, const Xapian::Query& query) {
    Highlighter h;
    h.add_terms(db, query);
    return h;
}

void Highlighter::add_terms(const Xapian::Database& db, const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_WILDCARD) {
        if (const auto pattern = wildcard_pattern(query)) {
            for (const auto& term : wildcard_terms(db, *pattern)) add_term(term);
        }
        return;
    }
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) add_term(*it);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        // Past the first: what the user excluded (AND_NOT), or filters (FILTER).
        const auto type = query.get_type();
        if (i > 0 && (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)) break;
        add_terms(db, query.get_subquery(i));
    }
}

void Highlighter::add_term(std::string_view term) {
    const bool stemmed = !term.empty() && term.front() == 'Z';
    if (stemmed) term.remove_prefix(1);
    // Field prefixes are capitals; the word follows them.
    while (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') term.remove_prefix(1);
    if (term.empty() || term.find(' ') != std::string_view::npos) return;
    (stemmed ? m_stems : m_words).emplace(term);
}

bool Highlighter::matches(const std::string& lower) const {
    if (m_words.count(lower) != 0) return true;
    // Stemming is the costly part: only words that begin as a stem of the
    // query does (a stem keeps its word's first two letters) are stemmed.
    bool may_match = false;
    for (const auto& stem : m_stems) {
        const std::size_t n = std::min<std::size_t>(2, stem.size());
        if (lower.compare(0, n, stem, 0, n) == 0) {
            may_match = true;
            break;
        }
    }
    return may_match && m_stems.count(m_stem(lower)) != 0;
}

template <typename OnWord>
void Highlighter::each_word(std::string_view text, OnWord on_word) {
    std::string word; // the current word, in lower case; one buffer for all
    Xapian::Utf8Iterator it(text.data(), text.size()), end;
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        const std::size_t word_start = it.raw() - text.data();
        word.clear();
        while (it != end) {
            const unsigned cp = *it;
            if (Xapian::Unicode::is_wordchar(cp)) {
                Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(cp));
                ++it;
                continue;
            }
            // An apostrophe inside a word ("nation's") belongs to it.
            Xapian::Utf8Iterator next = it;
            ++next;
            if (is_apostrophe(cp) && next != end && Xapian::Unicode::is_wordchar(*next)) {
                word.push_back('\'');
                it = next;
                continue;
            }
            break;
        }
        const std::size_t word_end = it == end ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        if (!on_word(word_start, word_end, word)) return;
    }
}

std::string Highlighter::html(std::string_view text) const {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t plain_from = 0; // start of text not yet copied
    each_word(text, [&](std::size_t word_start, std::size_t word_end, const std::string& word) {
        if (!matches(word)) return true;
        out += html_escape(text.substr(plain_from, word_start - plain_from));
        out += "<mark>";
        out += html_escape(text.substr(word_start, word_end - word_start));
        out += "</mark>";
        plain_from = word_end;
        return true;
    });
    out += html_escape(text.substr(plain_from));
    return out;
}

std::optional<std::size_t> Highlighter::first_match(std::string_view text) const {
    std::optional<std::size_t> found;
    each_word(text, [&](std::size_t word_start, std::size_t, const std::string& word) {
        if (matches(word)) found = word_start;
        return !found;
    });
    return found;
}

} // namespace oped::searcher
