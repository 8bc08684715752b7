#include <oped/searcher/suggest.hpp>

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>
#include <oped/searcher/search.hpp>

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace oped::searcher {
namespace {

// The most frequent completions of the last word that are weighed further.
constexpr std::size_t k_max_completions = 30;
// Pages checked per "previous word + completion" phrase: enough to rank.
constexpr Xapian::doccount k_max_phrase_count = 100;
// Headlines offered, and the pages read to find them.
constexpr std::size_t k_max_headlines = 3;
constexpr Xapian::doccount k_headline_pages = 20;
// Occurrences of a word read to learn how the pages write it.
constexpr int k_case_samples = 8;

struct Candidate {
    std::string text;
    Xapian::doccount freq = 0;
    bool is_word = false; // a completion, written as the pages write it when offered
};

void by_frequency(std::vector<Candidate>& all) {
    std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.freq > b.freq; });
}

// A word of a text: where it starts, its length in bytes, and its form as
// an index term (Xapian's lower case).
struct Word {
    std::size_t at = 0;
    std::size_t size = 0;
    std::string folded;
};

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019; }

// Calls `fn(at, size)` for each word of `s` as the indexer splits words
// (Unicode word characters, apostrophes inside a word), until it says stop.
void each_word(std::string_view s, const std::function<bool(std::size_t, std::size_t)>& fn) {
    constexpr std::size_t none = std::string_view::npos;
    const Xapian::Utf8Iterator end;
    Xapian::Utf8Iterator it(s.data(), s.size());
    std::size_t start = none;
    while (it != end) {
        const auto here = static_cast<std::size_t>(it.raw() - s.data());
        const unsigned ch = *it;
        ++it;
        const bool inside = Xapian::Unicode::is_wordchar(ch) ||
                            (is_apostrophe(ch) && start != none && it != end && Xapian::Unicode::is_wordchar(*it));
        if (inside && start == none) start = here;
        if (!inside && start != none) {
            if (!fn(start, here - start)) return;
            start = none;
        }
    }
    if (start != none) fn(start, s.size() - start);
}

std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> out;
    each_word(s, [&](std::size_t at, std::size_t size) {
        out.push_back({at, size, Xapian::Unicode::tolower(std::string(s.substr(at, size)))});
        return true;
    });
    return out;
}

bool any_word_starts_with(std::string_view name, std::string_view prefix) {
    for (std::size_t at = 0; at < name.size();) {
        if (name.compare(at, prefix.size(), prefix) == 0) return true;
        const auto space = name.find(' ', at);
        if (space == std::string_view::npos) break;
        at = space + 1;
    }
    return false;
}

// The display form of a folded author name, read from an article naming them.
std::string display_author(const Xapian::Database& db, const std::string& term, std::string_view folded) {
    const auto first = db.postlist_begin(term);
    if (first == db.postlist_end(term)) return std::string(folded);
    for (auto& name : schema::decode_list(db.get_document(*first).get_value(schema::slot::authors))) {
        if (schema::fold_for_term(name) == folded) return name;
    }
    return std::string(folded);
}

std::vector<Candidate> authors(const Xapian::Database& db, const std::string& folded) {
    std::vector<Candidate> found;
    const std::string prefix(schema::prefix::author_exact);
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < k_max_suggest_scan;
         ++it, ++scanned) {
        const std::string term = *it;
        const std::string_view name = std::string_view(term).substr(prefix.size());
        if (any_word_starts_with(name, folded)) found.push_back({term, it.get_termfreq()});
    }
    by_frequency(found);
    if (found.size() > k_max_suggestions) found.resize(k_max_suggestions);
    for (auto& c : found) c.text = display_author(db, c.text, std::string_view(c.text).substr(prefix.size()));
    return found;
}

// The k_max_completions most frequent words starting with `prefix`, most
// frequent first.
std::vector<Candidate> completions(const Xapian::Database& db, const std::string& prefix) {
    using Entry = std::pair<Xapian::doccount, std::string>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> kept; // least frequent on top
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < k_max_suggest_scan;
         ++it, ++scanned) {
        kept.emplace(it.get_termfreq(), *it);
        if (kept.size() > k_max_completions) kept.pop();
    }
    std::vector<Candidate> out;
    for (; !kept.empty(); kept.pop()) out.push_back({kept.top().second, kept.top().first, true});
    std::reverse(out.begin(), out.end());
    return out;
}

// Pages holding the words as a phrase, counted up to k_max_phrase_count.
Xapian::doccount phrase_count(const Xapian::Database& db, const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms(words.begin(), words.end());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                    static_cast<Xapian::termcount>(terms.size())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, k_max_phrase_count).get_matches_estimated();
}

// The completions that follow the words before them as a phrase, most
// pages first: after the two words before ("of the pr" -> "of the press"),
// else after the one word before; empty when none does.
std::vector<Candidate> phrase_completions(const Xapian::Database& db, const std::vector<Word>& typed,
                                          const std::vector<Candidate>& words) {
    const std::size_t n = typed.size();
    for (std::size_t context = std::min<std::size_t>(2, n - 1); context > 0; --context) {
        std::vector<std::string> phrase;
        for (std::size_t i = n - 1 - context; i + 1 < n; ++i) phrase.push_back(typed[i].folded);
        phrase.emplace_back();
        std::vector<Candidate> out;
        for (const auto& w : words) {
            phrase.back() = w.text;
            if (const auto count = phrase_count(db, phrase); count > 0) out.push_back({w.text, count, true});
        }
        by_frequency(out);
        if (!out.empty()) return out;
    }
    return {};
}

