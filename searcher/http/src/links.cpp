#include "links.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/html.hpp>

#include <algorithm>

namespace oped::http {
namespace {

std::size_t rank(std::string_view key) {
    const auto& keys = search_keys();
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

} // namespace

const std::vector<std::string_view>& search_keys() {
    static const std::vector<std::string_view> k_keys = {"q",     "author",   "site",  "tag",     "year",
                                                         "genre", "type",     "from",  "to",      "sort",
                                                         "page",  "per_page", "spell", "literal", "collapse"};
    return k_keys;
}

SearchLink::SearchLink(const ParamMap& params, std::string path) : m_path(std::move(path)) {
    for (const auto& key : search_keys()) {
        const auto [lo, hi] = params.equal_range(std::string(key));
        for (auto it = lo; it != hi; ++it) {
            // A genre by another name ("letters", "op-ed") is kept by its
            // stored name, so facets, chips and links agree with the filter.
            const std::string genre = key == "genre" ? schema::canonical_genre(it->second) : std::string();
            add(key, genre.empty() ? it->second : genre);
        }
    }
}

SearchLink& SearchLink::set(std::string_view key, std::string_view value) {
    remove(key);
    if (!value.empty()) add(key, value);
    return *this;
}

SearchLink& SearchLink::add(std::string_view key, std::string_view value) {
    if (value.empty() || has(key, value)) return *this;
    // Keep the canonical order: after the last parameter of the same or an earlier key.
    const std::size_t r = rank(key);
    auto at = std::find_if(m_params.begin(), m_params.end(), [&](const auto& p) { return rank(p.first) > r; });
    m_params.insert(at, {std::string(key), std::string(value)});
    return *this;
}

SearchLink& SearchLink::remove(std::string_view key, std::string_view value) {
    std::erase_if(m_params, [&](const auto& p) { return p.first == key && p.second == value; });
    return *this;
}

SearchLink& SearchLink::remove(std::string_view key) {
    std::erase_if(m_params, [&](const auto& p) { return p.first == key; });
    return *this;
}

SearchLink& SearchLink::path(std::string p) {
    m_path = std::move(p);
    return *this;
}

SearchLink& SearchLink::toggle(std::string_view key, std::string_view value) {
    if (has(key, value)) {
        remove(key, value);
    } else {
        add(key, value);
    }
    return remove("page");
}

bool SearchLink::has(std::string_view key, std::string_view value) const {
    return std::any_of(m_params.begin(), m_params.end(),
                       [&](const auto& p) { return p.first == key && p.second == value; });
}

bool SearchLink::has(std::string_view key) const {
    return std::any_of(m_params.begin(), m_params.end(), [&](const auto& p) { return p.first == key; });
}

std::string SearchLink::get(std::string_view key) const {
    for (const auto& [k, v] : m_params) {
        if (k == key) return v;
    }
    return {};
}

std::vector<std::string> SearchLink::all(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_params) {
        if (k == key) out.push_back(v);
    }
    return out;
}

std::string SearchLink::query_string() const {
    std::string out;
    for (const auto& [k, v] : m_params) {
        if (!out.empty()) out.push_back('&');
        out += html::url_encode(k);
        out.push_back('=');
        out += html::url_encode(v);
    }
    return out;
}

std::string SearchLink::url() const {
    const std::string qs = query_string();
    return qs.empty() ? m_path : m_path + "?" + qs;
}

} // namespace oped::http
