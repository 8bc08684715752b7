// Fuzz target: the query parser and the filters. The input is lines:
//
//   query text
//   author values, separated by '|'
//   site values
//   tag values
//   year values
//   from
//   to
//
// bounded as the HTTP layer bounds them (k_max_query_bytes,
// k_max_filter_values). QueryBuilder parses the text over a small real index
// (wildcards and spelling corrections read it), filter_query builds the
// filters, and each reading, the looser ones too, runs as the searcher runs
// it. Nothing may throw.

#include "fixture_index.hpp"
#include "fuzz.hpp"

#include <oped/searcher/query_builder.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(sep, start);
        out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

void set_values(std::vector<std::string>& list, const std::vector<std::string>& lines, std::size_t i) {
    if (i >= lines.size()) return;
    for (auto& value : split(lines[i], '|')) {
        if (value.empty()) continue;
        if (list.size() == oped::searcher::k_max_filter_values) return;
        list.push_back(std::move(value));
    }
}

void run(Xapian::Database& db, const Xapian::Query& words, const Xapian::Query& filters) {
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, words.empty() ? oped::searcher::match_all() : words, filters));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    oped::fuzz::check(mset.size() <= 10, "at most a page of matches");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oped;
    static Xapian::Database db(fuzz::fixture_index().db_path());
    const auto lines = split(fuzz::as_text(data, size), '\n');
    searcher::SearchRequest request;
    request.query = lines[0].substr(0, searcher::k_max_query_bytes);
    set_values(request.authors, lines, 1);
    set_values(request.sites, lines, 2);
    set_values(request.tags, lines, 3);
    set_values(request.years, lines, 4);
    if (lines.size() > 5) request.from = lines[5];
    if (lines.size() > 6) request.to = lines[6];

    const Result<Xapian::Query> filters = searcher::filter_query(request);
    if (filters) {
        (void)filters.value().get_description();
    } else {
        fuzz::check(!filters.error().param.empty(), "a filter error names its parameter");
    }
    searcher::QueryBuilder builder(db);
    const searcher::ParsedQuery parsed = builder.parse(request.query);
    (void)parsed.query.get_description();
    fuzz::check(parsed.has_words || parsed.query.empty(), "a query without words is empty");
    if (!filters) return 0;
    run(db, parsed.query, filters.value());
    for (const auto& [looser, notice] : parsed.relaxed) {
        fuzz::check(!notice.empty(), "a looser reading says why");
        run(db, looser, filters.value());
    }
    if (!parsed.corrected.empty()) run(db, builder.parse(parsed.corrected).query, filters.value());
    return 0;
}
