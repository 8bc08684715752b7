#include <oped/searcher/query_builder.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>
#include <oped/searcher/dates.hpp>
#include <oped/searcher/spelling.hpp>

#include "ranking.hpp"
#include "relaxed.hpp"
#include "stopwords.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace oped::searcher {
namespace {

// The words of a query the ranking looks at; more are matched, not rewarded.
constexpr std::size_t k_ranked_words = 32;

constexpr unsigned k_flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                             Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                             Xapian::QueryParser::FLAG_PURE_NOT;

// site:, tag:, lang: take a display value; fold it as the indexer did.
class FoldedTermProcessor : public Xapian::FieldProcessor {
  public:
    explicit FoldedTermProcessor(std::string_view prefix) : m_prefix(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::boolean_term(m_prefix, schema::fold_for_term(value)));
    }

  private:
    std::string m_prefix;
};

// has:correction (or corrections, corrected), has:updated (or update,
// modified), has:bio: the pages with a correction notice, a later revision
// or the writer's bio line.
class HasProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        std::string v = schema::fold_for_term(value);
        if (v == "corrections" || v == "corrected") v = "correction";
        if (v == "update" || v == "modified") v = "updated";
        return Xapian::Query(schema::boolean_term(schema::prefix::has, v));
    }
};

// genre:opinion, genre:letters, genre:op-ed: the genre's stored name (an
// unknown one is kept as typed, and finds nothing).
class GenreProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        std::string genre = schema::canonical_genre(value);
        if (genre.empty()) genre = schema::fold_for_term(value);
        return Xapian::Query(schema::boolean_term(schema::prefix::genre, genre));
    }
};

} // namespace

// One reading of the query's words: a language's stemmer and stop words,
// applied to that language's pages.
struct QueryReading {
    std::string language; // "en", "fr"; empty: words as written, for languages Xapian cannot stem
    Xapian::Stem stem;
    Xapian::SimpleStopper stopper;
    Xapian::Query pages_in;     // when not empty, the reading is for these pages only
    Xapian::Query pages_not_in; // when not empty, the reading is for all pages but these
};

// date:1787, date:1787..1788, date:1787-03-01..1787-06-30, date:..1787. A
// range typed backwards is read forwards (Xapian would make an empty query of
// it, which the parser drops: the filter would vanish). An invalid date is
// remembered, not thrown: Xapian's parser leaks when a field processor throws.
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& value) override {
        const auto dots = value.find("..");
        const std::string begin = dots == std::string::npos ? value : value.substr(0, dots);
        const std::string end = dots == std::string::npos ? value : value.substr(dots + 2);
        std::optional<std::string> lo, hi;
        if (!begin.empty() && !(lo = lower_bound_day(begin))) return invalid(begin);
        if (!end.empty() && !(hi = upper_bound_day(end))) return invalid(end);
        if (lo && hi && *lo > *hi) {
            lo = lower_bound_day(end);
            hi = upper_bound_day(begin);
        }
        if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::published, *lo, *hi);
        if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::published, *lo);
        if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::published, *hi);
        return invalid(value);
    }

    // The first value that was not a date since the last reset, or empty.
    const std::string& error() const { return m_error; }
    void reset() { m_error.clear(); }

  private:
    Xapian::Query invalid(const std::string& text) {
        if (m_error.empty()) m_error = "not a date: " + (text.empty() ? std::string("..") : text);
        return Xapian::Query::MatchNothing;
    }

    std::string m_error;
};

namespace {

// The words of a text, for the loosest reading: operators and quotes gone.
std::string plain_words(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(u < 0x80 && !std::isalnum(u) && c != '\'' ? ' ' : c);
    }
    return text::collapse_space(out);
}

bool is_filter_field(std::string_view token) {
    for (std::string_view field : {"site:", "tag:", "lang:", "date:"}) {
        if (token.substr(0, field.size()) == field) return true;
    }
    return false;
}

