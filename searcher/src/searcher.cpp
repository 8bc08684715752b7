#include <oped/searcher/searcher.hpp>

#include "browse.hpp"
#include "facet_spies.hpp"
#include "ranking.hpp"

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>
#include <oped/searcher/dates.hpp>
#include <oped/searcher/highlight.hpp>
#include <oped/searcher/local_shards.hpp>
#include <oped/searcher/public_id.hpp>
#include <oped/searcher/query_builder.hpp>
#include <oped/searcher/remote_spies.hpp>
#include <oped/searcher/snippet.hpp>
#include <oped/searcher/time_words.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string_view>

namespace oped::searcher {
namespace {

// Spelling corrections are considered only for queries with fewer results.
constexpr Xapian::doccount k_suggest_below = 5;

// Matches of `words` within `filters`, counted up to k_suggest_below.
Xapian::doccount count_up_to_few(const Xapian::Database& db, const Xapian::Query& words, const Xapian::Query& filters) {
    Xapian::Enquire probe(db);
    probe.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words, filters));
    return probe.get_mset(0, 0, k_suggest_below).get_matches_estimated();
}

// With few matches for the query as typed, its spelling correction, when it
// finds more, is what gets searched (`parsed` becomes it). Only words absent
// from the index are corrected, so a rare correct word never is. Returns
// whether the correction replaced the query.
bool search_corrected_instead(QueryBuilder& builder, ParsedQuery& parsed, const Xapian::Database& db,
                              const Xapian::Query& filters) {
    if (parsed.corrected.empty() || !parsed.has_words) return false;
    const Xapian::doccount typed = count_up_to_few(db, parsed.query, filters);
    if (typed >= k_suggest_below) return false;
    ParsedQuery alternative = builder.parse(parsed.corrected);
    if (!alternative.has_words || count_up_to_few(db, alternative.query, filters) <= typed) return false;
    alternative.corrected = parsed.corrected;
    parsed = std::move(alternative);
    return true;
}

// The matches of a (possibly collapsed) match into out.total. Collapsed over
// an OR query (the ranking boost's), Xapian 1.4.22's estimate can exceed the
// uncollapsed count (measured: 33 pieces among 35 pages estimated as 40,
// bounded by 66), and its upper bounds stay the query's own even when every
// page was read (an OR of two filter terms on the same 3 pages: bounds 3 and
// 6). The match reads at least `checked` pages when there are that many, so
// fewer matched pages than `checked` means every one was read: then the lower
// bound is the exact count of results. Otherwise the estimate, capped by the
// uncollapsed one.
void count_matches(const Xapian::MSet& mset, Xapian::doccount checked, SearchResponse& out) {
    const Xapian::doccount all = mset.get_uncollapsed_matches_upper_bound();
    const Xapian::doccount seen = mset.get_uncollapsed_matches_lower_bound();
    if ((seen == all && all <= checked) || seen < checked) {
        out.total = mset.get_matches_lower_bound();
        out.total_is_exact = true;
        return;
    }
    out.total = std::min(mset.get_matches_estimated(), mset.get_uncollapsed_matches_estimated());
    out.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

// Whether a query checks word positions: a phrase or NEAR.
bool has_positions(const Xapian::Query& query) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (has_positions(query.get_subquery(i))) return true;
    }
    return false;
}

std::unique_ptr<Xapian::KeyMaker> sort_key(SortOrder order) {
    auto keys = std::make_unique<Xapian::MultiValueKeyMaker>();
    // Undated documents go last either way.
    if (order == SortOrder::newest) keys->add_value(schema::slot::published, true, "00000000");
    if (order == SortOrder::oldest) keys->add_value(schema::slot::published, false, "99999999");
    return keys;
}

// Whether the oldest_first slot can order the index: not when some pages
// predate it (an index written before it and re-run since). Sorting by the
// published slot ascending instead puts undated pages first.
bool every_page_has_oldest_first(const Xapian::Database& db) {
    return db.get_value_freq(schema::slot::oldest_first) == db.get_doccount();
}

} // namespace

Searcher::Searcher(std::string db_path) : m_index(std::move(db_path)) {}

Searcher::Searcher(LiveIndex index) : m_index(std::move(index)) {}

Result<Searcher> Searcher::open(const std::string& db_path) {
    auto db = schema::open_for_reading(db_path);
    if (!db) return db.error();
    return Searcher(LiveIndex(db_path, std::move(db).value()));
}

