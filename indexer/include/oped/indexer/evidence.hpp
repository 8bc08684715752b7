#pragma once

// Why a field got its value: the candidates extraction weighed for each
// field, where each came from, its score and a note. `oped extract --explain`
// prints it; extraction fills it only when asked (a null Explanation* costs
// nothing).

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

struct Candidate {
    std::string value;
    std::string source; // where it was read: "og:title", "h1", "JSON-LD author", "byline line"...
    double score = 0;   // higher wins; comparable within one field only
    std::string note;   // the evidence for or against, for a person
};

struct FieldEvidence {
    std::string field; // "title", "authors", "published", "body", "type"...
    std::vector<Candidate> candidates;
    std::string chosen; // the value kept (empty: none)
    std::string reason; // why that one
};

class Explanation {
  public:
    // Adds a candidate under `field` (the field is created on first use, in
    // the order fields are first named).
    void add(std::string_view field, Candidate candidate);
    // Records the value kept for `field` and why.
    void choose(std::string_view field, std::string value, std::string reason);
    const std::vector<FieldEvidence>& fields() const { return m_fields; }
    // The evidence of one field, or null.
    const FieldEvidence* find(std::string_view field) const;

  private:
    FieldEvidence& field(std::string_view name);
    std::vector<FieldEvidence> m_fields;
};

// Helpers for code that may or may not be explaining.
inline void explain_add(Explanation* explain, std::string_view field, Candidate candidate) {
    if (explain != nullptr) explain->add(field, std::move(candidate));
}
inline void explain_choose(Explanation* explain, std::string_view field, std::string value, std::string reason) {
    if (explain != nullptr) explain->choose(field, std::move(value), std::move(reason));
}

} // namespace oped::indexer