// A query of only -words (and filters) means "all but these", but Xapian
// reads it as if the signs were not there: "-republic" would search for
// republic. Returns the excluded words and the filters of such a query.
std::optional<std::pair<std::string, std::string>> exclusions_only(std::string_view text) {
    std::vector<std::string> tokens; // at spaces outside quotes
    std::string token;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (c == ' ' && !quoted) {
            if (!token.empty()) tokens.push_back(std::move(token));
            token.clear();
        } else {
            token.push_back(c);
        }
    }
    if (!token.empty()) tokens.push_back(std::move(token));
    std::string excluded, filters;
    for (const auto& t : tokens) {
        if (t.size() > 1 && t[0] == '-' && t[1] != '-') {
            excluded += (excluded.empty() ? "" : " ") + t.substr(1);
        } else if (is_filter_field(t)) {
            filters += (filters.empty() ? "" : " ") + t;
        } else {
            return std::nullopt;
        }
    }
    if (excluded.empty()) return std::nullopt;
    return std::make_pair(excluded, filters);
}

Xapian::Query or_of(std::string_view prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    terms.reserve(values.size());
    for (const auto& v : values) terms.emplace_back(schema::boolean_term(prefix, schema::fold_for_term(v)));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The pages giving any of `names` as their outlet, and every page of the
// sites the outlet table shows under them or finds them given by.
Xapian::Query site_filter(const std::vector<std::string>& names, const schema::OutletTable* outlets) {
    Xapian::Query given = or_of(schema::prefix::site, names);
    if (!outlets) return given;
    std::vector<Xapian::Query> any{given};
    std::set<std::string> keys;
    for (const auto& name : names) {
        for (auto& key : outlets->keys_for(name)) keys.insert(std::move(key));
    }
    for (const auto& key : keys) any.emplace_back(schema::site_key_term(key));
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// Completions of a typed prefix in a phrase bonus: Xapian 1.4 takes no
// wildcard inside a phrase, so the most frequent are spelt out.
constexpr std::size_t k_max_bonus_completions = 10;

std::vector<std::string> frequent_completions(const Xapian::Database& db, const std::string& prefix) {
    using Entry = std::pair<Xapian::doccount, std::string>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> kept; // least frequent on top
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        kept.emplace(it.get_termfreq(), *it);
        if (kept.size() > k_max_bonus_completions) kept.pop();
    }
    std::vector<std::string> out;
    for (; !kept.empty(); kept.pop()) out.push_back(kept.top().second);
    return out;
}

// While a query is typed (partial), pages where its last two words stand
// together ("standing ar": "standing army") come first: the previous word
// and each frequent completion of the prefix as a phrase, a bonus on the
// query, never a condition. Only plain words: no operators, fields, quotes
// or wildcards.
Xapian::Query typed_phrase_bonus(const Xapian::Database& db, std::string_view text) {
    const auto last_space = text.rfind(' ');
    if (last_space == std::string_view::npos) return Xapian::Query();
    const auto prev_space = text.rfind(' ', last_space - 1);
    const auto prev_at = prev_space == std::string_view::npos ? 0 : prev_space + 1;
    const std::string_view prev = text.substr(prev_at, last_space - prev_at);
    const std::string_view last = text.substr(last_space + 1);
    auto plain = [](std::string_view word) {
        if (word.empty() || word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
            word == "ADJ") {
            return false;
        }
        for (char c : word) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x80 && !std::isalnum(u) && c != '\'') return false;
        }
        return true;
    };
    if (!plain(prev) || !plain(last)) return Xapian::Query();
    const std::string first = Xapian::Unicode::tolower(std::string(prev));
    std::vector<Xapian::Query> phrases;
    for (const auto& completion : frequent_completions(db, Xapian::Unicode::tolower(std::string(last)))) {
        phrases.emplace_back(Xapian::Query::OP_PHRASE, Xapian::Query(first), Xapian::Query(completion));
    }
    return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

} // namespace

