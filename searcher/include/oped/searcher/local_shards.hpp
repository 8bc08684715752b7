#pragma once

// Counting matches over several local shards.
//
// Xapian 1.4's unweighted match (BoolWeight) over several local shards does
// not stop at check_at_least: it reads every match, and every match spy sees
// each one, so a front page of 100,000 pages over 4 shards took 200 ms
// against 25 ms on one index. (Weighted matches stop as on one index.) A
// FirstMatches decider lets the first `bound` matches through to the spies
// and refuses the rest, which then cost only their postings, and it counts
// every match it is offered, which is the exact number before collapsing.

#include <xapian.h>

namespace oped::searcher {

class FirstMatches final : public Xapian::MatchDecider {
  public:
    explicit FirstMatches(Xapian::doccount bound) : m_bound(bound) {}

    bool operator()(const Xapian::Document& doc) const override;

    // Every match offered, exact before collapsing; those let through.
    Xapian::doccount offered() const { return m_offered; }
    Xapian::doccount accepted() const { return m_accepted; }

  private:
    Xapian::doccount m_bound;
    mutable Xapian::doccount m_offered = 0;
    mutable Xapian::doccount m_accepted = 0;
};

// True when an unweighted count over `db` needs a FirstMatches to stop at
// its bound: several shards, none of them remote (a remote shard takes no
// decider, and is counted by remote_spies.hpp's own bound).
bool counts_need_first_matches(const Xapian::Database& db);

// The matches of a count made with `first`, collapsed: where some were
// refused, the offered count scaled by the share of the accepted ones that
// collapsing kept (an estimate).
Xapian::doccount estimated_total(const Xapian::MSet& counted, const FirstMatches& first);

} // namespace oped::searcher
