// The floor under oped's search latency, for scripts/bench-search: the same
// queries answered in-process by calling Xapian directly.
//
//   floor  the work /api/search does: parse, filter, match with exact counts
//          (check_at_least 10,000), author and year counts, and 10 snippets
//          cut from each hit's full text; no HTTP, no JSON, no fallbacks
//   bare   parse, filter and the match alone: no counts, no documents read
//
// Reads query specs on stdin, one per line, tab separated: q, authors,
// sites, tags, years, from, to, sort, page (list fields joined by '|').
// Runs them on --threads threads, each going --passes times through the
// list from its own starting point, and prints one JSON line with every
// query's latency in microseconds. Asserts nothing.

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/dates.hpp>

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace oped;
using Clock = std::chrono::steady_clock;

struct Spec {
    std::string q;
    std::vector<std::string> authors, sites, tags, years;
    std::string from, to, sort;
    unsigned page = 1;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep)) out.push_back(item);
    return out;
}

Spec parse_spec(const std::string& line) {
    auto f = split(line, '\t');
    f.resize(9);
    Spec s;
    s.q = f[0];
    s.authors = split(f[1], '|');
    s.sites = split(f[2], '|');
    s.tags = split(f[3], '|');
    s.years = split(f[4], '|');
    s.from = f[5];
    s.to = f[6];
    s.sort = f[7];
    s.page = f[8].empty() ? 1 : static_cast<unsigned>(std::stoul(f[8]));
    return s;
}

constexpr const char* k_stopwords[] = {
    "a",    "about", "an",   "and",  "are", "as",  "at", "be",   "but",   "by",  "for",  "from", "had",  "has", "have",
    "he",   "her",   "his",  "i",    "in",  "is",  "it", "its",  "of",    "on",  "or",   "she",  "that", "the", "their",
    "them", "there", "they", "this", "to",  "was", "we", "were", "which", "who", "will", "with", "you"};

class Folded : public Xapian::FieldProcessor {
  public:
    explicit Folded(std::string prefix) : m_prefix(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& v) override {
        return Xapian::Query(schema::boolean_term(m_prefix, schema::fold_for_term(v)));
    }

  private:
    std::string m_prefix;
};

class Dates : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& v) override {
        const auto dots = v.find("..");
        const auto lo = searcher::lower_bound_day(dots == std::string::npos ? v : v.substr(0, dots));
        const auto hi = searcher::upper_bound_day(dots == std::string::npos ? v : v.substr(dots + 2));
        if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::published, *lo, *hi);
        if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::published, *lo);
        if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::published, *hi);
        throw Xapian::QueryParserError("not a date");
    }
};

// Counts each name of a packed list once.
class ListSpy : public Xapian::MatchSpy {
  public:
    explicit ListSpy(Xapian::valueno slot) : m_slot(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        for (auto& v : schema::decode_list(doc.get_value(m_slot))) ++m_counts[std::move(v)];
    }
    std::size_t size() const { return m_counts.size(); }

  private:
    Xapian::valueno m_slot;
    std::map<std::string, unsigned> m_counts;
};

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> qs;
    for (const auto& v : values) qs.emplace_back(schema::boolean_term(prefix, schema::fold_for_term(v)));
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