std::string normalise_query_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
        const unsigned cp = *it;
        switch (cp) {
            case 0x201C:
            case 0x201D:
            case 0x201E:
            case 0x201F:
            case 0x00AB:
            case 0x00BB:
            case 0x2033:
                out.push_back('"');
                break;
            case 0x2018:
            case 0x2019:
            case 0x201A:
            case 0x201B:
            case 0x2032:
                out.push_back('\'');
                break;
            case 0x2026:
            case 0x00A0:
                out.push_back(' ');
                break;
            default:
                text::append_utf8(out, static_cast<char32_t>(cp));
        }
    }
    // "..." in a pasted quotation marks an omission, like the ellipsis.
    std::string spaced;
    spaced.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 3, "...") == 0) {
            spaced.push_back(' ');
            i += 2;
        } else {
            spaced.push_back(out[i]);
        }
    }
    return text::collapse_space(spaced);
}

namespace {

std::string language_term(std::string_view code) { return std::string(schema::prefix::language) + std::string(code); }

std::unique_ptr<QueryReading> make_reading(const std::string& language) {
    auto r = std::make_unique<QueryReading>();
    r->language = language;
    r->stem = language.empty() ? Xapian::Stem("none") : schema::stemmer_for(language);
    for (std::string_view word : stopwords_for(language)) r->stopper.add(std::string(word));
    return r;
}

Xapian::Query any_language(const std::vector<std::string>& codes) {
    std::vector<Xapian::Query> terms;
    terms.reserve(codes.size());
    for (const auto& code : codes) terms.emplace_back(language_term(code));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The languages of the index's pages, most pages first. Pages with no
// language were indexed as English and count as such.
std::vector<std::string> index_languages(const Xapian::Database& db) {
    std::vector<std::pair<Xapian::doccount, std::string>> counted;
    Xapian::doccount labelled = 0;
    Xapian::doccount english = 0;
    const std::string prefix(schema::prefix::language);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string code = (*it).substr(prefix.size());
        labelled += it.get_termfreq();
        if (code == "en") {
            english += it.get_termfreq();
        } else {
            counted.emplace_back(it.get_termfreq(), code);
        }
    }
    const Xapian::doccount total = db.get_doccount();
    english += total > labelled ? total - labelled : 0;
    if (english > 0 || counted.empty()) counted.emplace_back(english, "en");
    std::sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    out.reserve(counted.size());
    for (auto& c : counted) out.push_back(std::move(c.second));
    return out;
}

// The languages named by lang: in a query's text (outside quotes), folded.
std::vector<std::string> named_languages(std::string_view text) {
    std::vector<std::string> out;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') quoted = !quoted;
        const bool starts_token = i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '+';
        if (quoted || !starts_token || text.compare(i, 5, "lang:") != 0) continue;
        const std::size_t from = i + 5;
        const std::size_t to = std::min(text.find_first_of(" )", from), text.size());
        std::string code = schema::fold_for_term(text.substr(from, to - from));
        if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
        if (out.size() == k_max_query_languages) break;
    }
    return out;
}

// German capitalises every noun, so there a capital does not mark a name
// (which the parser would leave unstemmed): "Regierung" is read as
// "regierung". Words in capitals, the operators among them, stay as typed.
std::string lower_capitalised_words(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool in_word = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
        unsigned cp = *it;
        const bool word_char = Xapian::Unicode::is_wordchar(cp);
        if (word_char && !in_word && Xapian::Unicode::get_category(cp) == Xapian::Unicode::UPPERCASE_LETTER) {
            Xapian::Utf8Iterator next = it;
            ++next;
            if (next != end && Xapian::Unicode::get_category(*next) == Xapian::Unicode::LOWERCASE_LETTER) {
                cp = Xapian::Unicode::tolower(cp);
            }
        }
        in_word = word_char;
        text::append_utf8(out, static_cast<char32_t>(cp));
    }
    return out;
}

bool stemmable(const std::string& code) { return !schema::stemmer_for(code).is_none(); }