const schema::OutletTable& Searcher::outlets() {
    std::string stored = database().get_metadata(std::string(schema::k_meta_outlets));
    if (stored != m_outlets_stored) {
        m_outlets = schema::OutletTable::decode(stored);
        m_outlets_stored = std::move(stored);
    }
    return m_outlets;
}

Error Searcher::kept_changing() { return index_unavailable("it changed several times while this request read it"); }

Result<SearchResponse> Searcher::search(const SearchRequest& request) {
    if (request.per_page == 0 || request.per_page > k_max_per_page) {
        return Error{ErrorCode::invalid_param, "per_page must be 1 to " + std::to_string(k_max_per_page), "per_page"};
    }
    if (request.page == 0 || static_cast<std::uint64_t>(request.page) * request.per_page > k_max_depth) {
        return Error{ErrorCode::invalid_param, "page * per_page must be at most " + std::to_string(k_max_depth),
                     "page"};
    }
    if (request.query.size() > k_max_query_bytes) {
        return Error{ErrorCode::invalid_param, "q is longer than " + std::to_string(k_max_query_bytes) + " bytes", "q"};
    }
    SearchRequest effective = request;
    std::optional<TimeWords> time_words;
    if (request.read_time_words && request.from.empty() && request.to.empty()) {
        auto today = today_utc();
        if (!request.today.empty()) {
            // Tests fix "today"; a bad value is the caller's error.
            const auto day = lower_bound_day(request.today);
            if (!day || request.today.size() != 10) {
                return Error{ErrorCode::invalid_param, "today must be YYYY-MM-DD", "today"};
            }
            const int y = std::stoi(day->substr(0, 4));
            const unsigned m = static_cast<unsigned>(std::stoi(day->substr(4, 2)));
            const unsigned d = static_cast<unsigned>(std::stoi(day->substr(6, 2)));
            today = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
            if (!today.ok()) return Error{ErrorCode::invalid_param, "today must be YYYY-MM-DD", "today"};
        }
        time_words = read_time_words(request.query, today);
        if (time_words) {
            effective.query = time_words->rest;
            effective.from = time_words->from;
            effective.to = time_words->to;
        }
    }
    // Bad filter values (from=abc) are the caller's error, not an exception in run().
    if (auto filters = filter_query(effective); !filters) return filters.error();
    auto out = with_retry([&] { return run(effective); });
    if (out && time_words) {
        // The answer is for the query as typed; a correction keeps the time words.
        SearchResponse& r = out.value();
        r.query = request.query;
        if (!r.corrected.empty()) r.corrected += " " + time_words->text;
        r.time_words = std::move(time_words);
    }
    return out;
}

