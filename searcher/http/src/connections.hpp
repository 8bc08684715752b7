#pragma once

// Connections without a thread each. cpp-httplib gives every connection a
// worker thread for as long as it stays open, so a client that opens
// connections and sends nothing, or sends its headers a line at a time,
// holds the workers and every other client waits. Here one thread (the
// gate) holds every connection that has no complete request head yet,
// reading what arrives without blocking; a connection goes to a worker only
// once its request line and headers are all there, and comes back to the
// gate after its reply. Workers so only ever wait on a request body (bounded
// in size and time) or on a slow reader of a reply (bounded in time).

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace oped::http {

struct ConnectionLimits {
    unsigned workers = 32;                               // requests handled at once
    std::chrono::milliseconds head_timeout{5000};        // request line and headers, from their first byte
    std::chrono::milliseconds idle_timeout{2000};        // an open connection with no request under way
    std::chrono::milliseconds body_timeout{5000};        // a request body, in all
    std::chrono::milliseconds write_timeout{30000};      // a reply, in all
    std::size_t max_head_bytes = std::size_t{32} * 1024; // request line and headers together
    std::size_t max_connections = 1024;                  // open at once, in all
    std::size_t max_connections_per_client = 128;        // open at once from one address
    std::size_t max_requests_per_connection = 100;
};

// Called once per request after its head is parsed, before routing; may
// change the request and set `close` to end the connection after the reply.
using RequestSetup = std::function<void(httplib::Request& req, bool& close)>;

class ConnectionQueue;

class GatedServer : public httplib::Server {
  public:
    GatedServer(ConnectionLimits limits, RequestSetup setup);
    ~GatedServer() override;
    GatedServer(const GatedServer&) = delete;
    GatedServer& operator=(const GatedServer&) = delete;

  private:
    friend class ConnectionQueue;
    struct Connection;

    // Runs on the accepting thread: admits the socket (or refuses it when
    // its client or the server is at its limit) and hands it to the gate.
    bool process_and_close_socket(socket_t sock) override;
    // Runs on a worker: the requests whose heads are in, then back to the gate.
    void serve(const std::shared_ptr<Connection>& conn);
    bool stopping() const;

    ConnectionLimits m_limits;
    RequestSetup m_setup;
    ConnectionQueue* m_queue = nullptr; // while listening
};

} // namespace oped::http
