#include <oped/indexer/copy_groups.hpp>

#include <oped/common/schema.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace oped::indexer {
namespace {

using Member = std::pair<Xapian::docid, std::optional<copies::Sketch>>;

class UnionFind {
  public:
    Xapian::docid find(Xapian::docid d) {
        auto it = m_parent.find(d);
        if (it == m_parent.end()) {
            m_parent.emplace(d, d);
            return d;
        }
        while (it->second != d) {
            const Xapian::docid up = it->second;
            const auto above = m_parent.find(up);
            it->second = above->second; // path halving
            d = up;
            it = above;
        }
        return d;
    }
    void unite(Xapian::docid a, Xapian::docid b) {
        a = find(a);
        b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }
    // Every element seen, by the root of its set, each set in docid order.
    std::vector<std::vector<Xapian::docid>> sets() {
        std::unordered_map<Xapian::docid, std::vector<Xapian::docid>> by_root;
        std::vector<Xapian::docid> all;
        all.reserve(m_parent.size());
        for (const auto& [d, parent] : m_parent) all.push_back(d);
        std::sort(all.begin(), all.end());
        for (const Xapian::docid d : all) by_root[find(d)].push_back(d);
        std::vector<std::vector<Xapian::docid>> out;
        out.reserve(by_root.size());
        for (auto& [root, set] : by_root) out.push_back(std::move(set));
        std::sort(out.begin(), out.end());
        return out;
    }

  private:
    std::unordered_map<Xapian::docid, Xapian::docid> m_parent;
};

std::string group_term(const std::string& label) { return std::string(schema::prefix::copy_group) + label; }

std::vector<Xapian::docid> members(const Xapian::Database& db, const std::string& label) {
    std::vector<Xapian::docid> out;
    const std::string term = group_term(label);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
    return out;
}

// Gives `docid` the label (empty: none); only its group term and value
// change. True when it changed.
bool set_label(Xapian::WritableDatabase& db, Xapian::docid docid, const std::string& label) {
    Xapian::Document doc = db.get_document(docid);
    const std::string old = doc.get_value(schema::slot::copy_group);
    if (old == label) return false;
    if (!old.empty()) {
        try {
            doc.remove_term(group_term(old));
        } catch (const Xapian::InvalidArgumentError&) {
        }
    }
    if (label.empty()) {
        doc.remove_value(schema::slot::copy_group);
    } else {
        doc.add_value(schema::slot::copy_group, label);
        doc.add_boolean_term(group_term(label));
    }
    schema::refresh_facet_row(doc);
    db.replace_document(docid, doc);
    return true;
}

// The label for a group that has none: the public id of its earliest member
// (by publication day, undated last, then public id) not already a label.
std::string fresh_label(const Xapian::Database& db, const std::vector<Xapian::docid>& group) {
    std::vector<std::pair<std::string, std::string>> order; // (day or "~", public id)
    for (const Xapian::docid d : group) {
        const Xapian::Document doc = db.get_document(d);
        const std::string day = doc.get_value(schema::slot::published);
        order.emplace_back(day.empty() ? "~" : day, schema::public_id(doc.get_value(schema::slot::uid)));
    }
    std::sort(order.begin(), order.end());
    for (const auto& [day, id] : order) {
        if (db.get_termfreq(group_term(id)) == 0) return id;
    }
    // Every member's id is taken (groups that split): number the first.
    for (unsigned n = 2;; ++n) {
        std::string label = order.front().second + "-" + std::to_string(n);
        if (db.get_termfreq(group_term(label)) == 0) return label;
    }
}

// The members grouped by chains of same_piece; each part in docid order.
std::vector<std::vector<Xapian::docid>> parts_of(const std::vector<Member>& docs) {
    UnionFind uf;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        uf.find(docs[i].first);
        if (!docs[i].second) continue;
        const copies::Sketch& s = *docs[i].second;
        for (std::size_t band = 0; band < copies::k_bands; ++band) {
            std::uint64_t key = band;
            for (std::size_t row = 0; row < copies::k_rows; ++row) key = (key << 16) | s[band * copies::k_rows + row];
            buckets[key].push_back(i);
        }
    }
    for (const auto& [key, in_bucket] : buckets) {
        for (std::size_t i = 1; i < in_bucket.size(); ++i) {
            const Member& a = docs[in_bucket[i]];
            for (std::size_t j = 0; j < i; ++j) {
                const Member& b = docs[in_bucket[j]];
                if (uf.find(a.first) == uf.find(b.first)) break;
                if (copies::same_piece(*a.second, *b.second)) {
                    uf.unite(a.first, b.first);
                    break;
                }
            }
        }
    }
    return uf.sets();
}

} // namespace

