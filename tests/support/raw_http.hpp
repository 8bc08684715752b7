#pragma once

// HTTP written and read by hand over loopback sockets, for clients that
// misbehave on purpose: slow, idle, or sending what a library would refuse
// to send. Every socket is an RAII Socket; every wait is bounded by
// k_socket_patience, so a server that never answers fails the test instead
// of hanging it.

#include <chrono>
#include <string>

namespace oped::test {

constexpr auto k_socket_patience = std::chrono::seconds(60);

class Socket {
  public:
    // Connects to 127.0.0.1:port from `source` (any 127.x.y.z: another
    // client as far as the server can tell). Throws when it cannot.
    explicit Socket(int port, const std::string& source = "127.0.0.1");
    ~Socket();
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    // False when the server has closed the connection or reset it.
    bool send(const std::string& bytes);
    // Everything until the server closes (or k_socket_patience passes).
    std::string read_all();
    // One response: the head, then Content-Length bytes of body.
    std::string read_response();
    // Whether the server has closed its end, looking without waiting.
    bool closed_by_server() const;
    // Whether the server has sent something or closed, without waiting.
    bool answered_or_closed() const;

  private:
    int m_fd = -1;
};

// "GET path HTTP/1.1" with Host and Connection: close, plus `headers`
// (each ending in \r\n).
std::string get_request(const std::string& path, const std::string& headers = "");

// The status of "HTTP/1.1 404 Not Found...", or -1.
int status_of(const std::string& response);
// A header's value in a raw response (first match, case as given), or "".
std::string header_of(const std::string& response, const std::string& name);
// The body of a raw response (after the blank line).
std::string body_of(const std::string& response);

} // namespace oped::test
