// oped serve behind a reverse proxy, on a real server on an ephemeral
// loopback port: with --base-path /archive every page, link, form, script,
// style, redirect, feed and OpenSearch URL is under /archive/ and nothing is
// served outside it; X-Forwarded-Proto and X-Forwarded-Host count only with
// --trust-proxy; bad base paths stop `oped serve` with exit code 2.

#include "support/raw_http.hpp"
#include "support/search_fixture.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"
#include "support/web_fixture.hpp"

#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <deque>
#include <set>
#include <string>
#include <vector>

namespace oped::test {
namespace {

constexpr std::size_t k_max_pages_walked = 60;
constexpr const char* k_base = "/archive";

class ServeBasePath : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", web_articles());
        for (const char* file : {"app.js", "base.css", "search.css", "article.css", "print.css", "icon.svg"}) {
            write_file(*s_dir / "web" / file, std::string("/* ") + file + " */\n");
        }
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    static http::ServeOptions options(std::string base_path = k_base) {
        http::ServeOptions o;
        o.db_path = (*s_dir / "db").string();
        o.web_dir = (*s_dir / "web").string();
        o.threads = 4;
        o.base_path = std::move(base_path);
        return o;
    }

    static std::string id_of(const std::string& slug) {
        for (const auto& a : web_articles()) {
            if (a.path == "/web-fixture/" + slug + ".html") return public_id_of(a);
        }
        throw std::runtime_error("no fixture page " + slug);
    }

