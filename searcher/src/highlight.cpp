#include <oped/searcher/highlight.hpp>

#include <oped/searcher/query_builder.hpp>
#include <oped/searcher/searcher.hpp>

namespace oped::searcher {
namespace {

bool is_apostrophe(unsigned cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

Highlighter::Highlighter(const Xapian::Database& db, std::string_view query) : m_stem("en") {
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse(query);
    for (auto it = parsed.query.get_unique_terms_begin(); it != parsed.query.get_unique_terms_end(); ++it) {
        // *it is a temporary string: keep it alive for the view below.
        const std::string whole = *it;
        std::string_view term = whole;
        const bool stemmed = !term.empty() && term.front() == 'Z';
        if (stemmed) term.remove_prefix(1);
        // Field prefixes are capitals; the word follows them.
        while (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') term.remove_prefix(1);
        if (term.empty() || term.find(' ') != std::string_view::npos) continue;
        (stemmed ? m_stems : m_words).emplace(term);
    }
}

bool Highlighter::matches(const std::string& word) const {
    const std::string lower = Xapian::Unicode::tolower(word);
    if (m_words.count(lower) != 0) return true;
    return !m_stems.empty() && m_stems.count(m_stem(lower)) != 0;
}

std::string Highlighter::html(std::string_view text) const {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t plain_from = 0;  // start of text not yet copied
    Xapian::Utf8Iterator it(text.data(), text.size()), end;
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        const std::size_t word_start = it.raw() - text.data();
        std::string word;
        while (it != end) {
            const unsigned cp = *it;
            if (Xapian::Unicode::is_wordchar(cp)) {
                Xapian::Unicode::append_utf8(word, cp);
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
        const std::size_t word_end =
            it == end ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
        if (!matches(word)) continue;
        out += html_escape(text.substr(plain_from, word_start - plain_from));
        out += "<mark>";
        out += html_escape(text.substr(word_start, word_end - word_start));
        out += "</mark>";
        plain_from = word_end;
    }
    out += html_escape(text.substr(plain_from));
    return out;
}

}  // namespace oped::searcher
