// The server against clients that misbehave: amplifying Range headers,
// slow and idle connections, methods and paths it does not serve, a forged
// Host. Each on a real server on an ephemeral loopback port; slow and idle
// clients are a bounded number of sockets from other loopback addresses.

#include "support/raw_http.hpp"
#include "support/search_fixture.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>

namespace oped::test {
namespace {

class HttpAbuseTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", search_fixture_articles());
        write_file(*s_dir / "web" / "app.js", "console.log('oped');\n");
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
