#include <oped/indexer/site_key.hpp>

#include <oped/common/outlets.hpp>
#include <oped/common/text.hpp>

#include <libpsl.h>

#include <algorithm>

namespace oped::indexer {
namespace {

bool is_ipv4(std::string_view host) {
    int parts = 0;
    for (std::size_t at = 0; at <= host.size(); ++parts) {
        const auto dot = std::min(host.find('.', at), host.size());
        const auto part = host.substr(at, dot - at);
        if (part.empty() || part.size() > 3 || part.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        at = dot + 1;
    }
    return parts == 4;
}

} // namespace

struct SiteKeys::Psl {
    psl_ctx_t* loaded = nullptr; // psl_latest's, ours to free
    const psl_ctx_t* ctx = nullptr;
    Psl() : loaded(psl_latest(nullptr)), ctx(loaded ? loaded : psl_builtin()) {}
    ~Psl() { psl_free(loaded); }
    Psl(const Psl&) = delete;
    Psl& operator=(const Psl&) = delete;
};

std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    const std::string lowered_scheme = text::ascii_lower(url.substr(0, scheme));
    if (lowered_scheme != "http" && lowered_scheme != "https") return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
    if (rest.starts_with("[")) return text::ascii_lower(rest.substr(0, rest.find(']') + 1)); // IPv6
    rest = rest.substr(0, rest.find(':'));
    while (rest.ends_with(".")) rest.remove_suffix(1);
    return text::ascii_lower(rest);
}

SiteKeys::SiteKeys() : m_psl(std::make_unique<Psl>()) {}

SiteKeys::~SiteKeys() = default;

std::string SiteKeys::registered_domain(std::string_view host_view) const {
    std::string host(host_view);
    if (host.empty() || host.starts_with("[") || is_ipv4(host)) return host;
    const char* domain = m_psl->ctx ? psl_registrable_domain(m_psl->ctx, host.c_str()) : nullptr;
    return domain ? std::string(domain) : host; // a public suffix, or a single label
}

std::string SiteKeys::key_of(std::string_view url, std::string_view outlet) const {
    std::string key = registered_domain(url_host(url));
    if (key.empty() || key.size() > schema::k_max_site_key_bytes) key = schema::outlet_name_key(outlet);
    return key;
}

} // namespace oped::indexer
