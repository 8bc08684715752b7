#pragma once

// Match spies over an index with shards on Xapian's remote backend.
//
// The remote backend runs an Enquire's match spies on each shard's server,
// which can rebuild only Xapian's own spies: ours (facets, timeline) are
// refused ("MatchSpy not suitable for use with remote searches"). Over such
// an index the spies are shown the matching documents here instead: a
// second match, unweighted and in docid order, up to `bound` documents,
// whose values are read in batches (MSet::fetch). Where every match is seen
// (fewer than `bound`), the spies count exactly what they would count on a
// local index; past it, both are estimates, and facets_exact says so.
//
// Reading a document from a remote shard costs about half a millisecond (its
// data comes with its values), so the facets of a search count exactly up
// to k_remote_facet_bound matches there, not k_facet_exact_up_to: 10,000
// made a front page of 100,000 pages take 8 to 13 s.

#include <xapian.h>

#include <initializer_list>
#include <vector>

namespace oped::searcher {

inline constexpr Xapian::doccount k_remote_facet_bound = 1000;

// True when the match spies of `db` would run on a remote server. Asked of
// the index once per database handle and thread (a match of no documents).
bool spies_run_remotely(const Xapian::Database& db);

// Shows each document matching `query`, up to `bound`, to every spy, as an
// Enquire would.
void show_matches(const Xapian::Database& db, const Xapian::Query& query, const std::vector<Xapian::MatchSpy*>& spies,
                  Xapian::doccount bound);

} // namespace oped::searcher
