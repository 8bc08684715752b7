#include <oped/http/metrics.hpp>

#include <sstream>

namespace oped::http {

void Metrics::record(const std::string& route, int status, std::optional<double> ms) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    if (!ms) return;
    const double seconds = *ms / 1000.0;
    auto& buckets = m_latency[route];
    std::size_t i = 0;
    while (i < k_buckets.size() && seconds > k_buckets[i]) ++i;
    ++buckets[i];
    m_latency_sum[route] += seconds;
}

std::string Metrics::render(std::uint64_t documents, const std::string& revision) const {
    std::ostringstream out;
    std::lock_guard lock(m_mutex);
    out << "# HELP oped_http_requests_total HTTP requests by route and status.\n"
        << "# TYPE oped_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests) {
        out << "oped_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n << '\n';
    }
    out << "# HELP oped_http_request_duration_seconds Time to answer a request.\n"
        << "# TYPE oped_http_request_duration_seconds histogram\n";
    for (const auto& [route, buckets] : m_latency) {
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < k_buckets.size(); ++i) {
            cumulative += buckets[i];
            out << "oped_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << k_buckets[i] << "\"} "
                << cumulative << '\n';
        }
        cumulative += buckets[k_buckets.size()];
        out << "oped_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << cumulative
            << '\n';
        out << "oped_http_request_duration_seconds_sum{route=\"" << route << "\"} " << m_latency_sum.at(route) << '\n';
        out << "oped_http_request_duration_seconds_count{route=\"" << route << "\"} " << cumulative << '\n';
    }
    out << "# HELP oped_index_documents Documents in the index.\n# TYPE oped_index_documents gauge\n"
        << "oped_index_documents " << documents << '\n';
    out << "# HELP oped_index_revision The index revision being served.\n# TYPE oped_index_revision gauge\n"
        << "oped_index_revision " << revision << '\n';
    return out.str();
}

} // namespace oped::http
