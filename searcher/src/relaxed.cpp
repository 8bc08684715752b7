#include "relaxed.hpp"

#include <algorithm>
#include <vector>

namespace oped::searcher {
namespace {

using Op = Xapian::Query::op;

std::vector<Xapian::Query> subqueries(const Xapian::Query& q) {
    std::vector<Xapian::Query> out;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) out.push_back(q.get_subquery(i));
    return out;
}

// Operators that take any number of subqueries and nothing else, so a node
// can be rebuilt from its type and rewritten subqueries. Others (weight
// scaling, wildcards, value ranges) are kept as they are.
bool rebuildable(Op op) {
    switch (op) {
        case Op::OP_AND:
        case Op::OP_OR:
        case Op::OP_AND_NOT:
        case Op::OP_XOR:
        case Op::OP_AND_MAYBE:
        case Op::OP_FILTER:
        case Op::OP_SYNONYM:
        case Op::OP_MAX:
            return true;
        default:
            return false;
    }
}

bool all_leaves(const std::vector<Xapian::Query>& subs) {
    for (const auto& sub : subs) {
        if (sub.get_type() != Op::LEAF_TERM) return false;
    }
    return true;
}

std::vector<std::string> terms_of(const std::vector<Xapian::Query>& leaves) {
    std::vector<std::string> out;
    out.reserve(leaves.size());
    for (const auto& leaf : leaves) out.push_back(*leaf.get_terms_begin());
    return out;
}

// A phrase's terms as the loose phrases that would hold it remembered wrong.
Xapian::Query loosened(const std::vector<std::string>& terms, const IsStop& is_stop) {
    const std::size_t n = terms.size();
    std::vector<std::vector<std::string>> phrases;
    if (n <= k_loose_phrase_words) {
        for (std::size_t drop = 0; drop < n; ++drop) {
            std::vector<std::string> rest = terms;
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(drop));
            phrases.push_back(std::move(rest));
        }
    } else {
        phrases.emplace_back(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(n / 2));
        phrases.emplace_back(terms.begin() + static_cast<std::ptrdiff_t>(n / 2), terms.end());
    }
    std::vector<Xapian::Query> any;
    // All the words with one more between them (a word forgotten).
    any.emplace_back(Op::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(n + 1));
    for (const auto& p : phrases) {
        if (std::all_of(p.begin(), p.end(), is_stop)) continue;
        const auto window = static_cast<Xapian::termcount>(n <= k_loose_phrase_words ? n + 1 : p.size());
        any.emplace_back(Op::OP_PHRASE, p.begin(), p.end(), window);
    }
    return Xapian::Query(Op::OP_OR, any.begin(), any.end());
}

} // namespace

Xapian::Query phrases_loosened(const Xapian::Query& q, const IsStop& is_stop) {
    if (!has_phrase(q)) return q;
    auto subs = subqueries(q);
    if (q.get_type() == Op::OP_PHRASE) {
        if (subs.size() < 3 || !all_leaves(subs)) return q;
        return loosened(terms_of(subs), is_stop);
    }
    if (!rebuildable(q.get_type())) return q;
    for (auto& sub : subs) sub = phrases_loosened(sub, is_stop);
    return Xapian::Query(q.get_type(), subs.begin(), subs.end());
}

bool has_phrase(const Xapian::Query& q) {
    if (q.get_type() == Op::OP_PHRASE || q.get_type() == Op::OP_NEAR) return true;
    for (const auto& sub : subqueries(q)) {
        if (has_phrase(sub)) return true;
    }
    return false;
}

Xapian::Query phrases_as_words(const Xapian::Query& q, const LooseWord& loose) {
    const bool phrase = q.get_type() == Op::OP_PHRASE || q.get_type() == Op::OP_NEAR;
    if (!phrase && !has_phrase(q)) return q;
    std::vector<Xapian::Query> subs;
    for (const auto& sub : subqueries(q)) {
        Xapian::Query word =
            phrase && sub.get_type() == Op::LEAF_TERM ? loose(*sub.get_terms_begin()) : phrases_as_words(sub, loose);
        if (!word.empty()) subs.push_back(std::move(word));
    }
    if (phrase) return Xapian::Query(Op::OP_AND, subs.begin(), subs.end());
    if (!rebuildable(q.get_type())) return q;
    return Xapian::Query(q.get_type(), subs.begin(), subs.end());
}

Xapian::Query any_wanted_word(const Xapian::Query& q) {
    const Op op = q.get_type();
    auto subs = subqueries(q);
    switch (op) {
        case Op::OP_AND_NOT:
        case Op::OP_FILTER:
            // Only the first subquery is wanted words; the rest exclude or filter.
            if (subs.empty()) return q;
            subs[0] = any_wanted_word(subs[0]);
            return Xapian::Query(op, subs.begin(), subs.end());
        case Op::OP_AND:
        case Op::OP_AND_MAYBE:
        case Op::OP_OR:
        case Op::OP_PHRASE:
        case Op::OP_NEAR:
            for (auto& sub : subs) sub = any_wanted_word(sub);
            return Xapian::Query(Op::OP_OR, subs.begin(), subs.end());
        default:
            return q;
    }
}

} // namespace oped::searcher
