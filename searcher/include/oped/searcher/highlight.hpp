#pragma once

// The words of a query found in a text: marked in a whole text (an article
// reached from a search), and the material snippet.hpp chooses a passage
// from. Words match as the query matches them: as typed, by stem, or as one
// of the (bounded) expansions of a wildcard; excluded words (-word, NOT word)
// are not marked. A text is stemmed in its page's language, as the indexer
// stemmed it, and matched against the query's stems whatever language made
// them. The query's phrases (quoted, and its words in a row as typed) are
// marked as one span each.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oped::searcher {

class Highlighter {
  public:
    // Which of the query's words a word of a text matches: bit i for the
    // i-th position of the query (as typed, stop words counted), the 64th
    // bit standing for every position from there on.
    using Positions = std::uint64_t;

    // One word of a text: its bytes [start, end), and the query words it matches.
    struct Word {
        std::size_t start = 0;
        std::size_t end = 0;
        Positions matched = 0;
    };

    // Query words that must occur in a row: each with its distance in words
    // from the first (a stop word dropped from the query still takes its
    // place) and the positions that may fill it.
    struct Phrase {
        std::vector<std::pair<unsigned, Positions>> words;
        bool quoted = false; // a phrase the query asks for, not only its words in order
    };

    // Where a phrase occurs: the indexes of its first and last Word.
    struct PhraseMatch {
        std::size_t first = 0;
        std::size_t last = 0;
        std::size_t phrase = 0; // index into phrases()
    };

    // `db` gives the query parser its wildcard and spelling data.
    Highlighter(const Xapian::Database& db, std::string_view query);
    // The words of a query already parsed (QueryBuilder::parse); `db` expands
    // its wildcards. (A factory: a string converts to a Xapian::Query too.)
    static Highlighter of_parsed(const Xapian::Database& db, const Xapian::Query& query);

    bool empty() const { return m_words.empty() && m_stems.empty(); }

    // `text` (of a page in `language`) HTML-escaped, each word and phrase of
    // the query inside <mark>...</mark>.
    std::string html(std::string_view text, std::string_view language = {}) const;

    // Where the first word of the query starts in `text`, if anywhere.
    std::optional<std::size_t> first_match(std::string_view text, std::string_view language = {}) const;

    // Every word of `text` (of a page in `language`), with the query words it matches.
    std::vector<Word> words(std::string_view text, std::string_view language) const;
    const std::vector<Phrase>& phrases() const { return m_phrases; }
    // Every occurrence of each phrase among `words`, in the order of their first word.
    std::vector<PhraseMatch> find_phrases(const std::vector<Word>& words) const;
    // How many distinct positions the query has (at most 64).
    unsigned position_count() const { return m_position_count; }

    // text[from, to) HTML-escaped, with marks: each phrase match as one span,
    // and each other word that matches. A word the query holds only inside a
    // quoted phrase is marked alone only when `matches` (over the whole text)
    // hold none of its phrases: "the" of "liberty of the press" is not
    // marked all over a page that has the phrase. Marks are cut at `from`
    // and `to`, which must be character boundaries.
    std::string marked(std::string_view text, std::size_t from, std::size_t to, const std::vector<Word>& words,
                       const std::vector<PhraseMatch>& matches) const;

  private:
    Highlighter() = default;
    // Calls on_word(start, end, word in lower case) for each word of `text`
    // (Xapian's word characters, an apostrophe inside a word belonging to
    // it) until it returns false.
    template <typename OnWord>
    static void each_word(std::string_view text, OnWord on_word);
    // The query positions `lower` (a word in lower case) matches; `cache`
    // holds the words stemmed so far in this text.
    class Matcher;

    struct Leaf;
    // Gathers the positive terms of `query`; `phrases` counts the quoted
    // phrases met, `phrase` is the one `query` is part of (-1: none), and
    // `child` its place in that phrase.
    void add_terms(const Xapian::Database& db, const Xapian::Query& query, std::vector<Leaf>& leaves, int& phrases,
                   int phrase, std::size_t child);
    void build(std::vector<Leaf> leaves, int phrases);
    void add_term(std::string_view term, Positions position);

    std::unordered_map<std::string, Positions> m_words; // unstemmed, lower case
    std::unordered_map<std::string, Positions> m_stems;
    std::vector<Phrase> m_phrases;
    Positions m_phrase_only = 0; // positions found only inside quoted phrases
    unsigned m_position_count = 0;
    // The first ASCII byte, and the first two, that the query's stems start
    // with: only the words that may match a stem are stemmed.
    std::vector<bool> m_stem_first = std::vector<bool>(128);
    std::vector<bool> m_stem_heads =
        std::vector<bool>(std::size_t{128} * 129); // [a * 129 + b], b = 128: no second ASCII byte
};

} // namespace oped::searcher
