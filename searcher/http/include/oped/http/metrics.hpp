#pragma once

// Request counts by route and status and a latency histogram, rendered in
// Prometheus' text format. Routes are the server's names for its routes,
// never raw paths, so the label set stays small.

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace oped::http {

class Metrics {
  public:
    // `ms` is empty when the request's time is unknown: it is counted, but
    // not observed in the latency histogram.
    void record(const std::string& route, int status, std::optional<double> ms);
    std::string render(std::uint64_t documents, const std::string& revision) const;

    // Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> k_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, std::array<std::uint64_t, k_buckets.size() + 1>> m_latency;
    std::map<std::string, double> m_latency_sum;
};

} // namespace oped::http
