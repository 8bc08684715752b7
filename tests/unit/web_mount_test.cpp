// Serving behind a reverse proxy: the base path checked, a page's links
// mounted under it, and a proxy's forwarded scheme and host read or
// ignored. One row per case.

#include <oped/http/mount.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::http {
namespace {

struct Row {
    const char* name;
    std::string input;
    std::string expected; // for parse_base_path: "!" when refused
};

TEST(BasePath, KeepsAPlainPathAndRefusesAnythingElse) {
    const Row rows[] = {
        {"a plain path", "/archive", "/archive"},
        {"a trailing slash is dropped", "/archive/", "/archive"},
        {"several trailing slashes too", "/archive//", "/archive"},
        {"nested segments", "/opinion/archive-2", "/opinion/archive-2"},
        {"unreserved characters", "/a.b_c~d", "/a.b_c~d"},
        {"empty is the root", "", ""},
        {"a lone slash is the root", "/", ""},
        {"no leading slash", "archive", "!"},
        {"a parent segment", "/a/../b", "!"},
        {"a parent segment at the end", "/a/..", "!"},
        {"a dot segment", "/./a", "!"},
        {"an empty segment", "/a//b", "!"},
        {"only slashes", "//", "!"},
        {"a query", "/a?x=1", "!"},
        {"a fragment", "/a#top", "!"},
        {"a percent escape", "/%2e%2e", "!"},
        {"a space", "/a b", "!"},
        {"a quote", "/a\"b", "!"},
        {"a control character", "/a\nb", "!"},
        {"a backslash", "/a\\b", "!"},
        {"a scheme and host", "https://example.org/a", "!"},
        {"the longest allowed", "/" + std::string(k_max_base_path_bytes - 1, 'a'),
         "/" + std::string(k_max_base_path_bytes - 1, 'a')},
        {"one byte too long", "/" + std::string(k_max_base_path_bytes, 'a'), "!"},
    };
    for (const auto& row : rows) {
        const auto parsed = parse_base_path(row.input);
        if (row.expected == "!") {
            ASSERT_FALSE(parsed) << row.name;
            EXPECT_EQ(parsed.error().code, ErrorCode::usage) << row.name;
            EXPECT_NE(parsed.error().message.find("/archive"), std::string::npos) << row.name;
        } else {
            ASSERT_TRUE(parsed) << row.name << ": " << parsed.error().message;
            EXPECT_EQ(parsed.value(), row.expected) << row.name;
        }
    }
}

TEST(MountLinks, PutsTheBasePathBeforeEveryRootRelativeLink) {
    const Row rows[] = {
        {"a link", R"(<a href="/doc/1">x</a>)", R"(<a href="/archive/doc/1">x</a>)"},
        {"the front page", R"(<a class="brand" href="/">)", R"(<a class="brand" href="/archive/">)"},
        {"a query", R"(<a href="/?q=a&amp;b=c">)", R"(<a href="/archive/?q=a&amp;b=c">)"},
        {"a script and a style",
         R"(<script type="module" src="/app.js"></script><link rel="stylesheet" href="/b.css">)",
         R"(<script type="module" src="/archive/app.js"></script><link rel="stylesheet" href="/archive/b.css">)"},
        {"a form", R"(<form action="/" method="get">)", R"(<form action="/archive/" method="get">)"},
        {"a button's formaction", R"(<button formaction="/x">)", R"(<button formaction="/archive/x">)"},
        {"single quotes", R"(<a href='/x'>)", R"(<a href='/archive/x'>)"},
        {"an attribute on its own line", "<a\nhref=\"/x\">", "<a\nhref=\"/archive/x\">"},
        {"a link to another site stays", R"(<a href="https://example.org/x">)", R"(<a href="https://example.org/x">)"},
        {"a scheme-relative link stays", R"(<a href="//example.org/x">)", R"(<a href="//example.org/x">)"},
        {"a fragment stays", R"(<a href="#main">)", R"(<a href="#main">)"},
        {"a relative link stays", R"(<a href="doc/1">)", R"(<a href="doc/1">)"},
        {"another attribute stays", R"(<input value="/x" aria-label="/y" data-href="/z">)",
         R"(<input value="/x" aria-label="/y" data-href="/z">)"},
        {"escaped text stays", "<p>href=&quot;/x&quot;</p>", "<p>href=&quot;/x&quot;</p>"},
        {"text without an attribute stays", "<p>1 = 2/3</p>", "<p>1 = 2/3</p>"},
        {"an equals sign at the very end", "<p>a=", "<p>a="},
    };
    for (const auto& row : rows) EXPECT_EQ(mount_links(row.input, "/archive"), row.expected) << row.name;
    EXPECT_EQ(mount_links(R"(<a href="/x">)", ""), R"(<a href="/x">)") << "at the root nothing changes";
}

TEST(Forwarded, TakesAWellFormedSchemeAndHostAndIgnoresAnythingElse) {
    const Row schemes[] = {
        {"https", "https", "https"},
        {"http", "http", "http"},
        {"upper case", "HTTPS", "https"},
        {"a list: the nearest proxy's, last", "http, https", "https"},
        {"spaces around", "  https ", "https"},
        {"absent", "", ""},
        {"another scheme", "javascript", ""},
        {"a scheme with more", "https://evil.example", ""},
        {"too long", "https" + std::string(300, ' '), ""},
    };
    for (const auto& row : schemes) EXPECT_EQ(forwarded_scheme(row.input), row.expected) << row.name;
    const Row hosts[] = {
        {"a host", "opeds.example", "opeds.example"},
        {"with a port", "opeds.example:8443", "opeds.example:8443"},
        {"lower-cased", "Opeds.Example", "opeds.example"},
        {"IPv4", "192.0.2.1:80", "192.0.2.1:80"},
        {"IPv6", "[2001:db8::1]:8080", "[2001:db8::1]:8080"},
        {"a list: the last", "evil.example, opeds.example", "opeds.example"},
        {"absent", "", ""},
        {"a path", "opeds.example/x", ""},
        {"markup", "<script>alert(1)</script>", ""},
        {"a quote", "opeds.example\"", ""},
        {"user info", "user@opeds.example", ""},
        {"a port that is no number", "opeds.example:http", ""},
        {"a port too long", "opeds.example:123456", ""},
        {"empty brackets", "[]", ""},
        {"too long", std::string(256, 'a'), ""},
    };
    for (const auto& row : hosts) EXPECT_EQ(forwarded_host(row.input), row.expected) << row.name;
}

} // namespace
} // namespace oped::http
