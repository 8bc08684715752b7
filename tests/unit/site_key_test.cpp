#include <oped/indexer/site_key.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::indexer {
namespace {

TEST(SiteKey, IsTheRegisteredDomainElseTheFoldedOutlet) {
    struct Row {
        const char* name;
        std::string url;
        std::string outlet;
        std::string key;
    };
    const SiteKeys keys;
    const Row rows[] = {
        {"a host under a two-part public suffix", "https://www.spectator.co.uk/article/x", "The Spectator",
         "spectator.co.uk"},
        {"another host of the same site is the same site", "https://archive.spectator.co.uk/page/1",
         "The Spectator Archive", "spectator.co.uk"},
        {"an unlisted top-level domain keeps its last two labels", "https://www.spectator-archive.example/opinion/a",
         "The Spectator", "spectator-archive.example"},
        {"a private suffix's sites are sites of their own", "http://someone.blogspot.com/2020/01/a.html",
         "Someone's Blog", "someone.blogspot.com"},
        {"a second site under the same private suffix differs", "http://another.blogspot.com/", "Another",
         "another.blogspot.com"},
        {"case, port, user and a final dot go", "HTTPS://user:pw@News.Example.COM.:8443/a?b#c", "x", "example.com"},
        {"an IPv4 address is its own key", "http://192.0.2.7:8080/op-ed", "Local Paper", "192.0.2.7"},
        {"an IPv6 address is its own key", "http://[2001:db8::1]/op-ed", "Local Paper", "[2001:db8::1]"},
        {"a host that is a public suffix is its own key", "https://co.uk/x", "Odd", "co.uk"},
        {"a single-label host is its own key", "http://intranet/x", "Intranet", "intranet"},
        {"no URL: the folded outlet name", "", "  The  Rambler ", "the rambler"},
        {"a file URL is no site: the outlet name", "file:///archive/a.html", "The Rambler", "the rambler"},
        {"no URL and no outlet: no key", "", "", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(keys.key_of(row.url, row.outlet), row.key) << row.name;
}

TEST(SiteKey, UrlHostTakesOnlyHttp) {
    EXPECT_EQ(url_host("https://Example.org/a"), "example.org");
    EXPECT_EQ(url_host("ftp://example.org/a"), "");
    EXPECT_EQ(url_host("example.org/a"), "");
}

} // namespace
} // namespace oped::indexer