    static TempDir* s_dir;
};

TempDir* ServeBasePath::s_dir = nullptr;

// Every URL a page points to: href, src, action and formaction attributes.
std::vector<std::string> links_of(const std::string& html) {
    std::vector<std::string> out;
    auto doc = indexer::parse_html(html);
    if (doc == nullptr) return out;
    indexer::walk_elements(indexer::root_element(doc.get()), [&](xmlNode* node, int) {
        for (const char* name : {"href", "src", "action", "formaction"}) {
            if (indexer::has_attr(node, name)) out.push_back(indexer::attr(node, name));
        }
        return true;
    });
    return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The absolute URLs of a feed or an OpenSearch description: the values of
// href="..." and template="...", and the text of <id>, <uri> and <Image>.
std::vector<std::string> absolute_urls_of(const std::string& xml) {
    std::vector<std::string> out;
    const auto between = [&](const std::string& open, const std::string& close) {
        for (auto at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
            // "<Image " has attributes before its text; the others end where the value starts.
            const auto start = open.back() == ' ' ? xml.find('>', at) + 1 : at + open.size();
            out.push_back(xml.substr(start, xml.find(close, start) - start));
        }
    };
    between(" href=\"", "\"");
    between(" template=\"", "\"");
    between("<id>", "<");
    between("<uri>", "<");
    between("<Image ", "<");
    return out;
}

TEST_F(ServeBasePath, EveryLinkOfEveryPageIsUnderTheBasePathAndWorks) {
    ServerThread server(options());
    auto client = server.client();
    const std::string base = k_base;
    // The pages a visitor reaches, then every link they hold, breadth first.
    std::deque<std::string> queue = {
        base + "/",
        base + "/?q=faction",
        base + "/?q=faction&author=James%20Madison&sort=oldest",
        base + "/?q=factoin",
        base + "/?author_find=mad",
        base + "/author/James%20Madison",
        base + "/doc/" + id_of("federalist-10") + "?q=faction",
    };
    std::set<std::string> seen(queue.begin(), queue.end());
    std::size_t pages = 0;
    std::size_t links = 0;
    while (!queue.empty() && pages < k_max_pages_walked) {
        const std::string target = queue.front();
        queue.pop_front();
        const auto res = client.Get(target);
        ASSERT_TRUE(res) << target;
        EXPECT_EQ(res->status, 200) << target;
        if (res->get_header_value("Content-Type").rfind("text/html", 0) != 0) continue;
        ++pages;
        for (std::string link : links_of(res->body)) {
            ++links;
            if (starts_with(link, "#") || is_fixture_article_url(link)) continue;
            // The article page's canonical URL is absolute: this server's address, then the base path.
            if (starts_with(link, "http://127.0.0.1:")) link = link.substr(link.find('/', 7));
            EXPECT_TRUE(starts_with(link, base + "/")) << link << " on " << target;
            const std::string path = link.substr(0, link.find('#'));
            if (starts_with(path, base + "/") && seen.insert(path).second) queue.push_back(path);
        }
    }
    // Every kind of page was walked: results, an author, an article, the feed, the files.
    EXPECT_GE(pages, 20U);
    EXPECT_GT(links, 500U);
    for (const std::string& reached :
         {base + "/app.js", base + "/base.css", base + "/icon.svg", base + "/opensearch.xml", base + "/feed",
          base + "/author/Alexander%20Hamilton"}) {
        EXPECT_EQ(seen.count(reached), 1U) << reached << " was not linked";
    }
}

TEST_F(ServeBasePath, ErrorPagesLinkUnderTheBasePath) {
    ServerThread server(options());
    const std::string base = k_base;
    for (const std::string& target : {base + "/no/such/page", base + "/doc/0123456789abcdef", base + "/?sort=sideways",
                                      std::string("/outside/the/archive")}) {
        Socket socket(server.port());
        ASSERT_TRUE(socket.send(get_request(target, "Accept: text/html\r\n")));
        const std::string response = socket.read_all();
        EXPECT_GE(status_of(response), 400) << target;
        EXPECT_EQ(header_of(response, "Content-Type"), "text/html; charset=utf-8") << target;
        const auto links = links_of(body_of(response));
        EXPECT_FALSE(links.empty()) << target;
        for (const std::string& link : links) {
            if (!starts_with(link, "#")) {
                EXPECT_TRUE(starts_with(link, base + "/")) << link << " on " << target;
            }
        }
    }
}

TEST_F(ServeBasePath, OnlyPathsUnderTheBasePathAreServed) {
    ServerThread server(options());
    struct Case {
        const char* name;
        std::string target;
        int status;
        std::string location;
    };
    const std::string doc = "/doc/" + id_of("federalist-10");
    const Case cases[] = {
        {"the base path without its slash is redirected", "/archive", 301, "/archive/"},
        {"the redirect keeps the query", "/archive?q=faction&page=2", 301, "/archive/?q=faction&page=2"},
        {"the front page", "/archive/", 200, ""},
        {"a page", "/archive" + doc, 200, ""},
        {"the API", "/archive/api/search?q=faction", 200, ""},
        {"an article's JSON", "/archive/api" + doc, 200, ""},
        {"a web file", "/archive/app.js", 200, ""},
        {"the health check", "/archive/healthz", 200, ""},
        {"the feed", "/archive/feed", 200, ""},
        {"the root is outside", "/", 404, ""},
        {"a page outside", doc, 404, ""},
        {"the API outside", "/api/search?q=faction", 404, ""},
        {"a web file outside", "/app.js", 404, ""},
        {"a longer name is not the base path", "/archived/", 404, ""},
        {"nor a shorter one", "/archiv/", 404, ""},
        {"the base path is case-sensitive", "/Archive/", 404, ""},
        {"an unknown route under it", "/archive/no/such/route", 404, ""},
    };
    for (const auto& c : cases) {
        Socket socket(server.port());
        ASSERT_TRUE(socket.send(get_request(c.target))) << c.name;
        const std::string response = socket.read_all();
        EXPECT_EQ(status_of(response), c.status) << c.name << "\n" << response.substr(0, 300);
        EXPECT_EQ(header_of(response, "Location"), c.location) << c.name;
    }
}

TEST_F(ServeBasePath, AtTheRootNothingMoves) {
    ServerThread server(options(""));
    auto client = server.client();
    const auto front = client.Get("/");
    ASSERT_TRUE(front);
    EXPECT_EQ(front->status, 200);
    for (const std::string& link : links_of(front->body)) {
        EXPECT_FALSE(starts_with(link, k_base)) << link;
    }
    const auto archive = client.Get("/archive/");
    ASSERT_TRUE(archive);
    EXPECT_EQ(archive->status, 404);
}

// The base of the feed's and OpenSearch's absolute links on `server` when
// asked with `headers`: every such URL must start with `expected` + "/".
void expect_absolute_links(ServerThread& server, const std::string& headers, const std::string& expected,
                           const std::string& label) {
    for (const std::string& path : {std::string(k_base) + "/feed?q=faction", std::string(k_base) + "/opensearch.xml"}) {
        Socket socket(server.port());
        ASSERT_TRUE(
            socket.send("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n" + headers + "\r\n"));
        const std::string response = socket.read_all();
        ASSERT_EQ(status_of(response), 200) << label << " " << path;
        const std::string body = body_of(response);
        const auto urls = absolute_urls_of(body);
        EXPECT_GE(urls.size(), 5U) << label << " " << path;
        for (const std::string& url : urls) {
            if (is_fixture_article_url(url) || url == "https://xapian.org/") continue;
            EXPECT_TRUE(starts_with(url, expected + "/")) << label << ": " << url << " in " << path;
        }
        EXPECT_EQ(body.find("evil.example"), std::string::npos) << label << " " << path;
        EXPECT_EQ(body.find("<script"), std::string::npos) << label << " " << path;
    }
}

TEST_F(ServeBasePath, FeedAndOpenSearchLinksCarryTheBasePath) {
    ServerThread server(options());
    expect_absolute_links(server, "", "http://127.0.0.1:" + std::to_string(server.port()) + k_base, "no proxy");
}

TEST_F(ServeBasePath, ForwardedHeadersCountOnlyWithTrustProxy) {
    struct Case {
        const char* name;
        bool trust;
        std::string headers;
        std::string expected; // "" : the address reached
    };
    const Case cases[] = {
        {"not trusted: ignored", false, "X-Forwarded-Proto: https\r\nX-Forwarded-Host: opeds.example\r\n", ""},
        {"trusted: used", true, "X-Forwarded-Proto: https\r\nX-Forwarded-Host: opeds.example\r\n",
         "https://opeds.example"},
        {"trusted, with a port", true, "X-Forwarded-Proto: https\r\nX-Forwarded-Host: opeds.example:8443\r\n",
         "https://opeds.example:8443"},
        {"trusted, lists: the nearest proxy's values", true,
         "X-Forwarded-Proto: http, https\r\nX-Forwarded-Host: evil.example, opeds.example\r\n",
         "https://opeds.example"},
        {"trusted, the host alone", true, "X-Forwarded-Host: opeds.example\r\n", "http://opeds.example"},
        {"trusted, junk is ignored", true,
         "X-Forwarded-Proto: javascript\r\nX-Forwarded-Host: evil.example/\"><script>x</script>\r\n", ""},
        {"trusted, no headers", true, "", ""},
    };
    for (const auto& c : cases) {
        http::ServeOptions o = options();
        o.trust_proxy = c.trust;
        ServerThread server(o);
        const std::string reached = "http://127.0.0.1:" + std::to_string(server.port());
        expect_absolute_links(server, c.headers, (c.expected.empty() ? reached : c.expected) + k_base, c.name);
    }
}

TEST_F(ServeBasePath, APublicUrlWinsOverForwardedHeaders) {
    for (const std::string& public_url :
         {std::string("https://pub.example"), std::string("https://pub.example/archive")}) {
        http::ServeOptions o = options();
        o.trust_proxy = true;
        o.public_url = public_url;
        ServerThread server(o);
        expect_absolute_links(server, "X-Forwarded-Proto: http\r\nX-Forwarded-Host: opeds.example\r\n",
                              "https://pub.example/archive", public_url);
    }
}

TEST_F(ServeBasePath, BadBasePathsStopServeWithAUsageError) {
    const std::string db = (*s_dir / "db").string();
    for (const std::string& value :
         {std::string("archive"), std::string("/a/../b"), std::string("/a?x=1"), std::string("/a#top"),
          std::string("/a b"), std::string("/a//b"), std::string("/%2e%2e"), "/" + std::string(300, 'a')}) {
        const RunResult run = run_oped({"serve", "--db", db, "--listen", "127.0.0.1:0", "--base-path", value});
        EXPECT_EQ(run.exit_code, 2) << value;
        EXPECT_NE(run.err.find("--base-path"), std::string::npos) << value << ": " << run.err;
        EXPECT_EQ(run.out.find("serving"), std::string::npos) << value;
    }
    const RunResult clash = run_oped({"serve", "--db", db, "--listen", "127.0.0.1:0", "--base-path", "/archive",
                                      "--public-url", "https://pub.example/elsewhere"});
    EXPECT_EQ(clash.exit_code, 2);
    EXPECT_NE(clash.err.find("not the base path"), std::string::npos) << clash.err;
}

} // namespace
} // namespace oped::test
