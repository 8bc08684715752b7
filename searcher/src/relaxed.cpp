#include "relaxed.hpp"

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

} // namespace

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
