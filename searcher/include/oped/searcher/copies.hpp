#pragma once

// The other copies of a syndicated piece (the documents holding the same
// copy group label, indexer/copy_groups.hpp), for a result's "also ran in"
// line and the article page.

#include <oped/common/outlets.hpp>

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace oped::searcher {

// At most this many other copies are listed for one piece.
inline constexpr std::size_t k_max_copies = 20;

struct CopyRef {
    std::string id; // public id
    std::string url;
    std::string title;
    std::string site;
    std::string published; // as stored: "YYYY-MM-DD", a month or year, or empty
};

// The copies of the piece `doc` (docid `docid`) is one of, itself left out:
// earliest first (by day), undated last, then in
// index order; none when it ran once. Each copy's outlet is the name
// `outlets` shows for its site, as the results show it.
std::vector<CopyRef> other_copies(const Xapian::Database& db, const Xapian::Document& doc, Xapian::docid docid,
                                  const schema::OutletTable& outlets);

} // namespace oped::searcher