SearchResponse Searcher::run(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    const schema::OutletTable& outlet_table = outlets();
    Xapian::Database& db = database();
    const schema::AuthorGroups groups(db);
    auto filters = filter_query(request, &outlet_table, &groups);
    SearchResponse out;
    out.query = request.query;
    out.page = request.page;
    out.per_page = request.per_page;
    if (!filters) throw std::logic_error("filters validated by the caller");

    QueryBuilder builder(db);
    ParsedQuery parsed = builder.parse(request.query, request.partial);
    if (request.auto_correct) out.showing_corrected = search_corrected_instead(builder, parsed, db, filters.value());
    out.corrected = parsed.corrected;
    out.notice = parsed.notice;

    auto make_query = [&](const Xapian::Query& words, const Xapian::Query& boost) {
        if (words.empty()) return Xapian::Query(Xapian::Query::OP_FILTER, match_all(), filters.value());
        return Xapian::Query(Xapian::Query::OP_FILTER, with_boost(words, boost), filters.value());
    };
    // The same matches without the ranking boost, which only weighs them.
    auto match_query = [&](const Xapian::Query& words) {
        return Xapian::Query(Xapian::Query::OP_FILTER, words.empty() ? match_all() : words, filters.value());
    };

    Xapian::Enquire enquire(db);
    enquire.set_time_limit(k_match_time_limit_s);
    const bool browsing = !parsed.has_words;
    SortOrder order = request.sort;
    if (browsing && order == SortOrder::relevance) order = SortOrder::newest;
    const auto keys = sort_key(order);
    // Shards on Xapian's remote backend run neither our spies nor a KeyMaker.
    const bool remote = spies_run_remotely(db);
    if (order != SortOrder::relevance) {
        // Xapian's remote backend takes no KeyMaker: over remote shards a
        // slot itself orders, descending either way, so that undated pages
        // come last (their published slot is empty; oldest_first holds "-").
        if (remote) {
            if (order == SortOrder::newest) {
                enquire.set_sort_by_value_then_relevance(schema::slot::published, true);
            } else if (every_page_has_oldest_first(db)) {
                enquire.set_sort_by_value_then_relevance(schema::slot::oldest_first, true);
            } else {
                enquire.set_sort_by_value_then_relevance(schema::slot::published, false);
            }
        } else {
            enquire.set_sort_by_key_then_relevance(keys.get(), false);
        }
    }
    // One result per syndicated piece: the copy first in this order (the
    // best match, or the newest or oldest when sorted by date) stands for
    // the others. Only pages of a group hold the slot; Xapian leaves the
    // others alone.
    if (request.collapse) enquire.set_collapse_key(schema::slot::copy_group);

    // A facet whose field is filtered counts in a match of its own, without
    // that filter (FacetSpies::count_alone); the others count in this one.
    FacetSpies spies(request, groups);
    const bool spies_apart = request.facets && remote;
    // Over remote shards Xapian's own spies count for ours on the servers,
    // in the same match; the front takes their counts (remote_spies.hpp).
    ServerSpies server_spies(spies_apart ? spies.unfiltered() : std::vector<Xapian::MatchSpy*>{});

    const Xapian::doccount first = (request.page - 1) * request.per_page;
    const Xapian::doccount check_at_least = request.facets ? k_facet_exact_up_to : 0;
    Xapian::MSet mset;
    // The total, facets and timeline from an unweighted match of the query
    // that stops after k_facet_exact_up_to matches, apart from the page's
    // ranked match: ranking weighs the boost (phrases, pairs, title words)
    // for every match it visits, which costs more than the match itself.
    auto count_apart = [&](const Xapian::Query& query) {
        Xapian::Enquire counter(db);
        counter.set_time_limit(k_match_time_limit_s);
        counter.set_weighting_scheme(Xapian::BoolWeight());
        if (request.collapse) counter.set_collapse_key(schema::slot::copy_group);
        counter.set_query(query);
        if (request.facets && !spies_apart) spies.attach(counter);
        if (spies_apart) server_spies.attach(counter);
        if (check_at_least > 0 && counts_need_first_matches(db)) {
            FirstMatches first_ones(check_at_least);
            const Xapian::MSet counted = counter.get_mset(0, 0, check_at_least, nullptr, &first_ones);
            if (first_ones.offered() == first_ones.accepted()) {
                count_matches(counted, check_at_least, out); // every match seen: exact, as on one index
            } else {
                out.total = estimated_total(counted, first_ones);
                out.total_is_exact = false;
            }
        } else {
            const Xapian::MSet counted = counter.get_mset(0, 0, check_at_least);
            count_matches(counted, check_at_least, out);
        }
    };
    // A ranked page, with the count from count_apart; a page past
    // k_facet_exact_up_to counts better from its own match. The ranked
    // match counts for itself without facets, over remote shards (whose
    // servers count in the same match), and for a query that checks
    // positions itself: a phrase's checks are the match's cost, and a count
    // apart would pay them twice (phrases' p95 went from 74 to 122 ms on
    // 20,000 pages when they counted apart; README, "Scale").
    auto ranked_page = [&](const Xapian::Query& words, const Xapian::Query& boost) {
        enquire.set_query(make_query(words, boost));
        if (!request.facets || spies_apart || has_positions(words)) {
            // Our spies count in this match only (over remote shards the
            // servers' spies are attached to it once, before).
            const bool local_spies = request.facets && !spies_apart;
            if (local_spies) spies.attach(enquire);
            mset = enquire.get_mset(first, request.per_page, check_at_least);
            if (local_spies) enquire.clear_matchspies();
            count_matches(mset, std::max(check_at_least, first + request.per_page), out);
            return;
        }
        mset = enquire.get_mset(first, request.per_page);
        if (mset.empty() && first == 0) {
            out.total = 0;
            out.total_is_exact = true;
            return;
        }
        count_apart(match_query(words));
        if (first + request.per_page > check_at_least) count_matches(mset, first + request.per_page, out);
    };
    if (browsing) {
        // The page from the newest (or oldest) periods only; the total,
        // facets and timeline from count_apart, so no request visits every
        // page.
        mset = browse_page(enquire, db, make_query(parsed.query, parsed.boost), order == SortOrder::newest, first,
                           request.per_page);
        count_apart(match_query(parsed.query));
        if (spies_apart) server_spies.deliver(db, make_query(parsed.query, parsed.boost), k_remote_facet_bound);
    } else {
        if (spies_apart) server_spies.attach(enquire);
        ranked_page(parsed.query, parsed.boost);
    }
    // A phrase remembered a word or two wrong: try the looser readings.
    Xapian::Query words = parsed.query; // the reading the results are for
    Xapian::Query boost = parsed.boost;
    if (out.total == 0 && parsed.has_words) {
        for (const auto& [query, notice] : parsed.relaxed) {
            ranked_page(query, parsed.loose_boost);
            if (out.total > 0) {
                words = query;
                boost = parsed.loose_boost;
                out.notice = notice;
                break;
            }
        }
    }

    if (spies_apart && !browsing) server_spies.deliver(db, make_query(words, boost), k_remote_facet_bound);

    // Offer the spelling correction only when it finds more than the query
    // as typed: a rare correct word must not be "corrected" to a common one.
    if (!out.showing_corrected && !out.corrected.empty() && out.total < k_suggest_below) {
        const ParsedQuery alternative = builder.parse(out.corrected);
        Xapian::Enquire probe(db);
        probe.set_query(make_query(alternative.query, alternative.boost));
        const Xapian::MSet counted = probe.get_mset(0, 0, k_suggest_below);
        if (counted.get_matches_estimated() <= out.total) out.corrected.clear();
    } else if (!out.showing_corrected) {
        out.corrected.clear();
    }

    const Highlighter highlighter = Highlighter::of_parsed(db, parsed.query);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        const Xapian::Document doc = it.get_document();
        hit.id = public_id_of(doc);
        hit.docid = *it;
        auto article = decode_docdata(doc.get_data());
        if (article) hit.article = std::move(article).value();
        hit.article.site = schema::shown_outlet(outlet_table, doc, hit.article.site);
        hit.score = browsing ? 0 : it.get_percent();
        hit.snippet = browsing
                          ? lead_snippet(hit.article.body, request.snippet_bytes)
                          : query_snippet(hit.article.body, hit.article.language, request.snippet_bytes, highlighter);
        hit.article.body.clear();
        hit.copies = other_copies(db, doc, *it, outlet_table);
        out.results.push_back(std::move(hit));
    }
    if (request.facets) {
        bool exact = out.total_is_exact && spies.seen() >= out.total;
        for (const FacetField field : spies.filtered()) {
            // Counted as if this field were not filtered: the values a reader
            // may add to the ones chosen (OR within a field).
            SearchRequest without = request;
            filter_values(without, field).clear();
            const Xapian::Query others = filter_query(without, &outlet_table, &groups).value();
            const Xapian::Query query = words.empty() ? Xapian::Query(Xapian::Query::OP_FILTER, match_all(), others)
                                                      : Xapian::Query(Xapian::Query::OP_FILTER, words, others);
            exact = spies.count_alone(db, query, field) && exact;
        }
        spies.fill(out.facets, request, outlet_table);
        out.facets.exact = exact;
        out.timeline = make_timeline(spies.timeline().months());
    }
    out.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return out;
}

Result<StoredArticle> Searcher::document(std::string_view public_id) {
    const std::string id(public_id.substr(0, schema::k_public_id_chars * 2));
    return with_retry([&]() -> Result<StoredArticle> {
        const Xapian::docid docid = docid_of(database(), id);
        if (docid == 0) return Error{ErrorCode::not_found, "no document " + id, "id"};
        try {
            const Xapian::Document doc = database().get_document(docid);
            auto article = decode_docdata(doc.get_data());
            if (!article) return article.error();
            article.value().site = schema::shown_outlet(outlets(), doc, article.value().site);
            return StoredArticle{id, docid, std::move(article).value(),
                                 other_copies(database(), doc, docid, outlets())};
        } catch (const Xapian::DocNotFoundError&) {
            return Error{ErrorCode::not_found, "no document " + id, "id"};
        }
    });
}

} // namespace oped::searcher
