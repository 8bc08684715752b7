#include <oped/searcher/local_shards.hpp>

#include <oped/searcher/remote_spies.hpp>

#include <cmath>

namespace oped::searcher {

bool FirstMatches::operator()(const Xapian::Document& /*doc*/) const {
    ++m_offered;
    if (m_accepted >= m_bound) return false;
    ++m_accepted;
    return true;
}

bool counts_need_first_matches(const Xapian::Database& db) { return db.size() > 1 && !spies_run_remotely(db); }

Xapian::doccount estimated_total(const Xapian::MSet& counted, const FirstMatches& first) {
    if (first.accepted() == 0) return first.offered();
    const double kept = static_cast<double>(counted.get_matches_lower_bound()) / first.accepted();
    return static_cast<Xapian::doccount>(std::lround(static_cast<double>(first.offered()) * kept));
}

} // namespace oped::searcher
