#pragma once

// Terms that set a set of articles apart from the rest of the archive, and
// articles like a given one. Both come from Xapian's expand set
// (Enquire::get_eset over an RSet of the articles in question).

#include <oped/common/errors.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace oped::searcher {

// At most this many articles make up an RSet.
inline constexpr Xapian::doccount k_max_rset_docs = 1000;
// More-like-this queries are built from this many of the article's terms.
inline constexpr Xapian::termcount k_similar_terms = 24;

// Plain words only: no prefixed, stemmed or numeric terms, no stopwords,
// nothing shorter than `min_bytes`, none of `exclude`.
class WordDecider : public Xapian::ExpandDecider {
  public:
    explicit WordDecider(std::size_t min_bytes, std::vector<std::string> exclude = {});
    bool operator()(const std::string& term) const override;

  private:
    std::size_t m_min_bytes;
    std::vector<std::string> m_exclude;
};

// The `count` words that most set apart the articles matching `selection`
// (the first k_max_rset_docs of them) from the whole index, best first.
// Words in `exclude` (an author's own name, say) are left out.
std::vector<std::string> distinctive_terms(const Xapian::Database& db, const Xapian::Query& selection,
                                           std::size_t count, const std::vector<std::string>& exclude = {});

// Up to `count` articles sharing the most distinctive words of article `id`,
// best first, the article itself left out. Bodies are left empty; the
// snippet is the lead of each. not_found when there is no article `id`.
Result<std::vector<Hit>> more_like_this(const Xapian::Database& db, std::uint32_t id, std::size_t count);

} // namespace oped::searcher
