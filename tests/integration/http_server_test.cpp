#include "support/raw_http.hpp"
#include "support/search_fixture.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <future>
#include <optional>

extern char** environ;

namespace oped::test {
namespace {

using nlohmann::json;

std::string first_id() { return public_id_of(search_fixture_articles().front()); }

// Bounds on waiting for a process or a server: generous, because the
// machine may be busy; reaching one means "hung", never "slow".
constexpr auto k_patience = std::chrono::seconds(60);

class HttpServerTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", search_fixture_articles());
        write_file(*s_dir / "web" / "index.html", "<!doctype html><title>oped</title><p>The web page.</p>");
        write_file(*s_dir / "web" / "app.js", "console.log('oped');\n");
        write_file(*s_dir / "secret.txt", "TOP SECRET: outside the static root\n");
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    static http::ServeOptions options() {
        http::ServeOptions o;
        o.db_path = (*s_dir / "db").string();
        o.web_dir = (*s_dir / "web").string();
        o.threads = 4;
        return o;
    }

    static TempDir* s_dir;
};

TempDir* HttpServerTest::s_dir = nullptr;

// One request written by hand on a fresh connection, so nothing between the
// test and the server rewrites the path; returns the whole response, read
// until the server closes (send "Connection: close"), which it does only
// after its access log and metrics have recorded the request.
std::string raw_request(int port, const std::string& request) {
    Socket socket(port);
    socket.send(request); // the server may answer and close before reading everything
    return socket.read_all();
}

void expect_security_headers(const httplib::Result& res, const std::string& context) {
    ASSERT_TRUE(res) << context;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << context << ": " << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << context << ": " << csp;
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << context << ": " << csp;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << context;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << context;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << context;
}

TEST_F(HttpServerTest, EveryRouteAnswersWithItsStatusAndSecurityHeaders) {
    ServerThread server(options());
    auto client = server.client();
    struct Row {
        const char* path;
        int status;
        const char* content_type;
    };
    const Row rows[] = {
        {"/api/search?q=faction", 200, "application/json"},
        {"/api/search?per_page=0", 400, "application/json"},
        {"/api/search?year=87", 400, "application/json"},
        {"/api/doc/{first}", 200, "application/json"},
        {"/api/doc/1", 404, "application/json"},
        {"/api/doc/999999", 404, "application/json"},
        {"/api/doc/abc", 404, "application/json"},
        {"/api/stats", 200, "application/json"},
        {"/healthz", 200, "application/json"},
        {"/metrics", 200, "text/plain; version=0.0.4"},
        {"/", 200, "text/html"},
        {"/index.html", 200, "text/html"},
        {"/app.js", 200, "text/javascript"},
        {"/no-such-page", 404, "application/json"},
        {"/api/no-such-route", 404, "application/json"},
    };
    for (const auto& row : rows) {
        std::string path = row.path;
        if (path.ends_with("{first}")) path.replace(path.size() - 7, 7, first_id());
        const auto res = client.Get(path);
        ASSERT_TRUE(res) << row.path << ": " << httplib::to_string(res.error());
        EXPECT_EQ(res->status, row.status) << row.path << ": " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), row.content_type) << row.path;
        expect_security_headers(res, row.path);
    }
}

TEST_F(HttpServerTest, ApiAnswersAreNotCached) {
    ServerThread server(options());
    auto client = server.client();
    for (const std::string& path :
         {std::string("/api/search?q=wit"), "/api/doc/" + first_id(), std::string("/healthz")}) {
        const auto res = client.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store") << path;
    }
}

TEST_F(HttpServerTest, AnUnknownDocumentIsA404NamingTheId) {
    // Regression (fixed in 9054174): the error handler replaced every 404
    // body with "no such route".
    ServerThread server(options());
    const auto res = server.client().Get("/api/doc/999999");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    const json body = json::parse(res->body);
    EXPECT_EQ(body["error"]["code"], "not_found");
    EXPECT_EQ(body["error"]["param"], "id") << res->body;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("999999"), std::string::npos) << res->body;
}

TEST_F(HttpServerTest, AnUnknownRouteIsA404InJson) {
    ServerThread server(options());
    const auto res = server.client().Get("/api/nothing/here");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    const json body = json::parse(res->body);
    EXPECT_EQ(body["error"]["code"], "not_found");
    EXPECT_EQ(body["error"]["param"], "path");
}

