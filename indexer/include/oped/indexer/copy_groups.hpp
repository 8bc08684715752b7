#pragma once

// Keeping the copy groups (syndicated copies, fingerprint.hpp) right at each
// commit. Invariant: two documents hold the same group label (the XUg term
// and slot 14) exactly when a chain of documents, each the same piece as
// the next (copies::same_piece), joins them; a document in no such chain
// holds none. The writer notes each document it writes and each stored one
// about to be replaced or deleted; before the commit, write():
//
// 1. checks each group that lost a member: its remaining members are
//    grouped again from their sketches (it may split; a member left alone
//    loses the label; the largest part keeps it);
// 2. looks up each written document's band terms: the documents sharing one
//    are candidates, confirmed by their sketches; a written document joins
//    its confirmed neighbours' group, groups it bridges are merged (the
//    largest keeps its label), and a new group is labelled with its
//    earliest member's public id.
//
// Only the documents whose label changes are rewritten, and only their
// term and value change, so a run costs in proportion to what it changed;
// a label, once given, stays while its group lasts, so the members already
// indexed are not rewritten when another copy joins.

#include <oped/indexer/fingerprint.hpp>

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace oped::indexer {

class CopyGroups {
  public:
    // A document just added or replaced, with the sketch of its new version
    // (none for a short body). Its new version holds no label yet.
    void note_written(Xapian::docid docid, const std::optional<copies::Sketch>& sketch);
    // A stored document about to be deleted or replaced: its group is
    // checked at the next write().
    void note_leaving(const Xapian::Database& db, Xapian::docid docid);

    // Brings the labels up to date in `db` (before its commit) and forgets
    // what was noted. Returns the number of documents relabelled.
    std::size_t write(Xapian::WritableDatabase& db);

  private:
    std::unordered_map<Xapian::docid, copies::Sketch> m_written;
    std::unordered_set<std::string> m_shrunk; // labels of groups that lost a member
};

// The sketch stored in a document's band terms; none when it has none.
std::optional<copies::Sketch> stored_sketch(const Xapian::Database& db, Xapian::docid docid);

} // namespace oped::indexer
