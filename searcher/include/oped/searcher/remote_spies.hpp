#pragma once

// Match spies over an index with shards on Xapian's remote backend.
//
// The remote backend runs an Enquire's match spies on each shard's server,
// which can rebuild only Xapian's own spies: ours (facets, timeline) are
// refused ("MatchSpy not suitable for use with remote searches"). Over such
// an index, ServerSpies puts one of Xapian's ValueCountMatchSpy in place of
// each of ours, in the same match, counting the one slot ours reads; the
// servers count and the front merges the counts, as Xapian does. A page
// whose counts need two slots together (a syndicated copy counts once per
// piece; a page dated to its year only has no month) holds them all in its
// facet row (schema::facet_row), counted by one more ValueCountMatchSpy:
// the front takes those pages out of the slot counts and shows each row to
// our spies as a document.
//
// Pages of an index written before facet rows existed, which lack theirs,
// are shown to the spies at the front instead: a second match, unweighted
// and in docid order, up to k_remote_facet_bound documents, whose values
// are read in batches (MSet::fetch). A document read from a remote shard
// costs about half a millisecond (its data comes with its values).

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace oped::searcher {

inline constexpr Xapian::doccount k_remote_facet_bound = 1000;

// A spy whose counts, but for facet rows, one slot's values give.
class SlotCounted {
  public:
    virtual ~SlotCounted() = default;
    virtual Xapian::valueno counted_slot() const = 0;
    // `documents` documents holding `value` in the slot were matched, none
    // with a facet row.
    virtual void add_value_count(const std::string& value, Xapian::doccount documents) = 0;
    // `documents` documents were matched, with or without a value.
    virtual void add_seen(Xapian::doccount documents) = 0;
};

// True when the match spies of `db` would run on a remote server. Asked of
// the index once per database handle and thread (a match of no documents).
bool spies_run_remotely(const Xapian::Database& db);

// Shows each document matching `query`, up to `bound`, to every spy, as an
// Enquire would; returns how many.
Xapian::doccount show_matches(const Xapian::Database& db, const Xapian::Query& query,
                              const std::vector<Xapian::MatchSpy*>& spies, Xapian::doccount bound);

// Xapian's spies counting, on the servers, for `spies` (each SlotCounted).
class ServerSpies {
  public:
    explicit ServerSpies(std::vector<Xapian::MatchSpy*> spies);
    ServerSpies(const ServerSpies&) = delete;
    ServerSpies& operator=(const ServerSpies&) = delete;

    // False when some spy is not SlotCounted: show it the matches instead.
    bool usable() const { return m_usable; }
    void attach(Xapian::Enquire& enquire);
    // After the match of `query`: gives the spies the counts, and shows them
    // the matches that lack their facet row, up to `bound`. Returns whether
    // those were all shown.
    bool deliver(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount bound);
    // The documents the servers' spies saw.
    Xapian::doccount seen() const {
        return m_on_servers.empty() ? 0 : static_cast<Xapian::doccount>(m_on_servers.front()->get_total());
    }

  private:
    std::vector<Xapian::MatchSpy*> m_spies;
    std::vector<SlotCounted*> m_counted;
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> m_on_servers; // one per spy, then the rows'
    bool m_usable = true;
};

// The matches of `query` counted into `spies` over remote shards, without a
// match of the caller's: ServerSpies in a match of their own (up to
// `check_at_least`), else show_matches (up to `bound`). Returns whether
// every match was counted.
bool count_remotely(const Xapian::Database& db, const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies,
                    Xapian::doccount check_at_least, Xapian::doccount bound);

} // namespace oped::searcher