TEST_F(HttpServerTest, ABadParameterIsA400InJson) {
    ServerThread server(options());
    const auto res = server.client().Get("/api/search?sort=popular");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    const json body = json::parse(res->body);
    EXPECT_EQ(body["error"]["code"], "invalid_param");
    EXPECT_EQ(body["error"]["param"], "sort");
}

// Scores and timings vary between runs and machines; the rest must not.
json redacted(json body) {
    body["took_ms"] = "<redacted>";
    for (auto& hit : body["results"]) hit["score"] = "<redacted>";
    return body;
}

TEST_F(HttpServerTest, TheSearchAnswerHasTheGoldenShape) {
    ServerThread server(options());
    const auto res = server.client().Get("/api/search?q=wit&site=The%20Spectator&sort=oldest&per_page=2&page=1");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json golden = json::parse(R"json(
{
  "corrected": null,
  "facets": {
    "author": [
      {"count": 2, "value": "Joseph Addison"},
      {"count": 1, "value": "Richard Steele"}
    ],
    "genre": [],
    "site": [{"count": 3, "value": "The Spectator"}],
    "tag": [
      {"count": 2, "value": "Wit"},
      {"count": 1, "value": "Morality"}
    ],
    "year": [{"count": 2, "value": "1711"}]
  },
  "facets_exact": true,
  "notice": null,
  "page": 1,
  "per_page": 2,
  "query": "wit",
  "results": [
    {
      "author_bio": null,
      "copies": [],
      "corrections": [],
      "genre": null,
      "authors": ["Joseph Addison", "Richard Steele"],
      "id": "281e886bbdacccff",
      "published": "1711-03-12",
      "score": "<redacted>",
      "section": "Opinion",
      "site": "The Spectator",
      "snippet": "It was said of Socrates, that he brought philosophy down from heaven, to inhabit among men.\n\nI shall endeavour to enliven morality with <mark>wit</mark>, and to temper <mark>wit</mark> with morality.",
      "title": "The Spectator No. 10: The Design of the Paper",
      "type": "article",
      "updated": null,
      "url": "https://the-spectator.example/spectator-10"
    },
    {
      "author_bio": null,
      "copies": [],
      "corrections": [],
      "genre": null,
      "authors": ["Joseph Addison"],
      "id": "2807006bbd990706",
      "published": "1711-05-11",
      "score": "<redacted>",
      "section": "Opinion",
      "site": "The Spectator",
      "snippet": "Mr. Locke has an admirable reflection upon the difference of <mark>wit</mark> and judgment.\n\nTrue <mark>wit</mark> consists in the resemblance of ideas, and false <mark>wit</mark> in the resemblance of single letters.",
      "title": "The Spectator No. 62: True and False Wit",
      "type": "article",
      "updated": null,
      "url": "https://the-spectator.example/spectator-62"
    }
  ],
  "showing_corrected": false,
  "time_words": null,
  "timeline": {
    "bins": [
      {"count": 1, "period": "1711-03"},
      {"count": 0, "period": "1711-04"},
      {"count": 1, "period": "1711-05"}
    ],
    "unit": "month"
  },
  "took_ms": "<redacted>",
  "total": 3,
  "total_is_exact": true
}
)json");
    EXPECT_EQ(redacted(json::parse(res->body)).dump(2), golden.dump(2));
}

TEST_F(HttpServerTest, HostileTextComesBackAsJsonDataAndEscapedSnippets) {
    ServerThread server(options());
    const auto res = server.client().Get("/api/search?q=%3Cscript%3Emarkup");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    const json body = json::parse(res->body);
    EXPECT_EQ(body["query"], "<script>markup");
    ASSERT_EQ(body["results"].size(), 1u);
    const std::string snippet = body["results"][0]["snippet"];
    EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
    EXPECT_NE(snippet.find("&lt;<mark>script</mark>&gt;"), std::string::npos) << snippet;
}

TEST_F(HttpServerTest, NothingOutsideTheStaticRootIsServed) {
    ServerThread server(options());
    for (const char* path :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
          "/./../secret.txt", "/app.js/../../secret.txt", "/..\\secret.txt", "//..//secret.txt", "/.%2e/secret.txt"}) {
        const std::string response = raw_request(server.port(), get_request(path));
        EXPECT_EQ(response.find("TOP SECRET"), std::string::npos) << path;
        const int status = status_of(response);
        EXPECT_TRUE(status == 400 || status == 404) << path << ": " << status;
    }
}

