#include <oped/searcher/facets.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <algorithm>

namespace oped::searcher {

void ListCountSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    const std::string value = doc.get_value(m_slot);
    if (value.empty()) return;
    const std::string piece = m_pieces.piece_of(doc);
    if (!m_is_list) {
        if (m_pieces.first(piece, value)) ++m_counts[value];
        return;
    }
    for (auto& item : schema::decode_list(value)) {
        if (m_pieces.first(piece, item)) ++m_counts[std::move(item)];
    }
}

namespace {

bool any_word_starts_with(std::string_view text, std::string_view prefix) {
    for (std::size_t at = 0; at < text.size();) {
        if (text.compare(at, prefix.size(), prefix) == 0) return true;
        const auto space = text.find(' ', at);
        if (space == std::string_view::npos) break;
        at = space + 1;
    }
    return false;
}

} // namespace

std::vector<FacetValue> ListCountSpy::top(std::size_t limit, std::string_view find) const {
    const std::string wanted = text::fold_for_match(text::collapse_space(find));
    std::vector<FacetValue> all;
    all.reserve(wanted.empty() ? m_counts.size() : 0);
    for (const auto& [value, count] : m_counts) {
        if (wanted.empty() || any_word_starts_with(text::fold_for_match(value), wanted)) all.push_back({value, count});
    }
    const auto n = std::min(limit, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const FacetValue& a, const FacetValue& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    all.resize(n);
    return all;
}

void ListCountSpy::keep_chosen(std::vector<FacetValue>& values, const std::vector<std::string>& chosen) const {
    auto listed = [&](const std::string& folded) {
        return std::any_of(values.begin(), values.end(),
                           [&](const FacetValue& v) { return schema::fold_for_term(v.value) == folded; });
    };
    std::vector<std::string> missing; // folded, as filters compare them
    for (const auto& c : chosen) {
        std::string folded = schema::fold_for_term(c);
        if (!listed(folded) && std::find(missing.begin(), missing.end(), folded) == missing.end())
            missing.push_back(std::move(folded));
    }
    if (missing.empty()) return;
    for (const auto& [value, count] : m_counts) {
        if (std::find(missing.begin(), missing.end(), schema::fold_for_term(value)) != missing.end())
            values.push_back({value, count});
    }
}

} // namespace oped::searcher
