#pragma once

// Counting facet values over the documents a match considers. Multi-valued
// slots (authors, tags) count once per value, so a two-author article counts
// for each author.

#include <oped/common/author_groups.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/piece_counter.hpp>
#include <oped/searcher/remote_spies.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oped::searcher {

class ListCountSpy : public Xapian::MatchSpy, public SlotCounted {
  public:
    ListCountSpy(Xapian::valueno slot, bool is_list) : m_slot(slot), m_is_list(is_list) {}
    // Counts authors by key (slot::author_keys), one count per author and
    // document however many of its keys or bylines it holds; top() shows each
    // under its display name, `find` looks in the key's words, and chosen
    // values are matched by key.
    explicit ListCountSpy(const schema::AuthorGroups& groups)
        : m_slot(schema::slot::author_keys), m_is_list(true), m_groups(&groups) {}
    void operator()(const Xapian::Document& doc, double wt) override;

    // Counts made by a ValueCountMatchSpy on the slot (remote_spies.hpp):
    // as many documents as `documents`, none a syndicated copy.
    Xapian::valueno counted_slot() const override { return m_slot; }
    void add_value_count(const std::string& value, Xapian::doccount documents) override;
    void add_seen(Xapian::doccount documents) override { m_seen += documents; }

    // Top `limit` values by count, then by value; when `find` is not empty,
    // only those with a word starting with it (case and accents folded).
    std::vector<FacetValue> top(std::size_t limit, std::string_view find = {}) const;
    // Appends to `values` (a top()) the values of `chosen` (the filters of
    // this facet, matched as filters match) that it lacks, so that a chosen
    // value past the top ones is still listed, to be seen and removed.
    void keep_chosen(std::vector<FacetValue>& values, const std::vector<std::string>& chosen) const;
    Xapian::doccount seen() const { return m_seen; }
    // Count each value once per syndicated piece (piece_counter.hpp).
    void count_pieces(bool on) { m_pieces.count_pieces(on); }
    // Replaces the counts by `relabelled(counts)`: counts by site key become
    // counts by the outlet name shown.
    template <class Fn>
    void relabel(Fn&& relabelled) {
        m_counts = relabelled(counts());
    }

  private:
    // By author: the key of a display name or chosen value.
    std::string author_of(const std::string& name) const;
    // The values one document holding `value` in the slot counts for, each once.
    std::vector<std::string> values_of(const std::string& value) const;
    // The counts by value, with the stored values counted so far split up.
    const std::map<std::string, std::uint64_t>& counts() const;

    Xapian::valueno m_slot;
    bool m_is_list;
    const schema::AuthorGroups* m_groups = nullptr;
    Xapian::doccount m_seen = 0;
    mutable std::map<std::string, std::uint64_t> m_counts;
    // Documents by the slot's value as stored, not yet split into the values
    // they count for: pages share their value (one author, one outlet) with
    // many others, so a match of 10,000 splits and looks up each distinct
    // value once, not each page's (counts()). Pages of a syndicated piece
    // count apart, value by value.
    mutable std::unordered_map<std::string, std::uint64_t> m_stored;
    PieceCounter m_pieces;
};

} // namespace oped::searcher
