#include <oped/searcher/public_id.hpp>

#include <oped/common/schema.hpp>

namespace oped::searcher {

std::string public_id_of(const Xapian::Document& doc) { return schema::public_id(doc.get_value(schema::slot::uid)); }

Xapian::docid docid_of(const Xapian::Database& db, std::string_view public_id) {
    if (!schema::is_public_id(public_id)) return 0;
    const std::string term = std::string(schema::prefix::public_id) + std::string(public_id);
    const auto it = db.postlist_begin(term);
    return it == db.postlist_end(term) ? 0 : *it;
}

} // namespace oped::searcher
