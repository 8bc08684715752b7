#include <oped/searcher/author.hpp>

#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/facets.hpp>
#include <oped/searcher/related.hpp>
#include <oped/searcher/timeline_spy.hpp>

namespace oped::searcher {
namespace {

constexpr std::size_t k_max_listed = 50;

// The earliest and latest published day among the matches.
class DateSpanSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        const std::string day = doc.get_value(schema::slot::published);
        if (day.size() != 8) return;
        if (m_first.empty() || day < m_first) m_first = day;
        if (day > m_last) m_last = day;
    }
    std::string first() const { return iso(m_first); }
    std::string last() const { return iso(m_last); }

  private:
    static std::string iso(const std::string& d) {
        return d.size() == 8 ? d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) : std::string();
    }
    std::string m_first, m_last;
};

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        const auto space = folded.find(' ', start);
        const auto end = space == std::string::npos ? folded.size() : space;
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

Xapian::Query author_query(std::string_view name) {
    return Xapian::Query(schema::boolean_term(schema::prefix::author_exact, schema::fold_for_term(name)));
}

Result<AuthorProfile> author_profile(const Xapian::Database& db, std::string_view name) {
    const std::string folded = schema::fold_for_term(name);
    const std::string term = schema::boolean_term(schema::prefix::author_exact, folded);
    if (folded.empty() || db.get_termfreq(term) == 0) {
        return Error{ErrorCode::not_found, "no articles by " + std::string(name), "author"};
    }
    const Xapian::Query query(term);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    ListCountSpy sites(schema::slot::site_key, false), authors(schema::slot::authors, true);
    TimelineSpy timeline;
    DateSpanSpy span;
    enquire.add_matchspy(&sites);
    enquire.add_matchspy(&authors);
    enquire.add_matchspy(&timeline);
    enquire.add_matchspy(&span);
    const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());

    AuthorProfile out;
    out.name = std::string(name);
    out.articles = mset.get_matches_estimated();
    out.first_published = span.first();
    out.last_published = span.last();
    const schema::OutletTable outlets = schema::read_outlet_table(db);
    sites.relabel([&](const auto& by_key) { return schema::counts_by_name(by_key, outlets); });
    out.sites = sites.top(k_max_listed);
    for (auto& value : authors.top(k_max_listed + 1)) {
        if (schema::fold_for_term(value.value) == folded) {
            out.name = value.value;
        } else if (out.coauthors.size() < k_max_listed) {
            out.coauthors.push_back(std::move(value));
        }
    }
    out.timeline = make_timeline(timeline.months());
    out.distinctive_terms = distinctive_terms(db, query, k_author_terms, words_of(folded));
    return out;
}

} // namespace oped::searcher
