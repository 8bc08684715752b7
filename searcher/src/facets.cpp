#include <oped/searcher/facets.hpp>

#include <oped/common/schema.hpp>

#include <algorithm>

namespace oped::searcher {

void ListCountSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    const std::string value = doc.get_value(m_slot);
    if (value.empty()) return;
    if (!m_is_list) {
        ++m_counts[value];
        return;
    }
    for (auto& item : schema::decode_list(value)) ++m_counts[std::move(item)];
}

std::vector<FacetValue> ListCountSpy::top(std::size_t limit) const {
    std::vector<FacetValue> all;
    all.reserve(m_counts.size());
    for (const auto& [value, count] : m_counts) all.push_back({value, count});
    const auto n = std::min(limit, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const FacetValue& a, const FacetValue& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    all.resize(n);
    return all;
}

} // namespace oped::searcher