TEST_F(HttpServerTest, AStaticFileIsServedAsItIs) {
    ServerThread server(options());
    const auto res = server.client().Get("/app.js");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->body, "console.log('oped');\n");
}

// Static files: a strong ETag from their bytes, revalidated every time
// (Cache-Control: no-cache), a 304 without the body while they are unchanged.
TEST_F(HttpServerTest, AStaticFileCarriesAStrongETagAndAnswersIfNoneMatchWith304) {
    write_file(*s_dir / "web" / "changing.css", "body { color: black; }\n");
    ServerThread server(options());
    auto client = server.client();
    const auto first = client.Get("/changing.css");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
    const std::string tag = first->get_header_value("ETag");
    ASSERT_GE(tag.size(), 3U);
    EXPECT_EQ(tag.front(), '"') << tag;
    EXPECT_EQ(tag.back(), '"') << tag;

    const struct {
        const char* name;
        std::string if_none_match;
        int status;
    } rows[] = {
        {"its own tag", tag, 304},
        {"its tag in a list", "\"elsewhere\", " + tag, 304},
        {"its tag marked weak", "W/" + tag, 304},
        {"any tag", "*", 304},
        {"another tag", "\"elsewhere\"", 200},
    };
    for (const auto& row : rows) {
        const auto res = client.Get("/changing.css", {{"If-None-Match", row.if_none_match}});
        ASSERT_TRUE(res) << row.name;
        EXPECT_EQ(res->status, row.status) << row.name;
        EXPECT_EQ(res->body.empty(), row.status == 304) << row.name;
        EXPECT_EQ(res->get_header_value("ETag"), tag) << row.name;
        EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache") << row.name;
    }

    // Changed on disk: the old tag no longer matches, and the new bytes come.
    write_file(*s_dir / "web" / "changing.css", "body { color: navy; }\n");
    const auto changed = client.Get("/changing.css", {{"If-None-Match", tag}});
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->status, 200);
    EXPECT_EQ(changed->body, "body { color: navy; }\n");
    EXPECT_NE(changed->get_header_value("ETag"), tag);
}

