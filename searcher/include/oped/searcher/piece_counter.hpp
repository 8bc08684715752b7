#pragma once

// One count per syndicated piece. A search collapses the copies of a piece
// (schema::slot::copy_group) into one result, so facets and the timeline
// count a value once per piece too: "Thomas Paine (8)" leads to 8 results,
// not to 8 results and a reprint hidden under one of them. Copies that differ
// in a value (a reprint in another outlet) count for each value.

#include <oped/common/schema.hpp>

#include <xapian.h>

#include <set>
#include <string>

namespace oped::searcher {

class PieceCounter {
  public:
    // Off (the default): every page counts, as with collapse=0.
    void count_pieces(bool on) { m_on = on; }
    // The piece `doc` belongs to; empty when it has no copies (or counting
    // is per page).
    std::string piece_of(const Xapian::Document& doc) const {
        return m_on ? doc.get_value(schema::slot::copy_group) : std::string();
    }
    // Whether `value` of a page of `piece` is still to be counted.
    bool first(const std::string& piece, const std::string& value) {
        return piece.empty() || m_counted.insert(piece + '\t' + value).second;
    }

  private:
    bool m_on = false;
    std::set<std::string> m_counted;
};

} // namespace oped::searcher
