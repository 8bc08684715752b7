#include <oped/searcher/author.hpp>

#include <oped/common/author_groups.hpp>
#include <oped/common/docdata.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/facets.hpp>
#include <oped/searcher/related.hpp>
#include <oped/searcher/remote_spies.hpp>
#include <oped/searcher/timeline_spy.hpp>

#include <algorithm>
#include <set>

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

// How many pieces match `query`: the copies of a syndicated piece count once,
// as on the results they lead to. Every match is read, so the lower bound is
// exact (searcher.cpp's count_matches says why the others are not).
Xapian::doccount pieces(Xapian::Enquire& enquire, const Xapian::Database& db) {
    enquire.set_collapse_key(schema::slot::copy_group);
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
}

// The bio line of the author's latest article that has one.
void latest_bio(const Xapian::Database& db, const Xapian::Query& query, AuthorProfile& out) {
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(std::string(schema::prefix::has) + "bio")));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::slot::published, true);
    const Xapian::MSet mset = enquire.get_mset(0, 1);
    if (mset.empty()) return;
    auto article = decode_docdata(mset.begin().get_document().get_data());
    if (!article) return;
    out.bio = article.value().author_bio;
    out.bio_published = article.value().published;
}

} // namespace

Result<AuthorProfile> author_profile(const Xapian::Database& db, std::string_view name) {
    const schema::AuthorGroups groups(db);
    const std::string key = schema::author_key(name);
    const Xapian::Query query = groups.query(name);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    ListCountSpy sites(schema::slot::site_key, false), authors(groups);
    TimelineSpy timeline;
    DateSpanSpy span;
    const std::vector<Xapian::MatchSpy*> spies{&sites, &authors, &timeline, &span};
    // Over remote shards the spies are shown the matches afterwards.
    const bool spies_apart = spies_run_remotely(db);
    if (!spies_apart) {
        for (auto* spy : spies) enquire.add_matchspy(spy);
    }
    // The outlets, co-authors and timeline count pieces, like the articles.
    sites.count_pieces(true);
    authors.count_pieces(true);
    timeline.count_pieces(true);
    const Xapian::doccount articles = pieces(enquire, db);
    if (spies_apart) show_matches(db, query, spies, db.get_doccount());
    if (schema::fold_for_term(name).empty() || articles == 0) {
        return Error{ErrorCode::not_found, "no articles by " + std::string(name), "author"};
    }

    AuthorProfile out;
    out.name = key.empty() ? std::string(name) : groups.display(key);
    if (out.name.empty()) out.name = std::string(name);
    out.articles = articles;
    out.first_published = span.first();
    out.last_published = span.last();
    const schema::OutletTable outlets = schema::read_outlet_table(db);
    sites.relabel([&](const auto& by_key) { return schema::counts_by_name(by_key, outlets); });
    out.sites = sites.top(k_max_listed);
    if (!key.empty()) {
        for (auto& form : groups.forms(groups.keys_of(key))) out.bylines.push_back({form.form, form.articles});
    }
    const std::string own = key.empty() ? std::string() : groups.canonical(key);
    for (auto& value : authors.top(k_max_listed + 1)) {
        const std::string other = schema::author_key(value.value);
        if (other.empty() || groups.canonical(other) == own) continue;
        if (out.coauthors.size() < k_max_listed) out.coauthors.push_back(std::move(value));
    }
    out.timeline = make_timeline(timeline.months());
    std::vector<std::string> own_words;
    for (const auto& k : key.empty() ? std::vector<std::string>{} : groups.keys_of(key)) {
        for (auto& w : words_of(k)) own_words.push_back(std::move(w));
    }
    for (auto& w : words_of(schema::fold_for_term(out.name))) own_words.push_back(std::move(w));
    out.distinctive_terms = distinctive_terms(db, query, k_author_terms, own_words);
    latest_bio(db, query, out);
    return out;
}

std::vector<AuthorSummary> list_authors(const Xapian::Database& db) {
    const schema::AuthorGroups groups(db);
    const std::string prefix(schema::prefix::author_key);
    std::set<std::string> done;
    std::vector<AuthorSummary> out;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        const std::string key = (*t).substr(prefix.size());
        if (!done.insert(groups.canonical(key)).second) continue;
        AuthorSummary a;
        a.keys = groups.keys_of(key);
        a.name = groups.display(key);
        if (a.name.empty()) a.name = key;
        // Counted as a match: an article may hold two keys of one author,
        // and the copies of a piece count once.
        std::vector<Xapian::Query> any;
        for (const auto& k : a.keys) any.emplace_back(schema::author_key_term(k));
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        a.articles = pieces(enquire, db);
        for (auto& form : groups.forms(a.keys)) a.bylines.push_back({form.form, form.articles});
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const AuthorSummary& a, const AuthorSummary& b) {
        return a.articles != b.articles ? a.articles > b.articles : a.name < b.name;
    });
    return out;
}

} // namespace oped::searcher
