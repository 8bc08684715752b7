#include "support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace oped::test {

Socket::Socket(int port, const std::string& source) : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (m_fd < 0) throw std::runtime_error("socket");
    timeval patience{};
    patience.tv_sec = k_socket_patience.count();
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &patience, sizeof patience);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source.c_str(), &from.sin_addr) != 1 ||
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
        ::close(m_fd);
        throw std::runtime_error("bind to " + source);
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(m_fd);
        throw std::runtime_error("connect");
    }
}

Socket::~Socket() { ::close(m_fd); }

bool Socket::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

std::string Socket::read_all() {
    std::string response;
    char buf[4096];
    for (ssize_t n; (n = ::recv(m_fd, buf, sizeof buf, 0)) > 0;) response.append(buf, static_cast<std::size_t>(n));
    return response;
}

std::string Socket::read_response() {
    std::string data;
    char c = 0;
    while (data.find("\r\n\r\n") == std::string::npos && ::recv(m_fd, &c, 1, 0) == 1) data.push_back(c);
    const std::string length = header_of(data, "Content-Length");
    std::size_t left = length.empty() ? 0 : std::stoul(length);
    char buf[4096];
    while (left > 0) {
        const ssize_t n = ::recv(m_fd, buf, std::min(left, sizeof buf), 0);
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        left -= static_cast<std::size_t>(n);
    }
    return data;
}

bool Socket::closed_by_server() const {
    char c = 0;
    const ssize_t n = ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

bool Socket::answered_or_closed() const {
    char c = 0;
    const ssize_t n = ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
}

std::string get_request(const std::string& path, const std::string& headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n";
}

int status_of(const std::string& response) {
    if (response.size() < 12 || response.compare(0, 7, "HTTP/1.") != 0) return -1;
    const std::string code = response.substr(9, 3);
    if (code.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(code);
}

std::string header_of(const std::string& response, const std::string& name) {
    const std::string head = response.substr(0, response.find("\r\n\r\n"));
    const std::string key = "\r\n" + name + ": ";
    const auto at = head.find(key);
    if (at == std::string::npos) return "";
    const auto start = at + key.size();
    return head.substr(start, head.find("\r\n", start) - start);
}

std::string body_of(const std::string& response) {
    const auto at = response.find("\r\n\r\n");
    return at == std::string::npos ? "" : response.substr(at + 4);
}

} // namespace oped::test