// Readings for `codes`, each for its own pages: at most
// k_max_query_languages languages with their stemmers, the rest (and those
// Xapian cannot stem) in one reading of words as written.
std::vector<std::unique_ptr<QueryReading>> readings_of(const std::vector<std::string>& codes) {
    std::vector<std::string> stemmed, as_written;
    for (const auto& code : codes) {
        (stemmed.size() < k_max_query_languages && stemmable(code) ? stemmed : as_written).push_back(code);
    }
    std::vector<std::unique_ptr<QueryReading>> out;
    out.reserve(stemmed.size() + 1);
    for (const auto& code : stemmed) out.push_back(make_reading(code));
    if (!as_written.empty()) out.push_back(make_reading(""));
    if (out.size() == 1) return out; // one reading: for every page
    for (auto& r : out) {
        if (r->language.empty()) {
            r->pages_in = any_language(as_written);
        } else if (r->language == "en") {
            // English also reads the pages of no language.
            std::vector<std::string> others;
            std::copy_if(codes.begin(), codes.end(), std::back_inserter(others),
                         [](const std::string& c) { return c != "en"; });
            r->pages_not_in = any_language(others);
        } else {
            r->pages_in = Xapian::Query(language_term(r->language));
        }
    }
    return out;
}

Xapian::Query for_pages_of(const QueryReading& reading, const Xapian::Query& query) {
    if (query.empty()) return query;
    if (!reading.pages_in.empty()) return Xapian::Query(Xapian::Query::OP_FILTER, query, reading.pages_in);
    if (!reading.pages_not_in.empty()) return Xapian::Query(Xapian::Query::OP_AND_NOT, query, reading.pages_not_in);
    return query;
}

// The readings' queries (one per reading, in order), each restricted to its
// reading's pages, as one query. The pages of the readings do not overlap,
// so a page is scored by its own reading alone.
Xapian::Query combine(const std::vector<const QueryReading*>& readings, const std::vector<Xapian::Query>& queries) {
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        Xapian::Query q = for_pages_of(*readings[i], queries[i]);
        if (!q.empty()) parts.push_back(std::move(q));
    }
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

} // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : m_db(db), m_readings(readings_of(index_languages(db))) {
    m_qp.set_database(db);
    m_qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    m_qp.set_default_op(Xapian::Query::OP_AND);
    m_qp.set_max_expansion(k_max_wildcard_terms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    m_qp.add_prefix("title", std::string(schema::prefix::title));
    m_qp.add_prefix("author", std::string(schema::prefix::author));
    m_qp.add_boolean_prefix("site", (new FoldedTermProcessor(schema::prefix::site))->release());
    m_qp.add_boolean_prefix("tag", (new FoldedTermProcessor(schema::prefix::tag))->release());
    m_qp.add_boolean_prefix("lang", (new FoldedTermProcessor(schema::prefix::language))->release());
    m_qp.add_boolean_prefix("has", (new HasProcessor)->release());
    m_qp.add_boolean_prefix("genre", (new GenreProcessor)->release());
    m_qp.add_prefix("correction", std::string(schema::prefix::correction));
    m_qp.add_prefix("bio", std::string(schema::prefix::bio));
    m_dates = new DateFieldProcessor;
    m_qp.add_boolean_prefix("date", m_dates->release());
}

QueryBuilder::~QueryBuilder() = default;

const Xapian::Stem& QueryBuilder::stemmer() const { return m_readings.front()->stem; }

std::vector<const QueryReading*> QueryBuilder::readings_for(const std::string& text) {
    const std::vector<std::string> named = named_languages(text);
    const auto& chosen = named.empty() ? m_readings : (m_named = readings_of(named));
    std::vector<const QueryReading*> out;
    out.reserve(chosen.size());
    for (const auto& r : chosen) out.push_back(r.get());
    return out;
}

Xapian::Query QueryBuilder::parse_with(const QueryReading& reading, const std::string& text, unsigned flags,
                                       Xapian::Query::op default_op) {
    m_qp.set_stemmer(reading.stem);
    m_qp.set_stopper(&reading.stopper);
    m_qp.set_default_op(default_op);
    Xapian::Query q = m_qp.parse_query(reading.language == "de" ? lower_capitalised_words(text) : text, flags);
    m_qp.set_default_op(Xapian::Query::OP_AND);
    return q;
}

