#pragma once

// The site a page belongs to, for one outlet per site (common/outlets.hpp):
// the registered domain of its URL ("www.spectator.co.uk" ->
// "spectator.co.uk", by the Public Suffix List through libpsl, its private
// suffixes included: "someone.blogspot.com" is a site of its own); an IP
// address, or a host that is itself a public suffix, is its own key. A page
// that states no http(s) URL falls back to its folded outlet name; neither
// gives an empty key.

#include <memory>
#include <string>
#include <string_view>

namespace oped::indexer {

// The host of an http(s) URL: lower case, without user, port or a final
// dot, brackets kept around an IPv6 address; empty for any other URL.
std::string url_host(std::string_view url);

class SiteKeys {
  public:
    // Loads the Public Suffix List: the system's when newer, else the one
    // built into libpsl.
    SiteKeys();
    ~SiteKeys();
    SiteKeys(const SiteKeys&) = delete;
    SiteKeys& operator=(const SiteKeys&) = delete;

    std::string registered_domain(std::string_view host) const;
    std::string key_of(std::string_view url, std::string_view outlet) const;

  private:
    struct Psl;
    std::unique_ptr<Psl> m_psl;
};

} // namespace oped::indexer
