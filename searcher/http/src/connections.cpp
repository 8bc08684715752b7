#include "connections.hpp"

#include <spdlog/spdlog.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace oped::http {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view k_end_of_head = "\r\n\r\n";
constexpr std::size_t k_read_chunk = 4096;
// How often the gate looks for connections past their deadline.
constexpr std::chrono::milliseconds k_sweep_interval{100};

std::string address_of(const sockaddr_storage& addr, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    port = -1;
    if (addr.ss_family == AF_INET) {
        const auto& in = reinterpret_cast<const sockaddr_in&>(addr);
        ::inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
        port = ntohs(in.sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto& in6 = reinterpret_cast<const sockaddr_in6&>(addr);
        ::inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
        port = ntohs(in6.sin6_port);
    }
    return text;
}

// The address of either end of a socket: getpeername or getsockname.
using NameOf = int (*)(int, sockaddr*, socklen_t*);

std::string socket_address(int fd, NameOf name_of, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (name_of(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        port = -1;
        return {};
    }
    return address_of(addr, port);
}

std::string peer_address(int fd, int& port) { return socket_address(fd, ::getpeername, port); }

std::string local_address(int fd, int& port) { return socket_address(fd, ::getsockname, port); }

// A short reply written without waiting, to a connection about to be
// closed: refused at the door, or timed out before its request was whole.
void send_refusal(int fd, int status, std::string_view reason, std::string_view message) {
    const std::string body = R"({"error":{"code":"usage","message":")" + std::string(message) + R"(","param":null}})";
    const std::string reply = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
                              "\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\n"
                              "Connection: close\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
    [[maybe_unused]] const ssize_t n = ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

// Open connections, in all and per client address.
class Admissions {
  public:
    Admissions(std::size_t max_total, std::size_t max_per_client)
        : m_max_total(max_total), m_max_per_client(max_per_client) {}

    bool admit(const std::string& client) {
        const std::lock_guard lock(m_mutex);
        auto& mine = m_per_client[client];
        if (m_total >= m_max_total || mine >= m_max_per_client) {
            if (mine == 0) m_per_client.erase(client);
            return false;
        }
        ++mine;
        ++m_total;
        return true;
    }

    void release(const std::string& client) {
        const std::lock_guard lock(m_mutex);
        const auto it = m_per_client.find(client);
        if (it == m_per_client.end()) return;
        if (--it->second == 0) m_per_client.erase(it);
        --m_total;
    }

  private:
    std::mutex m_mutex;
    std::size_t m_max_total;
    std::size_t m_max_per_client;
    std::size_t m_total = 0;
    std::map<std::string, std::size_t> m_per_client;
};

} // namespace

// One admitted connection: its socket (closed with it), its client, and the
// bytes received but not yet read by a request.
struct GatedServer::Connection {
    Connection(int fd_, std::string client_, Admissions& admissions_)
        : fd(fd_), client(std::move(client_)), admissions(admissions_) {}
    ~Connection() {
        ::close(fd);
        admissions.release(client);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    bool head_is_complete() const { return pending.find(k_end_of_head, consumed) != std::string::npos; }
    void compact() {
        pending.erase(0, consumed);
        consumed = 0;
    }

    int fd;
    std::string client;
    Admissions& admissions;
    std::string pending;
    std::size_t consumed = 0;
    std::size_t served = 0;     // requests answered
    Clock::time_point deadline; // while at the gate
    bool head_started = false;  // while at the gate: some bytes of a request are in
};

namespace {

// httplib's view of a connection while a worker serves one request: reads
// come from the bytes the gate received, then from the socket until the
// body's deadline; writes give up at the reply's deadline.
class ConnectionStream final : public httplib::Stream {
  public:
    ConnectionStream(std::string& pending, std::size_t& consumed, int fd, const ConnectionLimits& limits)
        : m_pending(pending),
          m_consumed(consumed),
          m_fd(fd),
          m_read_deadline(Clock::now() + limits.body_timeout),
          m_write_deadline(Clock::now() + limits.write_timeout) {}

    bool is_readable() const override { return m_consumed < m_pending.size() || wait_for(POLLIN, m_read_deadline); }
    bool is_writable() const override { return wait_for(POLLOUT, m_write_deadline); }

    ssize_t read(char* ptr, size_t size) override {
        if (m_consumed == m_pending.size()) {
            m_pending.clear();
            m_consumed = 0;
            if (!fill()) return m_closed ? 0 : -1;
        }
        const std::size_t n = std::min(size, m_pending.size() - m_consumed);
        std::copy_n(m_pending.data() + m_consumed, n, ptr);
        m_consumed += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        std::size_t sent = 0;
        while (sent < size) {
            const ssize_t n = ::send(m_fd, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                if (!wait_for(POLLOUT, m_write_deadline)) return -1;
            } else {
                return -1;
            }
        }
        return static_cast<ssize_t>(sent);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peer_address(m_fd, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { ip = local_address(m_fd, port); }
    socket_t socket() const override { return m_fd; }

  private:
    // Appends what the socket has, waiting until the read deadline.
    bool fill() {
        char buf[k_read_chunk];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                m_pending.append(buf, static_cast<std::size_t>(n));
                return true;
            }
            if (n == 0) {
                m_closed = true;
                return false;
            }
            if (errno == EINTR) continue;
            if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(POLLIN, m_read_deadline)) return false;
        }
    }

    bool wait_for(short events, Clock::time_point deadline) const {
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) return false;
            pollfd p{m_fd, events, 0};
            const int n = ::poll(&p, 1, static_cast<int>(left));
            if (n > 0) return true;
            if (n == 0 || errno != EINTR) return false;
        }
    }

    std::string& m_pending;
    std::size_t& m_consumed;
    int m_fd;
    Clock::time_point m_read_deadline;
    Clock::time_point m_write_deadline;
    bool m_closed = false;
};

} // namespace

