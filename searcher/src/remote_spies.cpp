#include <oped/searcher/remote_spies.hpp>

#include <oped/common/schema.hpp>

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace oped::searcher {
namespace {

// A spy with no name: a remote shard refuses it before matching anything.
class UnnamedSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document&, double) override {}
};

// Documents read from the shards per round trip.
constexpr Xapian::doccount k_fetch_batch = 500;

} // namespace

bool spies_run_remotely(const Xapian::Database& db) {
    // The answer for the handle last asked on this thread, by its shards' UUIDs.
    thread_local std::string asked_of;
    thread_local bool remote = false;
    const std::string uuid = db.get_uuid();
    if (!asked_of.empty() && uuid == asked_of) return remote;
    Xapian::Enquire probe(db);
    UnnamedSpy spy;
    probe.add_matchspy(&spy);
    probe.set_query(Xapian::Query::MatchAll); // no document is read: the page asked for is empty
    try {
        probe.get_mset(0, 0);
        remote = false;
    } catch (const Xapian::UnimplementedError&) {
        remote = true;
    }
    asked_of = uuid;
    return remote;
}

Xapian::doccount show_matches(const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<Xapian::MatchSpy*>& spies, Xapian::doccount bound) {
    if (spies.empty()) return 0;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_query(query);
    // One MSet from the first match, fetched a batch at a time: in Xapian
    // 1.4.22, fetch() on a remote MSet that starts past the first match
    // crashes (it indexes its items from 0).
    Xapian::MSet mset = enquire.get_mset(0, bound);
    for (auto it = mset.begin(); it != mset.end();) {
        auto end = it;
        for (Xapian::doccount n = 0; n < k_fetch_batch && end != mset.end(); ++n) ++end;
        mset.fetch(it, end);
        for (; it != end; ++it) {
            const Xapian::Document doc = it.get_document();
            for (auto* spy : spies) (*spy)(doc, 1.0);
        }
    }
    return mset.size();
}

namespace {

Xapian::Query has_value(Xapian::valueno slot) {
    // Every value but the empty one (an empty bound would match every page).
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(1, '\0'));
}

// The pages that need a facet row and lack it (written before facet rows).
Xapian::Query rows_missing() {
    const Xapian::Query needs_row(
        Xapian::Query::OP_OR, has_value(schema::slot::copy_group),
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date_precision, "year", "year"));
    return Xapian::Query(Xapian::Query::OP_AND_NOT, needs_row, has_value(schema::slot::facet_row));
}

} // namespace

ServerSpies::ServerSpies(std::vector<Xapian::MatchSpy*> spies) : m_spies(std::move(spies)) {
    for (auto* spy : m_spies) {
        auto* counted = dynamic_cast<SlotCounted*>(spy);
        if (counted == nullptr) {
            m_usable = false;
            return;
        }
        m_counted.push_back(counted);
        m_on_servers.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(counted->counted_slot()));
    }
    m_on_servers.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::slot::facet_row));
}

void ServerSpies::attach(Xapian::Enquire& enquire) {
    if (!m_usable || m_spies.empty()) return;
    for (const auto& spy : m_on_servers) enquire.add_matchspy(spy.get());
}

bool ServerSpies::deliver(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount bound) {
    if (!m_usable) return show_matches(db, query, m_spies, bound) < bound;
    if (m_spies.empty()) return true;
    // The pages with a facet row: taken out of the slot counts, shown whole.
    const Xapian::ValueCountMatchSpy& rows = *m_on_servers.back();
    std::vector<std::map<std::string, Xapian::doccount>> in_rows(m_counted.size());
    std::vector<std::pair<Xapian::Document, Xapian::doccount>> row_docs;
    Xapian::doccount row_pages = 0;
    for (auto it = rows.values_begin(); it != rows.values_end(); ++it) {
        Xapian::Document doc = schema::facet_row_document(*it);
        const Xapian::doccount pages = it.get_termfreq();
        for (std::size_t i = 0; i < m_counted.size(); ++i) {
            const std::string value = doc.get_value(m_counted[i]->counted_slot());
            if (!value.empty()) in_rows[i][value] += pages;
        }
        row_pages += pages;
        row_docs.emplace_back(std::move(doc), pages);
    }
    for (std::size_t i = 0; i < m_counted.size(); ++i) {
        const Xapian::ValueCountMatchSpy& spy = *m_on_servers[i];
        // Both spies saw the rows' pages in the same match, so the slot's
        // counts hold them; the checks only keep a surprise from wrapping.
        const auto total = static_cast<Xapian::doccount>(spy.get_total());
        m_counted[i]->add_seen(total > row_pages ? total - row_pages : 0);
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
            const auto taken = in_rows[i].find(*it);
            const Xapian::doccount in_row = taken == in_rows[i].end() ? 0 : taken->second;
            if (it.get_termfreq() > in_row) m_counted[i]->add_value_count(*it, it.get_termfreq() - in_row);
        }
    }
    for (const auto& [doc, pages] : row_docs) {
        for (Xapian::doccount n = 0; n < pages; ++n) {
            for (auto* spy : m_spies) (*spy)(doc, 1.0);
        }
    }
    // Pages of an older index, with no facet row, read here.
    const Xapian::Query missing(Xapian::Query::OP_FILTER, query, rows_missing());
    return show_matches(db, missing, m_spies, bound) < bound;
}

bool count_remotely(const Xapian::Database& db, const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies,
                    Xapian::doccount check_at_least, Xapian::doccount bound) {
    ServerSpies on_servers(spies);
    if (!on_servers.usable()) return show_matches(db, query, spies, bound) < bound;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(query);
    on_servers.attach(enquire);
    const Xapian::MSet mset = enquire.get_mset(0, 0, check_at_least);
    const bool shown = on_servers.deliver(db, query, bound);
    return shown && mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
           on_servers.seen() >= mset.get_matches_lower_bound();
}

} // namespace oped::searcher
