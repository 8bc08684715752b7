#pragma once

// An http::Server under test: bound to an ephemeral loopback port, listening
// on its own thread; the guard stops and joins it. Debian's cpp-httplib
// 0.11.4 has no wait_until_ready(), so the constructor polls is_running().

#include <oped/http/server.hpp>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace oped::test {

class ServerThread {
  public:
    explicit ServerThread(http::ServeOptions options) : m_server(with_any_port(std::move(options))) {
        auto port = m_server.bind();
        if (!port) throw std::runtime_error("bind: " + port.error().message);
        m_port = port.value();
        m_thread = std::thread([this] {
            m_server.run();
            m_returned = true;
        });
        // Bounded so a server that never starts fails the test instead of hanging it.
        for (int i = 0; !m_server.is_running(); ++i) {
            if (m_returned || i > 60000) {
                m_server.stop();
                m_thread.join();
                throw std::runtime_error("the server did not start listening");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    ~ServerThread() {
        m_server.stop();
        m_thread.join();
    }

    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    int port() const { return m_port; }
    http::Server& server() { return m_server; }

    // A client for this server; generous timeouts, as the machine may be busy.
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", m_port);
        c.set_connection_timeout(30);
        c.set_read_timeout(60);
        c.set_write_timeout(60);
        return c;
    }

  private:
    static http::ServeOptions with_any_port(http::ServeOptions options) {
        options.host = "127.0.0.1";
        options.port = 0;
        return options;
    }

    http::Server m_server;
    int m_port = 0;
    std::atomic<bool> m_returned{false};
    std::thread m_thread;
};

} // namespace oped::test