// The gate (one thread on epoll) and the workers, for as long as the server
// listens: httplib makes one with new_task_queue() when it starts listening
// and shuts it down when it stops. The accepting thread's "tasks" run at
// once, as they only hand a socket to the gate.
class ConnectionQueue final : public httplib::TaskQueue {
  public:
    using Conn = std::shared_ptr<GatedServer::Connection>;

    ConnectionQueue(GatedServer& server, const ConnectionLimits& limits)
        : m_server(server),
          m_limits(limits),
          m_admissions(limits.max_connections, limits.max_connections_per_client),
          m_workers(std::max(1u, limits.workers)),
          m_epoll(::epoll_create1(EPOLL_CLOEXEC)),
          m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = m_wake;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
        m_thread = std::thread([this] { run(); });
    }

    ~ConnectionQueue() override {
        shutdown();
        ::close(m_wake);
        ::close(m_epoll);
    }
    ConnectionQueue(const ConnectionQueue&) = delete;
    ConnectionQueue& operator=(const ConnectionQueue&) = delete;

    void enqueue(std::function<void()> fn) override { fn(); }

    void shutdown() override {
        if (m_shut_down.exchange(true)) return;
        m_stopping = true;
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
        m_thread.join();
        m_workers.shutdown(); // the requests under way are answered; their connections then close
        const std::lock_guard lock(m_mutex);
        m_parked.clear();
    }

    Admissions& admissions() { return m_admissions; }

    // A connection with no complete request head: wait for one here.
    void park(Conn conn) {
        if (m_stopping) return;
        const int fd = conn->fd;
        conn->head_started = conn->consumed < conn->pending.size();
        conn->deadline = Clock::now() + (conn->head_started ? m_limits.head_timeout : m_limits.idle_timeout);
        {
            const std::lock_guard lock(m_mutex);
            m_parked[fd] = std::move(conn);
        }
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
        ev.data.fd = fd;
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0) {
            const std::lock_guard lock(m_mutex);
            m_parked.erase(fd);
        }
    }

    // A connection whose request head is in: to a worker.
    void dispatch(Conn conn) {
        m_workers.enqueue([this, conn = std::move(conn)] { m_server.serve(conn); });
    }

  private:
    void run() {
        std::vector<epoll_event> events(64);
        auto next_sweep = Clock::now() + k_sweep_interval;
        while (!m_stopping) {
            const int n = ::epoll_wait(m_epoll, events.data(), static_cast<int>(events.size()),
                                       static_cast<int>(k_sweep_interval.count()));
            for (int i = 0; i < n; ++i) {
                if (events[static_cast<std::size_t>(i)].data.fd != m_wake) {
                    on_readable(events[static_cast<std::size_t>(i)].data.fd);
                }
            }
            if (Clock::now() >= next_sweep) {
                sweep();
                next_sweep = Clock::now() + k_sweep_interval;
            }
        }
    }

    void on_readable(int fd) {
        Conn conn;
        {
            const std::lock_guard lock(m_mutex);
            const auto it = m_parked.find(fd);
            if (it == m_parked.end()) return;
            conn = it->second;
        }
        bool closed = false;
        char buf[k_read_chunk];
        while (conn->pending.size() - conn->consumed <= m_limits.max_head_bytes) {
            const ssize_t got = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (got > 0) {
                conn->pending.append(buf, static_cast<std::size_t>(got));
            } else if (got < 0 && errno == EINTR) {
                continue;
            } else {
                closed = got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
                break;
            }
        }
        const bool complete = conn->head_is_complete();
        if (complete || closed || conn->pending.size() - conn->consumed > m_limits.max_head_bytes) {
            unpark(fd);
            if (complete) {
                dispatch(std::move(conn));
            } else if (!closed) {
                send_refusal(fd, 431, "Request Header Fields Too Large", "the request line and headers are too long");
            }
            return;
        }
        if (!conn->head_started && conn->consumed < conn->pending.size()) {
            conn->head_started = true;
            conn->deadline = Clock::now() + m_limits.head_timeout;
        }
    }

    // Connections past their deadline: idle ones close quietly; those in
    // the middle of sending a request head are told why.
    void sweep() {
        const auto now = Clock::now();
        std::vector<Conn> expired;
        {
            const std::lock_guard lock(m_mutex);
            for (const auto& [fd, conn] : m_parked) {
                if (conn->deadline <= now) expired.push_back(conn);
            }
        }
        for (const auto& conn : expired) {
            unpark(conn->fd);
            if (conn->head_started) {
                send_refusal(conn->fd, 408, "Request Timeout", "the request line and headers came too slowly");
            }
        }
    }

    void unpark(int fd) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        const std::lock_guard lock(m_mutex);
        m_parked.erase(fd);
    }

    GatedServer& m_server;
    ConnectionLimits m_limits;
    Admissions m_admissions;
    httplib::ThreadPool m_workers;
    int m_epoll;
    int m_wake;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_shut_down{false};
    std::mutex m_mutex;
    std::unordered_map<int, Conn> m_parked;
    std::thread m_thread;
};

