#include <oped/searcher/query_builder.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>
#include <oped/searcher/dates.hpp>
#include <oped/searcher/spelling.hpp>

#include "ranking.hpp"
#include "relaxed.hpp"

#include <optional>
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

// Common English words dropped from queries (not from phrases), as Omega does.
constexpr const char* k_stopwords[] = {
    "a",    "about", "an",   "and",  "are", "as",  "at", "be",   "but",   "by",  "for",  "from", "had",  "has", "have",
    "he",   "her",   "his",  "i",    "in",  "is",  "it", "its",  "of",    "on",  "or",   "she",  "that", "the", "their",
    "them", "there", "they", "this", "to",  "was", "we", "were", "which", "who", "will", "with", "you"};

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

} // namespace

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

QueryBuilder::QueryBuilder(const Xapian::Database& db)
    : m_db(db), m_stem("en"), m_stopper(std::begin(k_stopwords), std::end(k_stopwords)) {
    m_qp.set_database(db);
    m_qp.set_stemmer(m_stem);
    m_qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    m_qp.set_default_op(Xapian::Query::OP_AND);
    m_qp.set_max_expansion(k_max_wildcard_terms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    m_qp.set_stopper(&m_stopper);
    m_qp.add_prefix("title", std::string(schema::prefix::title));
    m_qp.add_prefix("author", std::string(schema::prefix::author));
    m_qp.add_boolean_prefix("site", (new FoldedTermProcessor(schema::prefix::site))->release());
    m_qp.add_boolean_prefix("tag", (new FoldedTermProcessor(schema::prefix::tag))->release());
    m_qp.add_boolean_prefix("lang", (new FoldedTermProcessor(schema::prefix::language))->release());
    m_dates = new DateFieldProcessor;
    m_qp.add_boolean_prefix("date", m_dates->release());
}

Xapian::Query QueryBuilder::parse_with(const std::string& text, unsigned flags, Xapian::Query::op default_op) {
    m_qp.set_default_op(default_op);
    Xapian::Query q = m_qp.parse_query(text, flags);
    m_qp.set_default_op(Xapian::Query::OP_AND);
    return q;
}

Xapian::Query QueryBuilder::loose_word(const std::string& term) const {
    // A phrase's term is unstemmed, prefixed for a field (title:"..." gives
    // "Sgeneral"): outside the phrase it is a stop word to drop, or its
    // stemmed form as well, as the words would be read outside quotes.
    const auto word_at = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (word_at == std::string::npos) return Xapian::Query(term);
    const std::string word = term.substr(word_at);
    if (m_stopper(word)) return Xapian::Query();
    const std::string stemmed = "Z" + term.substr(0, word_at) + m_stem(word);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(term), Xapian::Query(stemmed));
}

bool QueryBuilder::is_stop_term(const std::string& term) const {
    const auto word_at = term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    return word_at != std::string::npos && m_stopper(term.substr(word_at));
}

Xapian::Query QueryBuilder::parse_text(const std::string& text) {
    if (const auto only = exclusions_only(text)) {
        const Xapian::Query excluded = parse_with(only->first, k_flags, Xapian::Query::OP_OR);
        const Xapian::Query base =
            only->second.empty() ? match_all() : parse_with(only->second, k_flags, Xapian::Query::OP_AND);
        return Xapian::Query(Xapian::Query::OP_AND_NOT, base, excluded);
    }
    return parse_with(text, k_flags, Xapian::Query::OP_AND);
}

ParsedQuery QueryBuilder::parse(std::string_view raw) {
    ParsedQuery out;
    const std::string text = normalise_query_text(raw);
    if (text.empty()) return out;
    std::string error;
    try {
        m_dates->reset();
        out.query = parse_text(text);
        out.corrected = correct_query(m_db, text);
        error = m_dates->error();
    } catch (const Xapian::QueryParserError& e) {
        error = e.get_msg();
    }
    if (!error.empty()) {
        // A syntax error is not the user's problem: search the plain words.
        out.notice = "Your query could not be read as written (" + error + "); searched for its words instead.";
        out.query = parse_with(plain_words(text), 0, Xapian::Query::OP_AND);
        out.corrected.clear();
    }
    out.has_words = !out.query.empty();
    if (!out.has_words) return out;
    out.boost = ranking_boost(query_words(text, k_ranked_words), m_stopper);
    // Looser readings, each only when it reads the query differently.
    std::string last = out.query.get_description();
    auto offer = [&](const Xapian::Query& query, const char* notice) {
        std::string description = query.get_description();
        if (description == last) return;
        out.relaxed.emplace_back(query, notice);
        last = std::move(description);
    };
    const Xapian::Query words =
        phrases_as_words(out.query, [this](const std::string& term) { return loose_word(term); });
    offer(phrases_loosened(out.query, [this](const std::string& term) { return is_stop_term(term); }),
          "No exact match for the phrase; showing pages where it appears with one word different.");
    offer(words, "No exact match for the phrase; showing pages with all its words.");
    offer(any_wanted_word(words), "No page has all the words; showing the closest matches.");
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

} // namespace

Result<Xapian::Query> filter_query(const SearchRequest& r) {
    std::vector<Xapian::Query> parts;
    if (!r.authors.empty()) parts.push_back(or_of(schema::prefix::author_exact, r.authors));
    if (!r.sites.empty()) parts.push_back(or_of(schema::prefix::site, r.sites));
    if (!r.tags.empty()) parts.push_back(or_of(schema::prefix::tag, r.tags));
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
