// The server against clients that misbehave: amplifying Range headers,
// slow and idle connections, methods and paths it does not serve, a forged
// Host. Each on a real server on an ephemeral loopback port; slow and idle
// clients are a bounded number of sockets from other loopback addresses.

#include "support/raw_http.hpp"
#include "support/search_fixture.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

namespace oped::test {
namespace {

constexpr const char* k_app_js = "console.log('oped');\n"; // 21 bytes

class HttpAbuseTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", search_fixture_articles());
        write_file(*s_dir / "web" / "app.js", k_app_js);
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

TempDir* HttpAbuseTest::s_dir = nullptr;

std::string many_ranges(int parts) {
    std::string value = "Range: bytes=0-";
    for (int i = 1; i < parts; ++i) value += ",0-";
    return value + "\r\n";
}

TEST_F(HttpAbuseTest, DynamicRoutesIgnoreRange) {
    // Regression: httplib applied Range to every reply; 1,000 parts of
    // "0-" made /?q=... a 159 MB multipart/byteranges reply, answered 200.
    ServerThread server(options());
    for (const std::string& path :
         {std::string("/?q=wit&per_page=100"), std::string("/api/search?q=wit"),
          "/api/doc/" + public_id_of(search_fixture_articles().front()), std::string("/no-such-page")}) {
        Socket plain(server.port());
        ASSERT_TRUE(plain.send(get_request(path)));
        const std::string expected = plain.read_all();
        for (const std::string& range : {many_ranges(1000), std::string("Range: bytes=0-9\r\n")}) {
            Socket ranged(server.port());
            ASSERT_TRUE(ranged.send(get_request(path, range)));
            const std::string response = ranged.read_all();
            EXPECT_EQ(status_of(response), status_of(expected)) << path;
            EXPECT_EQ(header_of(response, "Content-Type"), header_of(expected, "Content-Type")) << path;
            EXPECT_EQ(header_of(response, "Content-Range"), "") << path;
            // The whole answer: ten bytes of it were "bytes=0-9" honoured.
            EXPECT_GT(body_of(response).size(), 10u) << path;
        }
    }
}

TEST_F(HttpAbuseTest, AStaticFileHonoursOneRangeAndRefusesOneItDoesNotHave) {
    ServerThread server(options());
    const struct {
        const char* range;
        int status;
        const char* content_range;
        const char* body;
    } rows[] = {
        {"bytes=0-6", 206, "bytes 0-6/21", "console"},
        {"bytes=12-", 206, "bytes 12-20/21", "'oped');\n"},
        {"bytes=-3", 206, "bytes 18-20/21", ");\n"},
        {"bytes=12-999", 206, "bytes 12-20/21", "'oped');\n"},
        {"bytes=21-", 416, "bytes */21", nullptr},
        {"bytes=1000-2000", 416, "bytes */21", nullptr},
        {"bytes=-0", 416, "bytes */21", nullptr},
        // Several ranges: the whole file, once.
        {"bytes=0-1,3-4", 200, "", k_app_js},
        {"bytes=0-,0-,0-,0-", 200, "", k_app_js},
    };
    for (const auto& row : rows) {
        Socket socket(server.port());
        ASSERT_TRUE(socket.send(get_request("/app.js", std::string("Range: ") + row.range + "\r\n")));
        const std::string response = socket.read_all();
        EXPECT_EQ(status_of(response), row.status) << row.range << "\n" << response;
        EXPECT_EQ(header_of(response, "Content-Range"), row.content_range) << row.range;
        if (row.body != nullptr) {
            EXPECT_EQ(body_of(response), row.body) << row.range;
        }
    }
}

// Sockets from another loopback address than the test's own requests, held
// open for as long as the guard lives.
struct Crowd {
    std::vector<std::unique_ptr<Socket>> sockets;
    Crowd(int port, int count, const std::string& send_first) {
        for (int i = 0; i < count; ++i) {
            sockets.push_back(std::make_unique<Socket>(port, "127.0.0.2"));
            if (!send_first.empty()) sockets.back()->send(send_first);
        }
    }
    int closed() const {
        int n = 0;
        for (const auto& s : sockets) n += s->closed_by_server() ? 1 : 0;
        return n;
    }
};

TEST_F(HttpAbuseTest, SlowAndIdleClientsDoNotStopTheOthers) {
    // Regression: each connection held a worker thread while its headers
    // trickled in (10 s per line) or while it sat idle: 33 slow clients
    // stopped every query. Without timing: with timeouts longer than any
    // test, the answers below can only come while the crowd is still held.
    http::ServeOptions o = options();
    o.keep_alive_seconds = 60;
    o.head_timeout_seconds = 60;
    o.max_connections_per_client = 1000;
    ServerThread server(o);
    Crowd slow(server.port(), 100, "GET /api/search?q=wit HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n");
    Crowd idle(server.port(), 100, "");
    for (int i = 0; i < 8; ++i) {
        Socket socket(server.port());
        ASSERT_TRUE(socket.send(get_request("/api/search?q=wit")));
        ASSERT_EQ(status_of(socket.read_all()), 200) << i;
    }
    EXPECT_EQ(slow.closed(), 0);
    EXPECT_EQ(idle.closed(), 0);
}

TEST_F(HttpAbuseTest, ARequestHeadMustArriveWithinTheHeadTimeout) {
    // Regression: the read timeout was per line, so a client sending a
    // byte now and then kept its connection (and a worker) for ever.
    http::ServeOptions o = options();
    o.head_timeout_seconds = 1;
    ServerThread server(o);
    Socket socket(server.port());
    ASSERT_TRUE(socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    // A byte every 100 ms, until the server answers; bounded at 30 s, far
    // past the 1 s allowed.
    bool answered = false;
    for (int i = 0; i < 300 && !answered; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        answered = socket.answered_or_closed() || !socket.send("X");
    }
    ASSERT_TRUE(answered) << "the server still waits for the head after 30 s";
    EXPECT_EQ(status_of(socket.read_all()), 408);
}

TEST_F(HttpAbuseTest, OneClientCannotOpenMoreThanItsShareOfConnections) {
    http::ServeOptions o = options();
    o.max_connections_per_client = 3;
    o.keep_alive_seconds = 60;
    ServerThread server(o);
    Crowd crowd(server.port(), 3, "");
    Socket extra(server.port(), "127.0.0.2");
    EXPECT_EQ(status_of(extra.read_all()), 503);
    Socket other(server.port());
    ASSERT_TRUE(other.send(get_request("/healthz")));
    EXPECT_EQ(status_of(other.read_all()), 200);
    EXPECT_EQ(crowd.closed(), 0);
}

TEST_F(HttpAbuseTest, RequestsTheServerDoesNotServeAreRefusedAtOnce) {
    ServerThread server(options());
    const struct {
        const char* name;
        std::string request;
        int status;
    } rows[] = {
        // Regression: a PATCH without a body held a worker 10 s, reading to
        // the end of a connection the client kept open.
        {"PATCH without a body", "PATCH / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405},
        {"POST with a body", "POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nq=a", 405},
        {"DELETE", "DELETE /api/doc/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405},
        {"chunked PUT", "PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n", 405},
        {"GET with a body", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\n", 400},
        // Regression: the file handler cut the path at the NUL, the type
        // came from what followed: app.js was served as text/html.
        {"NUL in the path", "GET /app.js%00.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400},
        {"newline in the path", "GET /app.js%0a HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400},
    };
    for (const auto& row : rows) {
        // No "Connection: close": the server must end the exchange itself.
        Socket socket(server.port());
        ASSERT_TRUE(socket.send(row.request)) << row.name;
        const std::string response = row.status == 400 ? socket.read_response() : socket.read_all();
        EXPECT_EQ(status_of(response), row.status) << row.name << "\n" << response;
        EXPECT_EQ(body_of(response).find("console.log"), std::string::npos) << row.name;
        EXPECT_EQ(header_of(response, "Content-Type"), "application/json") << row.name;
    }
}

TEST_F(HttpAbuseTest, LinksInFeedsNeverComeFromTheHostHeader) {
    // Regression: "Host: evil.example" came back in /feed and /opensearch.xml.
    for (const std::string& public_url : {std::string(), std::string("https://opeds.example/archive")}) {
        http::ServeOptions o = options();
        o.public_url = public_url;
        ServerThread server(o);
        const std::string expected =
            public_url.empty() ? "http://127.0.0.1:" + std::to_string(server.port()) : public_url;
        for (const char* path : {"/feed?q=wit", "/opensearch.xml"}) {
            Socket socket(server.port());
            ASSERT_TRUE(socket.send(std::string("GET ") + path +
                                    " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
            const std::string response = socket.read_all();
            EXPECT_EQ(status_of(response), 200) << path;
            EXPECT_EQ(response.find("evil.example"), std::string::npos) << path;
            EXPECT_NE(body_of(response).find(expected + "/"), std::string::npos) << path << "\n" << body_of(response);
        }
    }
}

} // namespace
} // namespace oped::test