GatedServer::GatedServer(ConnectionLimits limits, RequestSetup setup) : m_limits(limits), m_setup(std::move(setup)) {
    new_task_queue = [this] {
        // httplib listens with a backlog of 5: a burst of connections
        // overflowed it and waited out SYN retries (1 s, 3 s, 7 s...) before
        // the accepting thread ever saw them. Listening again widens it.
        ::listen(svr_sock_, SOMAXCONN);
        auto* queue = new ConnectionQueue(*this, m_limits);
        m_queue = queue;
        return queue;
    };
}

GatedServer::~GatedServer() = default;

bool GatedServer::stopping() const { return svr_sock_ == INVALID_SOCKET; }

bool GatedServer::process_and_close_socket(socket_t sock) {
    int port = 0;
    std::string client = peer_address(sock, port);
    if (!m_queue->admissions().admit(client)) {
        spdlog::warn("refused a connection from {}: too many open connections", client);
        send_refusal(sock, 503, "Service Unavailable", "too many open connections");
        ::close(sock);
        return false;
    }
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
    m_queue->park(std::make_shared<Connection>(sock, std::move(client), m_queue->admissions()));
    return true;
}

void GatedServer::serve(const std::shared_ptr<Connection>& conn) {
    for (;;) {
        const bool last = conn->served + 1 >= m_limits.max_requests_per_connection || stopping();
        bool close = false;
        bool ok = false;
        {
            ConnectionStream stream(conn->pending, conn->consumed, conn->fd, m_limits);
            ok = process_request(stream, last, close, [this, &close](httplib::Request& req) { m_setup(req, close); });
        }
        ++conn->served;
        conn->compact();
        if (!ok || close || last || stopping()) return;
        if (!conn->head_is_complete()) {
            m_queue->park(conn);
            return;
        }
    }
}

} // namespace oped::http