std::optional<copies::Sketch> stored_sketch(const Xapian::Database& db, Xapian::docid docid) {
    std::vector<std::string> terms;
    auto it = db.termlist_begin(docid);
    it.skip_to(std::string(schema::prefix::copy_band));
    for (; it != db.termlist_end(docid); ++it) {
        std::string term = *it;
        if (!term.starts_with(schema::prefix::copy_band)) break;
        terms.push_back(std::move(term));
    }
    if (terms.empty()) return std::nullopt;
    return copies::sketch_from_terms(terms);
}

void CopyGroups::note_written(Xapian::docid docid, const std::optional<copies::Sketch>& sketch) {
    if (sketch) {
        m_written[docid] = *sketch;
    } else {
        m_written.erase(docid);
    }
}

void CopyGroups::note_leaving(const Xapian::Database& db, Xapian::docid docid) {
    m_written.erase(docid);
    try {
        std::string label = db.get_document(docid).get_value(schema::slot::copy_group);
        if (!label.empty()) m_shrunk.insert(std::move(label));
    } catch (const Xapian::DocNotFoundError&) {
    }
}

std::size_t CopyGroups::write(Xapian::WritableDatabase& db) {
    std::size_t changed = 0;
    // 1. Groups that lost a member, grouped again from what remains.
    std::vector<std::string> shrunk(m_shrunk.begin(), m_shrunk.end());
    std::sort(shrunk.begin(), shrunk.end());
    for (const std::string& label : shrunk) {
        std::vector<Member> docs;
        for (const Xapian::docid d : members(db, label)) docs.emplace_back(d, stored_sketch(db, d));
        auto parts = parts_of(docs);
        std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::string kept;
            if (parts[i].size() >= 2) kept = i == 0 ? label : fresh_label(db, parts[i]);
            for (const Xapian::docid d : parts[i]) changed += set_label(db, d, kept) ? 1 : 0;
        }
    }

    // 2. Each written document's confirmed neighbours, from its band terms.
    std::vector<Xapian::docid> written;
    for (const auto& [d, sketch] : m_written) written.push_back(d);
    std::sort(written.begin(), written.end());
    std::unordered_map<Xapian::docid, std::optional<copies::Sketch>> sketches;
    const auto sketch_of_doc = [&](Xapian::docid d) -> const std::optional<copies::Sketch>& {
        if (const auto known = sketches.find(d); known != sketches.end()) return known->second;
        if (const auto w = m_written.find(d); w != m_written.end()) return sketches[d] = w->second;
        return sketches[d] = stored_sketch(db, d);
    };
    UnionFind uf;
    for (const Xapian::docid d : written) {
        const copies::Sketch& mine = m_written.at(d);
        std::unordered_set<Xapian::docid> checked{d};
        for (const auto& term : copies::band_terms(mine)) {
            for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
                if (!checked.insert(*it).second) continue;
                const auto& theirs = sketch_of_doc(*it);
                if (theirs && copies::same_piece(mine, *theirs)) uf.unite(d, *it);
            }
        }
    }
    for (const auto& group : uf.sets()) {
        if (group.size() < 2) continue;
        // The labels the group's members already hold: the largest group
        // keeps its label, the others are merged into it.
        std::vector<std::pair<Xapian::doccount, std::string>> labels;
        for (const Xapian::docid d : group) {
            const std::string label = db.get_document(d).get_value(schema::slot::copy_group);
            if (label.empty()) continue;
            const auto size = db.get_termfreq(group_term(label));
            if (std::find(labels.begin(), labels.end(), std::make_pair(size, label)) == labels.end()) {
                labels.emplace_back(size, label);
            }
        }
        std::sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        const std::string label = labels.empty() ? fresh_label(db, group) : labels.front().second;
        for (std::size_t i = 1; i < labels.size(); ++i) {
            for (const Xapian::docid d : members(db, labels[i].second)) changed += set_label(db, d, label) ? 1 : 0;
        }
        for (const Xapian::docid d : group) changed += set_label(db, d, label) ? 1 : 0;
    }
    m_written.clear();
    m_shrunk.clear();
    return changed;
}

} // namespace oped::indexer
