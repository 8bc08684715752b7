#include <oped/searcher/related.hpp>

#include <oped/common/docdata.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/public_id.hpp>
#include <oped/searcher/searcher.hpp>
#include <oped/searcher/snippet.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace oped::searcher {
namespace {

constexpr std::size_t k_similar_snippet_bytes = 160;

// Common words an expand set may still rank high in a small set of articles.
constexpr std::array<std::string_view, 70> k_common = {
    "about", "after", "again", "all",   "also", "and",   "any",   "are",   "been", "before", "being", "but",
    "can",   "could", "did",   "does",  "each", "even",  "every", "for",   "from", "had",    "has",   "have",
    "her",   "him",   "his",   "how",   "into", "its",   "may",   "more",  "most", "much",   "must",  "not",
    "now",   "one",   "only",  "other", "our",  "own",   "same",  "shall", "she",  "should", "some",  "such",
    "than",  "that",  "the",   "their", "them", "then",  "there", "these", "they", "this",   "those", "upon",
    "very",  "was",   "were",  "what",  "when", "which", "who",   "will",  "with", "would"};

} // namespace

WordDecider::WordDecider(std::size_t min_bytes, std::vector<std::string> exclude)
    : m_min_bytes(min_bytes), m_exclude(std::move(exclude)) {}

bool WordDecider::operator()(const std::string& term) const {
    if (term.size() < m_min_bytes) return false;
    // Prefixed and stemmed terms start with a capital.
    const auto first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z') return false;
    for (char c : term) {
        if (c >= '0' && c <= '9') return false;
    }
    if (std::find(k_common.begin(), k_common.end(), term) != k_common.end()) return false;
    return std::find(m_exclude.begin(), m_exclude.end(), term) == m_exclude.end();
}

std::vector<std::string> distinctive_terms(const Xapian::Database& db, const Xapian::Query& selection,
                                           std::size_t count, const std::vector<std::string>& exclude) {
    Xapian::Enquire enquire(db);
    enquire.set_query(selection);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet mset = enquire.get_mset(0, k_max_rset_docs);
    Xapian::RSet rset;
    for (auto it = mset.begin(); it != mset.end(); ++it) rset.add_document(*it);
    std::vector<std::string> out;
    if (rset.empty()) return out;
    const WordDecider decider(3, exclude);
    const Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(count), rset, &decider);
    for (auto it = eset.begin(); it != eset.end(); ++it) out.push_back(*it);
    return out;
}

Result<std::vector<Hit>> more_like_this(const Xapian::Database& db, std::uint32_t id, std::size_t count) {
    if (id == 0 || id > db.get_lastdocid())
        return Error{ErrorCode::not_found, "no document " + std::to_string(id), "id"};
    std::string piece; // its copy group: its copies are the same piece, not more like it
    try {
        piece = db.get_document(id).get_value(schema::slot::copy_group);
    } catch (const Xapian::DocNotFoundError&) {
        return Error{ErrorCode::not_found, "no document " + std::to_string(id), "id"};
    }
    Xapian::Enquire enquire(db);
    Xapian::RSet rset;
    rset.add_document(id);
    const WordDecider decider(3);
    const Xapian::ESet eset = enquire.get_eset(k_similar_terms, rset, &decider);
    std::vector<Hit> out;
    if (eset.empty()) return out;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_ELITE_SET, eset.begin(), eset.end(), k_similar_terms));
    enquire.set_collapse_key(schema::slot::copy_group); // one entry per piece, its own at most once
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count + 1));
    const schema::OutletTable outlets = schema::read_outlet_table(db);
    for (auto it = mset.begin(); it != mset.end() && out.size() < count; ++it) {
        if (*it == id) continue;
        const Xapian::Document doc = it.get_document();
        if (!piece.empty() && doc.get_value(schema::slot::copy_group) == piece) continue;
        auto article = decode_docdata(doc.get_data());
        if (!article) continue;
        Hit hit;
        hit.id = public_id_of(doc);
        hit.docid = *it;
        hit.article = std::move(article).value();
        hit.article.site = schema::shown_outlet(outlets, doc, hit.article.site);
        hit.snippet = lead_snippet(hit.article.body, k_similar_snippet_bytes);
        hit.article.body.clear();
        hit.score = it.get_percent();
        out.push_back(std::move(hit));
    }
    return out;
}

} // namespace oped::searcher
