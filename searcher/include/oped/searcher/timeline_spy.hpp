#pragma once

// Counting the months of matching articles, for make_timeline().

#include <oped/searcher/piece_counter.hpp>
#include <oped/searcher/remote_spies.hpp>

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>

namespace oped::searcher {

// Counts "YYYYMM" keys of the published slot; an article dated only by its
// year (its date_precision slot says "year", or it has no published value)
// counts as month "00".
class TimelineSpy : public Xapian::MatchSpy, public SlotCounted {
  public:
    void operator()(const Xapian::Document& doc, double wt) override;
    // Counts made by a ValueCountMatchSpy on the published slot
    // (remote_spies.hpp): no syndicated copy, none dated to its year only.
    Xapian::valueno counted_slot() const override;
    void add_value_count(const std::string& day, Xapian::doccount documents) override;
    void add_seen(Xapian::doccount documents) override { m_seen += documents; }
    const std::map<std::string, std::uint64_t>& months() const { return m_months; }
    // The documents counted, dated or not.
    Xapian::doccount seen() const { return m_seen; }
    // Count each month once per syndicated piece (piece_counter.hpp).
    void count_pieces(bool on) { m_pieces.count_pieces(on); }

  private:
    Xapian::doccount m_seen = 0;
    std::map<std::string, std::uint64_t> m_months;
    PieceCounter m_pieces;
};

} // namespace oped::searcher
