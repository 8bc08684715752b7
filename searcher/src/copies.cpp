#include <oped/searcher/copies.hpp>

#include <oped/common/docdata.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>

#include <algorithm>

namespace oped::searcher {

std::vector<CopyRef> other_copies(const Xapian::Database& db, const Xapian::Document& doc, Xapian::docid docid,
                                  const schema::OutletTable& outlets) {
    std::vector<CopyRef> out;
    const std::string label = doc.get_value(schema::slot::copy_group);
    if (label.empty()) return out;
    const std::string term = std::string(schema::prefix::copy_group) + label;
    // The earliest by the published slot, read before any document data.
    std::vector<std::pair<std::string, Xapian::docid>> order;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (*it == docid) continue;
        const std::string day = db.get_document(*it).get_value(schema::slot::published);
        order.emplace_back(day.empty() ? "~" : day, *it);
    }
    std::sort(order.begin(), order.end());
    if (order.size() > k_max_copies) order.resize(k_max_copies);
    for (const auto& [day, id] : order) {
        const Xapian::Document copy = db.get_document(id);
        auto article = decode_docdata(copy.get_data());
        if (!article) continue;
        Article& a = article.value();
        out.push_back({schema::public_id(copy.get_value(schema::slot::uid)), std::move(a.url), std::move(a.title),
                       schema::shown_outlet(outlets, copy, a.site), std::move(a.published)});
    }
    return out;
}

} // namespace oped::searcher
