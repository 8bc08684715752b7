#include <oped/indexer/evidence.hpp>

#include <algorithm>

namespace oped::indexer {

FieldEvidence& Explanation::field(std::string_view name) {
    auto it = std::find_if(m_fields.begin(), m_fields.end(), [&](const FieldEvidence& f) { return f.field == name; });
    if (it != m_fields.end()) return *it;
    m_fields.push_back(FieldEvidence{std::string(name), {}, {}, {}});
    return m_fields.back();
}

void Explanation::add(std::string_view field_name, Candidate candidate) {
    field(field_name).candidates.push_back(std::move(candidate));
}

void Explanation::choose(std::string_view field_name, std::string value, std::string reason) {
    FieldEvidence& f = field(field_name);
    f.chosen = std::move(value);
    f.reason = std::move(reason);
}

const FieldEvidence* Explanation::find(std::string_view name) const {
    auto it = std::find_if(m_fields.begin(), m_fields.end(), [&](const FieldEvidence& f) { return f.field == name; });
    return it == m_fields.end() ? nullptr : &*it;
}

} // namespace oped::indexer