Xapian::Query QueryBuilder::loose_word(const QueryReading& reading, const std::string& term) const {
    // A phrase's term is unstemmed, prefixed for a field (title:"..." gives
    // "Sgeneral"): outside the phrase it is a stop word to drop, or its
    // stemmed form as well, as the words would be read outside quotes.
    const auto word_at = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (word_at == std::string::npos) return Xapian::Query(term);
    const std::string word = term.substr(word_at);
    if (reading.stopper(word)) return Xapian::Query();
    if (reading.stem.is_none()) return Xapian::Query(term);
    const std::string stemmed = "Z" + term.substr(0, word_at) + reading.stem(word);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(term), Xapian::Query(stemmed));
}

Xapian::Query QueryBuilder::parse_text(const QueryReading& reading, const std::string& text, unsigned flags) {
    if (const auto only = exclusions_only(text)) {
        const Xapian::Query excluded = parse_with(reading, only->first, k_flags, Xapian::Query::OP_OR);
        const Xapian::Query base =
            only->second.empty() ? match_all() : parse_with(reading, only->second, k_flags, Xapian::Query::OP_AND);
        return Xapian::Query(Xapian::Query::OP_AND_NOT, base, excluded);
    }
    return parse_with(reading, text, flags, Xapian::Query::OP_AND);
}

ParsedQuery QueryBuilder::parse(std::string_view raw, bool partial) {
    ParsedQuery out;
    const std::string text = normalise_query_text(raw);
    if (text.empty()) return out;
    const std::vector<const QueryReading*> readings = readings_for(text);
    std::vector<Xapian::Query> parsed; // one per reading
    std::string error;
    try {
        m_dates->reset();
        const unsigned flags = partial ? k_flags | Xapian::QueryParser::FLAG_PARTIAL : k_flags;
        for (const QueryReading* r : readings) parsed.push_back(parse_text(*r, text, flags));
        if (!partial) out.corrected = correct_query(m_db, text);
        error = m_dates->error();
    } catch (const Xapian::QueryParserError& e) {
        error = e.get_msg();
    }
    if (!error.empty()) {
        // A syntax error is not the user's problem: search the plain words.
        out.notice = "Your query could not be read as written (" + error + "); searched for its words instead.";
        const std::string words = plain_words(text);
        parsed.clear();
        for (const QueryReading* r : readings) parsed.push_back(parse_with(*r, words, 0, Xapian::Query::OP_AND));
        out.corrected.clear();
    }
    out.query = combine(readings, parsed);
    out.has_words = !out.query.empty();
    if (!out.has_words) return out;
    const QueryWords ranked = query_words(text, k_ranked_words);
    out.boost = ranking_boost(ranked, readings.front()->stopper, error.empty());
    out.loose_boost = ranking_boost(ranked, readings.front()->stopper, false);
    // Looser readings, each only when it reads the query differently.
    std::string last = out.query.get_description();
    auto offer = [&](const Xapian::Query& query, const char* notice) {
        std::string description = query.get_description();
        if (description == last) return;
        out.relaxed.emplace_back(query, notice);
        last = std::move(description);
    };
    std::vector<Xapian::Query> loose; // phrases as words, one per reading
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const QueryReading& r = *readings[i];
        loose.push_back(phrases_as_words(parsed[i], [&](const std::string& term) { return loose_word(r, term); }));
    }
    const Xapian::Query words = combine(readings, loose);
    offer(phrases_loosened(out.query,
                           [&](const std::string& term) {
                               const auto word_at = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
                               if (word_at == std::string::npos) return false;
                               const std::string word = term.substr(word_at);
                               return std::any_of(readings.begin(), readings.end(),
                                                  [&](const QueryReading* r) { return r->stopper(word); });
                           }),
          "No exact match for the phrase; showing pages where it appears with one word different.");
    offer(words, "No exact match for the phrase; showing pages with all its words.");
    offer(any_wanted_word(words), "No page has all the words; showing the closest matches.");
    if (partial && error.empty()) {
        if (Xapian::Query bonus = typed_phrase_bonus(m_db, text); !bonus.empty()) {
            out.query = with_boost(out.query, bonus);
        }
    }
    return out;
}

