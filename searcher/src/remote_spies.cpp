#include <oped/searcher/remote_spies.hpp>

#include <string>

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

void show_matches(const Xapian::Database& db, const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies,
                  Xapian::doccount bound) {
    if (spies.empty()) return;
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
}

} // namespace oped::searcher