class Runner {
  public:
    Runner(const std::string& db_path, bool floor) : m_db(db_path), m_floor(floor), m_stem("en") {
        m_qp.set_database(m_db);
        m_qp.set_stemmer(m_stem);
        m_qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        m_qp.set_default_op(Xapian::Query::OP_AND);
        m_qp.set_max_expansion(100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        m_qp.set_stopper((new Xapian::SimpleStopper(std::begin(k_stopwords), std::end(k_stopwords)))->release());
        m_qp.add_prefix("title", std::string(schema::prefix::title));
        m_qp.add_prefix("author", std::string(schema::prefix::author));
        m_qp.add_boolean_prefix("site", (new Folded(std::string(schema::prefix::site)))->release());
        m_qp.add_boolean_prefix("tag", (new Folded(std::string(schema::prefix::tag)))->release());
        m_qp.add_boolean_prefix("lang", (new Folded(std::string(schema::prefix::language)))->release());
        m_qp.add_boolean_prefix("date", (new Dates)->release());
    }

    // Returns a checksum of the work so that nothing is optimised away.
    std::size_t run(const Spec& s) {
        constexpr unsigned k_flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                     Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
        m_db.reopen();
        Xapian::Query words;
        try {
            words = m_qp.parse_query(s.q, k_flags);
        } catch (const Xapian::QueryParserError&) {
            words = m_qp.parse_query(s.q, 0);
        }
        std::vector<Xapian::Query> filters;
        if (!s.authors.empty()) filters.push_back(any_of(schema::prefix::author_exact, s.authors));
        if (!s.sites.empty()) filters.push_back(any_of(schema::prefix::site, s.sites));
        if (!s.tags.empty()) filters.push_back(any_of(schema::prefix::tag, s.tags));
        if (!s.years.empty()) {
            std::vector<Xapian::Query> ys;
            for (const auto& y : s.years) ys.emplace_back(std::string(schema::prefix::year) + y);
            filters.emplace_back(Xapian::Query::OP_OR, ys.begin(), ys.end());
        }
        const auto lo = s.from.empty() ? std::nullopt : searcher::lower_bound_day(s.from);
        const auto hi = s.to.empty() ? std::nullopt : searcher::upper_bound_day(s.to);
        if (lo && hi) filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot::published, *lo, *hi);
        if (lo && !hi) filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::slot::published, *lo);
        if (hi && !lo) filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::slot::published, *hi);
        Xapian::Query query = words.empty() ? Xapian::Query::MatchAll : words;
        if (!filters.empty()) {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        }

        Xapian::Enquire enquire(m_db);
        enquire.set_query(query);
        std::string sort = s.sort;
        if (words.empty() && sort.empty()) sort = "newest";
        Xapian::MultiValueKeyMaker keys;
        if (sort == "newest") keys.add_value(schema::slot::published, true, "00000000");
        if (sort == "oldest") keys.add_value(schema::slot::published, false, "99999999");
        if (sort == "newest" || sort == "oldest") enquire.set_sort_by_key_then_relevance(&keys, false);
        const Xapian::doccount first = (s.page - 1) * 10;
        if (!m_floor) {
            const Xapian::MSet mset = enquire.get_mset(first, 10);
            return mset.size() + mset.get_matches_estimated();
        }
        ListSpy authors(schema::slot::authors);
        Xapian::ValueCountMatchSpy years(schema::slot::year);
        enquire.add_matchspy(&authors);
        enquire.add_matchspy(&years);
        const Xapian::MSet mset = enquire.get_mset(first, 10, 10000);
        std::size_t sum = mset.get_matches_estimated() + authors.size() + years.get_total();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto article = decode_docdata(it.get_document().get_data());
            if (!article) {
                // A floor that skipped the work would be no floor: stop.
                std::fprintf(stderr, "oped-bench-floor: document %u: %s\n", *it, article.error().message.c_str());
                std::exit(1);
            }
            // Xapian's quick snippet: oped also looks again, in a stretch
            // of the text, when this one marks nothing.
            sum += mset.snippet(article.value().body, 300, m_stem, Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>",
                                "</mark>", "\xE2\x80\xA6")
                       .size();
        }
        return sum;
    }

  private:
    Xapian::Database m_db;
    bool m_floor;
    Xapian::Stem m_stem;
    Xapian::QueryParser m_qp;
};

int usage() {
    std::fprintf(stderr, "usage: oped-bench-floor --db DIR --mode floor|bare [--threads N] [--passes P] < specs\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string db, mode;
    unsigned threads = 1, passes = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--db")
            db = argv[i + 1];
        else if (flag == "--mode")
            mode = argv[i + 1];
        else if (flag == "--threads")
            threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
        else if (flag == "--passes")
            passes = static_cast<unsigned>(std::stoul(argv[i + 1]));
        else
            return usage();
    }
    if (db.empty() || (mode != "floor" && mode != "bare") || threads == 0) return usage();
    std::vector<Spec> specs;
    for (std::string line; std::getline(std::cin, line);) {
        if (!line.empty()) specs.push_back(parse_spec(line));
    }
    if (specs.empty()) return usage();

    std::vector<std::vector<double>> latencies(threads);
    std::vector<std::size_t> checksums(threads);
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            Runner runner(db, mode == "floor");
            const std::size_t offset = specs.size() * t / threads;
            for (unsigned p = 0; p < passes; ++p) {
                for (std::size_t i = 0; i < specs.size(); ++i) {
                    const auto t0 = Clock::now();
                    checksums[t] += runner.run(specs[(offset + i) % specs.size()]);
                    latencies[t].push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
                }
            }
        });
    }
    for (auto& w : workers) w.join();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();

    std::size_t checksum = 0;
    for (auto c : checksums) checksum += c;
    std::printf("{\"mode\":\"%s\",\"threads\":%u,\"passes\":%u,\"wall_s\":%.6f,\"checksum\":%zu,\"latencies_us\":[",
                mode.c_str(), threads, passes, wall, checksum);
    bool first = true;
    for (const auto& per_thread : latencies) {
        for (double us : per_thread) {
            std::printf("%s%.1f", first ? "" : ",", us);
            first = false;
        }
    }
    std::printf("]}\n");
    return 0;
}
