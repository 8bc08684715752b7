#pragma once

// The HTTP server: routes to the handlers, one Searcher per worker thread,
// security headers, static files from web/, an access log, metrics.

#include <oped/common/errors.hpp>
#include <oped/http/metrics.hpp>

#include <atomic>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace oped::http {

struct ServeOptions {
    std::string db_path;
    std::string host = "127.0.0.1";
    int port = 8080;        // 0: any free port
    unsigned threads = 0;   // requests handled at once; 0: 2 per core, at least 4
    std::string web_dir;    // static files; empty: none
    std::string public_url; // "https://host/prefix" for links in feeds; empty: the address reached
    // Every route under this prefix ("/archive", as parse_base_path gives it;
    // "": the root): BASE/x is routed as /x, BASE redirected to BASE/, any
    // other path is not found; every link the pages write starts with it.
    std::string base_path;
    // The scheme and host of absolute links from X-Forwarded-Proto and
    // X-Forwarded-Host (when well-formed); otherwise those headers are ignored.
    bool trust_proxy = false;
    std::size_t max_request_bytes = std::size_t{64} * 1024;
    unsigned keep_alive_seconds = 2;   // an idle connection is closed after this
    unsigned head_timeout_seconds = 5; // a request line and headers must arrive within this
    std::size_t max_connections = 1024;
    std::size_t max_connections_per_client = 128;
};

class Server {
  public:
    explicit Server(ServeOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Checks the index opens, then binds. Returns the port bound.
    Result<int> bind();
    // Serves until stop(); call after bind(). A stop() from any thread, even
    // one that comes before run(), makes run() return.
    void run();
    void stop();
    bool is_running() const;

  private:
    void install_routes();

    ServeOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    Metrics m_metrics;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_in_run{false};
};

} // namespace oped::http
