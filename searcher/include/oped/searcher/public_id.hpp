#pragma once

// Articles by their public id (schema::public_id): the id links, feeds,
// citations and the JSON use, the same in every index built from the same
// pages. A Xapian docid changes with a rebuild or a compaction and is never
// shown.

#include <xapian.h>

#include <string>
#include <string_view>

namespace oped::searcher {

// The public id of an indexed document (from its unique id value).
std::string public_id_of(const Xapian::Document& doc);

// The docid holding `public_id` in this revision (one posting read), or 0.
Xapian::docid docid_of(const Xapian::Database& db, std::string_view public_id);

} // namespace oped::searcher