bool sentence_start(std::string_view text, std::size_t at) {
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '"' || text[at - 1] == '\'')) --at;
    return at == 0 || std::string_view(".?!:\n").find(text[at - 1]) != std::string_view::npos;
}

// How a page holding `word` writes it: in lower case when it ever does so,
// else as it is written where no sentence starts (a name: "Madison").
std::string display_word(const Xapian::Database& db, const std::string& word) {
    const auto first = db.postlist_begin(word);
    if (first == db.postlist_end(word)) return word;
    auto article = decode_docdata(db.get_document(*first).get_data());
    if (!article) return word;
    std::string shown;
    int samples = 0;
    bool settled = false;
    auto look = [&](std::string_view text, bool is_name) {
        each_word(text, [&](std::size_t at, std::size_t size) {
            if (size + 2 < word.size() || size > word.size() + 2) return true;
            const std::string_view raw = text.substr(at, size);
            if (Xapian::Unicode::tolower(std::string(raw)) != word) return true;
            if (raw == word) {
                shown = word;
                settled = true;
            } else if (Xapian::Unicode::toupper(std::string(raw)) == raw && raw.size() > 1) {
                // A word in capitals says nothing: a heading, an acronym.
            } else if (is_name || !sentence_start(text, at)) {
                if (shown.empty()) shown = raw;
            }
            settled = settled || ++samples >= k_case_samples;
            return !settled;
        });
    };
    for (const auto& name : article.value().authors) {
        if (!settled) look(name, true);
    }
    if (!settled) look(article.value().body, false);
    return shown.empty() ? word : shown;
}

// Where the typed words begin a run of the title's words, the last typed
// word as a prefix; npos when they do not.
std::size_t typed_words_at(const std::vector<Word>& title, const std::vector<Word>& typed) {
    for (std::size_t start = 0; start + typed.size() <= title.size(); ++start) {
        bool all = true;
        for (std::size_t i = 0; i < typed.size() && all; ++i) {
            const std::string& t = title[start + i].folded;
            all = i + 1 < typed.size() ? t == typed[i].folded
                                       : t.compare(0, typed[i].folded.size(), typed[i].folded) == 0;
        }
        if (all) return start;
    }
    return std::string::npos;
}

bool is_article_word(const std::string& w) { return w == "the" || w == "a" || w == "an"; }

// Headlines that begin with the typed words (after "The", "A" or "An"),
// then for two words or more those that hold them in a row, most relevant
// first. Found through the title terms: the pages with every typed word in
// the title, the last one expanded as word* is (Xapian 1.4 has no wildcard
// in a phrase), then their titles read.
std::vector<Candidate> headlines(const Xapian::Database& db, const std::vector<Word>& typed) {
    const std::string prefix(schema::prefix::title);
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i + 1 < typed.size(); ++i) parts.emplace_back(prefix + typed[i].folded);
    parts.emplace_back(Xapian::Query::OP_WILDCARD, prefix + typed.back().folded, k_max_wildcard_terms,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    const Xapian::MSet pages = enquire.get_mset(0, k_headline_pages);
    std::vector<Candidate> begin, inside;
    for (auto it = pages.begin(); it != pages.end(); ++it) {
        auto article = decode_docdata(it.get_document().get_data());
        if (!article) continue;
        std::string title = text::collapse_space(article.value().title);
        const auto words = words_of(title);
        const auto at = typed_words_at(words, typed);
        if (at == std::string::npos) continue;
        if (at == 0 || (at == 1 && is_article_word(words[0].folded))) {
            begin.push_back({std::move(title), 1});
        } else if (typed.size() > 1) {
            inside.push_back({std::move(title), 1});
        }
    }
    begin.insert(begin.end(), std::make_move_iterator(inside.begin()), std::make_move_iterator(inside.end()));
    return begin;
}

} // namespace

std::vector<std::string> suggest(const Xapian::Database& db, std::string_view raw, std::size_t limit) {
    limit = std::min(limit, k_max_suggestions);
    std::vector<std::string> out;
    if (raw.size() > k_max_suggest_bytes || limit == 0) return out;
    const std::string typed = text::collapse_space(raw);
    const auto words = words_of(typed);
    if (words.empty()) return out;

    // The last word is being typed; the words before it stay as typed.
    const std::string head = typed.substr(0, words.back().at);
    std::vector<Candidate> ranked = completions(db, words.back().folded);
    if (words.size() > 1) {
        auto phrases = phrase_completions(db, words, ranked);
        if (!phrases.empty()) ranked = std::move(phrases);
    }
    auto names = authors(db, schema::fold_for_term(typed));
    ranked.insert(ranked.begin(), std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()));
    by_frequency(ranked); // a name before a word as frequent
    const auto titles = headlines(db, words);

    std::vector<std::string> seen; // folded, to offer nothing twice
    auto add = [&](std::string s) {
        std::string folded = Xapian::Unicode::tolower(s);
        if (out.size() >= limit || std::find(seen.begin(), seen.end(), folded) != seen.end()) return;
        seen.push_back(std::move(folded));
        out.push_back(std::move(s));
    };
    auto text_of = [&](const Candidate& c) { return c.is_word ? head + display_word(db, c.text) : c.text; };
    const std::size_t for_titles = std::min({titles.size(), k_max_headlines, limit / 2});
    std::size_t next = 0;
    for (; next < ranked.size() && out.size() < limit - for_titles; ++next) add(text_of(ranked[next]));
    for (std::size_t i = 0, shown = 0; i < titles.size() && shown < k_max_headlines; ++i) {
        const std::size_t before = out.size();
        add(titles[i].text);
        shown += out.size() - before;
    }
    for (; next < ranked.size() && out.size() < limit; ++next) add(text_of(ranked[next]));
    return out;
}

} // namespace oped::searcher