TEST_F(HttpServerTest, PagesAreNotCachedAndCarryNoETag) {
    ServerThread server(options());
    // (This fixture's web folder has an index.html, which "/" serves.)
    const auto res = server.client().Get("/doc/" + first_id(), {{"If-None-Match", "*"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
    EXPECT_FALSE(res->has_header("ETag"));
}

TEST_F(HttpServerTest, AnOverlongRequestLineIsRefused) {
    ServerThread server(options());
    const std::string response = raw_request(server.port(), get_request("/api/search?q=" + std::string(10000, 'a')));
    // cpp-httplib 0.11.4 answers 400 where later versions answer 414.
    const int status = status_of(response);
    EXPECT_TRUE(status == 400 || status == 414) << response.substr(0, 200);
    EXPECT_EQ(response.find("\"results\""), std::string::npos);
}

TEST_F(HttpServerTest, AnOverlongBodyIsRefused) {
    ServerThread server(options());
    const std::string body(128 * 1024, 'x');
    const std::string request =
        "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "Content-Type: text/plain\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    const std::string response = raw_request(server.port(), request);
    EXPECT_EQ(status_of(response), 413) << response.substr(0, 300);
}

TEST_F(HttpServerTest, ATooLongQueryIsA400) {
    ServerThread server(options());
    const auto res = server.client().Get("/api/search?q=" + std::string(2000, 'a'));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(json::parse(res->body)["error"]["param"], "q");
}

TEST_F(HttpServerTest, MetricsCountRequestsByRouteAndStatus) {
    ServerThread server(options());
    for (const char* path : {"/api/search?q=wit", "/api/search?q=wit", "/api/search?per_page=0", "/nowhere"}) {
        ASSERT_NE(status_of(raw_request(server.port(), get_request(path))), -1) << path;
    }
    const auto res = server.client().Get("/metrics");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4");
    const std::string& text = res->body;
    EXPECT_NE(text.find("# TYPE oped_http_requests_total counter"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_requests_total{route=\"search\",status=\"200\"} 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_requests_total{route=\"search\",status=\"400\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_requests_total{route=\"static\",status=\"404\"} 1\n"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_request_duration_seconds_count{route=\"search\"} 3\n"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 3\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("oped_index_documents " + std::to_string(search_fixture_articles().size()) + "\n"),
              std::string::npos)
        << text;
    // Raw paths never become labels.
    EXPECT_EQ(text.find("nowhere"), std::string::npos) << text;
}

TEST_F(HttpServerTest, ARequestRefusedBeforeRoutingIsCountedButNotTimed) {
    // Regression: its latency was read from a clock it never started: the
    // time since the worker's previous request, or since boot.
    ServerThread server(options());
    ASSERT_EQ(status_of(raw_request(server.port(), get_request("/healthz"))), 200);
    const int status = status_of(raw_request(server.port(), get_request("/?q=" + std::string(10000, 'a'))));
    ASSERT_TRUE(status == 400 || status == 414) << status;
    const auto res = server.client().Get("/metrics");
    ASSERT_TRUE(res);
    const std::string& text = res->body;
    EXPECT_NE(text.find("oped_http_requests_total{route=\"static\",status=\"" + std::to_string(status) + "\"} 1\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("oped_http_request_duration_seconds_count{route=\"static\"}"), std::string::npos) << text;
    EXPECT_NE(text.find("oped_http_request_duration_seconds_count{route=\"healthz\"} 1\n"), std::string::npos) << text;
}

TEST_F(HttpServerTest, HealthzCountsTheDocuments) {
    ServerThread server(options());
    const auto res = server.client().Get("/healthz");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(json::parse(res->body), (json{{"status", "ok"}, {"documents", search_fixture_articles().size()}}));
}

// A connected socket to the server.
int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        throw std::runtime_error("connect");
    }
    return fd;
}

// Send a keep-alive GET and read exactly one response (headers and
// Content-Length bytes of body), leaving the connection open.
int keep_alive_get(int fd, const std::string& path) {
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return -1;
    std::string data;
    char c = 0;
    while (data.find("\r\n\r\n") == std::string::npos && ::recv(fd, &c, 1, 0) == 1) data.push_back(c);
    const auto at = data.find("Content-Length: ");
    if (at == std::string::npos) return -1;
    std::size_t left = std::stoul(data.substr(at + 16));
    char buf[4096];
    while (left > 0) {
        const ssize_t n = ::recv(fd, buf, std::min(left, sizeof buf), 0);
        if (n <= 0) return -1;
        left -= static_cast<std::size_t>(n);
    }
    return status_of(data);
}

// Whether the server has closed its end (recv would return 0), without waiting.
bool closed_by_server(int fd) {
    char c = 0;
    return ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

TEST_F(HttpServerTest, IdleKeepAliveConnectionsDoNotStarveOtherClients) {
    // Regression: httplib gives each open connection a worker thread, and
    // the default was 2 per core: a few idle browser connections made every
    // other client wait until the server closed one of them. The ordering
    // shows it, without timing: with a keep-alive timeout longer than any
    // test, a starved request is answered only after an idle connection
    // has been closed.
    http::ServeOptions o = options();
    o.threads = 0; // the default
    o.keep_alive_seconds = 60;
    ServerThread server(o);
    struct Held { // closed before the server stops, which waits for them
        std::vector<int> fds;
        ~Held() {
            for (int fd : fds) ::close(fd);
        }
    } held;
    // More connections than the old default had threads, fewer than the new.
    const unsigned idle = std::max(5u, 2 * std::max(1u, std::thread::hardware_concurrency()) + 1);
    for (unsigned i = 0; i < idle; ++i) {
        held.fds.push_back(connect_to(server.port()));
        ASSERT_EQ(keep_alive_get(held.fds.back(), "/healthz"), 200) << i;
    }
    EXPECT_EQ(status_of(raw_request(server.port(), get_request("/api/search?q=wit"))), 200);
    for (std::size_t i = 0; i < held.fds.size(); ++i) {
        EXPECT_FALSE(closed_by_server(held.fds[i])) << "idle connection " << i << " was closed to serve another";
    }
}

// The server's end of a connection whose client end is `client_fd`: the
// server runs in this process, so its accepted socket is one of our fds.
int server_end_of(int client_fd) {
    sockaddr_in client{};
    socklen_t len = sizeof client;
    if (::getsockname(client_fd, reinterpret_cast<sockaddr*>(&client), &len) != 0) return -1;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const int fd = std::stoi(name);
        sockaddr_in peer{};
        socklen_t peer_len = sizeof peer;
        if (fd == client_fd || ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
        if (peer.sin_family == AF_INET && peer.sin_port == client.sin_port) return fd;
    }
    return -1;
}

TEST_F(HttpServerTest, RepliesAreNotHeldBackForTheClientsAck) {
    // Regression: httplib writes a reply's headers and body separately, and
    // without TCP_NODELAY the body waited for the client's delayed ACK of the
    // headers: 40 ms on every keep-alive answer (p50 48 ms in
    // scripts/bench-search, 2.8 ms without). Checked on the socket itself,
    // not by timing.
    ServerThread server(options());
    const int client = connect_to(server.port());
    ASSERT_EQ(keep_alive_get(client, "/healthz"), 200);
    const int accepted = server_end_of(client);
    ASSERT_GE(accepted, 0) << "the server's end of the connection was not found";
    int nodelay = 0;
    socklen_t len = sizeof nodelay;
    ASSERT_EQ(::getsockopt(accepted, IPPROTO_TCP, TCP_NODELAY, &nodelay, &len), 0);
    EXPECT_NE(nodelay, 0);
    ::close(client);
}

TEST_F(HttpServerTest, ManyClientsAtOnceAllGetAnswers) {
    ServerThread server(options());
    std::vector<std::future<int>> clients;
    for (int c = 0; c < 8; ++c) {
        clients.push_back(std::async(std::launch::async, [&server, c] {
            auto client = server.client();
            int ok = 0;
            for (int i = 0; i < 10; ++i) {
                const auto res =
                    client.Get(c % 2 == 0 ? "/api/search?q=government" : "/api/search?author=Joseph%20Addison");
                if (res && res->status == 200 && !json::parse(res->body)["results"].empty()) ++ok;
            }
            return ok;
        }));
    }
    for (auto& f : clients) EXPECT_EQ(f.get(), 10);
}

TEST_F(HttpServerTest, BindRefusesAMissingIndex) {
    http::ServeOptions o = options();
    o.db_path = (s_dir->path() / "missing").string();
    o.port = 0;
    http::Server server(o);
    const auto port = server.bind();
    ASSERT_FALSE(port);
    EXPECT_EQ(port.error().code, ErrorCode::not_found);
}

TEST_F(HttpServerTest, BindRefusesAPortAnotherServerHolds) {
    // Regression: cpp-httplib sets SO_REUSEPORT, so a second server on the
    // same port bound without complaint and the two shared its requests.
    ServerThread first(options());
    http::ServeOptions o = options();
    o.host = "127.0.0.1";
    o.port = first.port();
    http::Server second(o);
    const auto port = second.bind();
    EXPECT_FALSE(port) << "a second server bound port " << first.port();
    if (!port) {
        EXPECT_EQ(port.error().param, "listen");
    }
}

TEST_F(HttpServerTest, StopBeforeRunMakesRunReturn) {
    // Regression: a stop() that came before run() had started listening was
    // lost, and run() served forever (SIGTERM right after start-up hung).
    http::ServeOptions o = options();
    o.port = 0;
    o.host = "127.0.0.1";
    http::Server server(o);
    ASSERT_TRUE(server.bind());
    server.stop();
    auto done = std::async(std::launch::async, [&server] { server.run(); });
    const bool returned = done.wait_for(k_patience) == std::future_status::ready;
    if (!returned) {
        while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        server.stop();
    }
    done.wait();
    EXPECT_TRUE(returned);
}

// The port of "oped: serving DB on http://HOST:PORT/\n", once the line is whole.
std::optional<int> port_in(const std::string& out) {
    const auto end = out.find("/\n");
    if (end == std::string::npos) return std::nullopt;
    const auto colon = out.rfind(':', end);
    if (colon == std::string::npos) return std::nullopt;
    const std::string digits = out.substr(colon + 1, end - colon - 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(digits);
}

// `oped serve` as a process: started with stdout and stderr in files, killed
// (SIGKILL) and reaped by the guard if the test has not waited for it.
class ServeProcess {
  public:
    explicit ServeProcess(const std::vector<std::string>& args) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, err_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<std::string> storage{OPED_BINARY};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : storage) argv.push_back(a.data());
        argv.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, OPED_BINARY, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) throw std::runtime_error("cannot start " OPED_BINARY);
    }
    ~ServeProcess() {
        if (m_exit_code) return;
        ::kill(m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    // The port from the "serving ... on http://HOST:PORT/" line, or nullopt
    // when the process exits first.
    std::optional<int> wait_for_port() {
        const auto deadline = std::chrono::steady_clock::now() + k_patience;
        while (std::chrono::steady_clock::now() < deadline) {
            if (auto port = port_in(read_file(out_path()))) return port;
            if (exited()) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return std::nullopt;
    }

    void signal(int sig) const { ::kill(m_pid, sig); }

    // The exit code (128 + signal when killed), or nullopt if it is still
    // running at the deadline.
    std::optional<int> wait() {
        const auto deadline = std::chrono::steady_clock::now() + k_patience;
        while (!exited() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return m_exit_code;
    }

    std::string out() const { return read_file(out_path()); }
    std::string err() const { return read_file(err_path()); }

  private:
    bool exited() {
        if (m_exit_code) return true;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) != m_pid) return false;
        m_exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
    }
    std::filesystem::path out_path() const { return m_capture / "stdout"; }
    std::filesystem::path err_path() const { return m_capture / "stderr"; }

    TempDir m_capture;
    pid_t m_pid = -1;
    std::optional<int> m_exit_code;
};

TEST_F(HttpServerTest, ServeSaysSoAndFailsWhenTheIndexDoesNotExist) {
    const std::string missing = (s_dir->path() / "no-index-here").string();
    ServeProcess serve({"serve", "--db", missing, "--listen", "127.0.0.1:0"});
    const auto code = serve.wait();
    ASSERT_TRUE(code) << "oped serve kept running without an index";
    EXPECT_NE(*code, 0);
    EXPECT_NE(serve.err().find("no index at " + missing), std::string::npos) << serve.err();
    EXPECT_EQ(serve.out(), "");
}

TEST_F(HttpServerTest, ServeSaysSoAndFailsWhenThePortIsTaken) {
    ServerThread holder(options());
    ServeProcess serve(
        {"serve", "--db", (s_dir->path() / "db").string(), "--listen", "127.0.0.1:" + std::to_string(holder.port())});
    const auto code = serve.wait();
    ASSERT_TRUE(code) << "oped serve started on a port already served: " << serve.out();
    EXPECT_NE(*code, 0);
    EXPECT_NE(serve.err().find("cannot listen on 127.0.0.1:" + std::to_string(holder.port())), std::string::npos)
        << serve.err();
}

TEST_F(HttpServerTest, ServeRefusesAMalformedListenAddress) {
    for (const std::string listen : {"8080", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000"}) {
        ServeProcess serve({"serve", "--db", (s_dir->path() / "db").string(), "--listen", listen});
        const auto code = serve.wait();
        ASSERT_TRUE(code) << listen;
        EXPECT_EQ(*code, 2) << listen;
        EXPECT_NE(serve.err().find("--listen"), std::string::npos) << listen << ": " << serve.err();
    }
}

TEST_F(HttpServerTest, ServeAnswersAndStopsOnSigtermWithExitZero) {
    ServeProcess serve({"serve", "--db", (s_dir->path() / "db").string(), "--listen", "127.0.0.1:0", "--web",
                        (s_dir->path() / "web").string()});
    const auto port = serve.wait_for_port();
    ASSERT_TRUE(port) << serve.err();
    httplib::Client client("127.0.0.1", *port);
    client.set_read_timeout(60);
    const auto res = client.Get("/api/search?q=faction");
    ASSERT_TRUE(res) << serve.err();
    EXPECT_EQ(res->status, 200);
    expect_security_headers(res, "oped serve");
    serve.signal(SIGTERM);
    const auto code = serve.wait();
    ASSERT_TRUE(code) << "oped serve did not stop on SIGTERM";
    EXPECT_EQ(*code, 0) << serve.err();
    // The access log went to stderr, stdout only has the one line.
    EXPECT_NE(serve.err().find("GET /api/search?q=faction 200"), std::string::npos) << serve.err();
}

TEST_F(HttpServerTest, ServeStopsOnSigintAsSoonAsItHasStarted) {
    ServeProcess serve({"serve", "--db", (s_dir->path() / "db").string(), "--listen", "127.0.0.1:0"});
    ASSERT_TRUE(serve.wait_for_port()) << serve.err();
    serve.signal(SIGINT);
    const auto code = serve.wait();
    ASSERT_TRUE(code) << "oped serve did not stop on SIGINT";
    EXPECT_EQ(*code, 0) << serve.err();
}

} // namespace
} // namespace oped::test
