#include <oped/searcher/facets.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <algorithm>

namespace oped::searcher {

std::string ListCountSpy::author_of(const std::string& name) const {
    const std::string key = schema::author_key(name);
    return key.empty() ? key : m_groups->canonical(key);
}

std::vector<std::string> ListCountSpy::values_of(const std::string& value) const {
    if (m_groups != nullptr) {
        // One count per author, however many of their keys the page holds.
        std::vector<std::string> authors;
        for (const auto& key : schema::decode_list(value)) {
            const std::string& author = m_groups->canonical(key);
            if (std::find(authors.begin(), authors.end(), author) == authors.end()) authors.push_back(author);
        }
        return authors;
    }
    if (!m_is_list) return {value};
    return schema::decode_list(value);
}

void ListCountSpy::operator()(const Xapian::Document& doc, double) {
    ++m_seen;
    std::string value = doc.get_value(m_slot);
    if (value.empty()) return;
    const std::string piece = m_pieces.piece_of(doc);
    if (piece.empty()) {
        ++m_stored[std::move(value)];
        return;
    }
    for (auto& item : values_of(value)) {
        if (m_pieces.first(piece, item)) ++m_counts[std::move(item)];
    }
}

void ListCountSpy::add_value_count(const std::string& value, Xapian::doccount documents) {
    if (value.empty()) return;
    for (auto& item : values_of(value)) m_counts[std::move(item)] += documents;
}

const std::map<std::string, std::uint64_t>& ListCountSpy::counts() const {
    for (const auto& [value, documents] : m_stored) {
        for (auto& item : values_of(value)) m_counts[std::move(item)] += documents;
    }
    m_stored.clear();
    return m_counts;
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
    all.reserve(wanted.empty() ? counts().size() : 0);
    for (const auto& [value, count] : counts()) {
        // An author's key is folded already.
        if (wanted.empty() || any_word_starts_with(m_groups != nullptr ? value : text::fold_for_match(value), wanted)) {
            all.push_back({value, count});
        }
    }
    const auto n = std::min(limit, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const FacetValue& a, const FacetValue& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    all.resize(n);
    if (m_groups != nullptr) {
        for (auto& v : all) {
            if (const std::string& shown = m_groups->display(v.value); !shown.empty()) v.value = shown;
        }
    }
    return all;
}

void ListCountSpy::keep_chosen(std::vector<FacetValue>& values, const std::vector<std::string>& chosen) const {
    if (m_groups != nullptr) {
        std::vector<std::string> listed;
        listed.reserve(values.size());
        for (const auto& v : values) listed.push_back(author_of(v.value));
        for (const auto& c : chosen) {
            const std::string author = author_of(c);
            if (author.empty() || std::find(listed.begin(), listed.end(), author) != listed.end()) continue;
            listed.push_back(author);
            const auto found = counts().find(author);
            if (found == counts().end()) continue;
            const std::string& shown = m_groups->display(author);
            values.push_back({shown.empty() ? author : shown, found->second});
        }
        return;
    }
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
    for (const auto& [value, count] : counts()) {
        if (std::find(missing.begin(), missing.end(), schema::fold_for_term(value)) != missing.end())
            values.push_back({value, count});
    }
}

} // namespace oped::searcher