namespace {

// Page types (the XT terms). Pages indexed before oped told types apart
// have no such term and are articles, so "article" is every page that is
// not one of the other types.
Result<Xapian::Query> type_filter(const std::vector<std::string>& types) {
    const std::string listing = std::string(schema::prefix::type) + "listing";
    const std::string other = std::string(schema::prefix::type) + "other";
    std::vector<Xapian::Query> any;
    for (const auto& t : types) {
        if (t == "article") {
            any.emplace_back(Xapian::Query::OP_AND_NOT, match_all(),
                             Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(listing), Xapian::Query(other)));
        } else if (t == "listing" || t == "other") {
            any.emplace_back(std::string(schema::prefix::type) + t);
        } else {
            return Error{ErrorCode::invalid_param, "type must be article, listing or other, got '" + t + "'", "type"};
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// Genres (the XG terms), by their stored names or a reader's words for them.
Result<Xapian::Query> genre_filter(const std::vector<std::string>& genres) {
    std::vector<Xapian::Query> any;
    for (const auto& g : genres) {
        const std::string genre = schema::canonical_genre(g);
        if (genre.empty()) {
            return Error{ErrorCode::invalid_param,
                         "genre must be opinion, editorial, letter, analysis, news, review or other, got '" + g + "'",
                         "genre"};
        }
        any.emplace_back(std::string(schema::prefix::genre) + genre);
    }
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

} // namespace

Result<Xapian::Query> filter_query(const SearchRequest& r, const schema::OutletTable* outlets,
                                   const schema::AuthorGroups* groups) {
    std::vector<Xapian::Query> parts;
    if (!r.authors.empty()) {
        std::vector<Xapian::Query> any;
        for (const auto& name : r.authors) {
            if (groups != nullptr) {
                any.push_back(groups->query(name));
                continue;
            }
            any.emplace_back(schema::boolean_term(schema::prefix::author_exact, schema::fold_for_term(name)));
            if (const std::string key = schema::author_key(name); !key.empty()) {
                any.emplace_back(schema::author_key_term(key));
            }
        }
        parts.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (!r.sites.empty()) parts.push_back(site_filter(r.sites, outlets));
    if (!r.tags.empty()) parts.push_back(or_of(schema::prefix::tag, r.tags));
    if (!r.genres.empty()) {
        auto genres = genre_filter(r.genres);
        if (!genres) return genres.error();
        parts.push_back(std::move(genres).value());
    }
    if (!r.types.empty()) {
        auto types = type_filter(r.types);
        if (!types) return types.error();
        parts.push_back(std::move(types).value());
    }
    if (!r.years.empty()) {
        std::vector<Xapian::Query> years;
        for (const auto& y : r.years) {
            if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
                return Error{ErrorCode::invalid_param, "year must be four digits, got '" + y + "'", "year"};
            }
            years.emplace_back(std::string(schema::prefix::year) + y);
        }
        parts.emplace_back(Xapian::Query::OP_OR, years.begin(), years.end());
    }
    std::optional<std::string> lo, hi;
    if (!r.from.empty() && !(lo = lower_bound_day(r.from))) {
        return Error{ErrorCode::invalid_param, "from must be a date like 1787, 1787-11 or 1787-11-22", "from"};
    }
    if (!r.to.empty() && !(hi = upper_bound_day(r.to))) {
        return Error{ErrorCode::invalid_param, "to must be a date like 1787, 1787-11 or 1787-11-22", "to"};
    }
    if (lo && hi && *lo > *hi) {
        return Error{ErrorCode::invalid_param, "to (" + r.to + ") is before from (" + r.from + ")", "to"};
    }
    if (lo && hi) {
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot::published, *lo, *hi);
    } else if (lo) {
        parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::slot::published, *lo);
    } else if (hi) {
        parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::slot::published, *hi);
    }
    if (parts.empty()) return match_all();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query match_all() { return Xapian::Query(std::string()); }

} // namespace oped::searcher
