// The indexer's side of extract_worker.hpp.

#include <oped/indexer/extract_worker.hpp>

#include "frames.hpp"

#include <oped/common/docdata.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spdlog/fmt/fmt.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

extern char** environ;

namespace oped::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// How often a busy worker's memory is looked at.
constexpr auto k_poll_interval = std::chrono::milliseconds(20);
constexpr int k_worker_fd = 3;

std::string describe_exit(int status) {
    if (WIFSIGNALED(status)) {
        const char* name = sigabbrev_np(WTERMSIG(status));
        return fmt::format("crashed (signal {}{}{})", WTERMSIG(status), name != nullptr ? ", SIG" : "",
                           name != nullptr ? name : "");
    }
    return fmt::format("crashed (exit code {})", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

} // namespace

ExtractWorker::ExtractWorker(WorkerLimits limits) : m_limits(std::move(limits)) {}

ExtractWorker::~ExtractWorker() {
    if (m_pid > 0) stop(m_outstanding);
}

bool ExtractWorker::start() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        m_start_error = std::string("cannot make a socket for the extraction worker: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], k_worker_fd); // clears close-on-exec
    std::vector<std::string> args = m_limits.command;
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        m_start_error = "cannot start the extraction worker " + m_limits.command[0] + ": " + std::strerror(rc);
        return false;
    }
    m_pid = pid;
    m_fd = fds[0];
    m_ready = false;
    return true;
}

int ExtractWorker::stop(bool kill_it) {
    if (m_fd >= 0) close(m_fd); // an idle worker reads end-of-stream and exits
    m_fd = -1;
    if (kill_it) ::kill(m_pid, SIGKILL);
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    return status;
}

void ExtractWorker::send(const std::string& path, std::uint64_t max_size) {
    m_path = path;
    m_outstanding = true;
    m_start_error.clear();
    const std::string message = frames::request(path, max_size);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_pid < 0 && !start()) return;
        m_sent = Clock::now();
        if (frames::write_all(m_fd, message)) return;
        stop(true); // it died while idle; this page is not to blame
    }
    m_start_error = "cannot reach the extraction worker";
}

Error ExtractWorker::fail(ErrorCode code, const std::string& reason) {
    m_outstanding = false;
    return Error{code, reason, m_path};
}

std::uint64_t ExtractWorker::resident_bytes() const {
    std::ifstream statm("/proc/" + std::to_string(m_pid) + "/statm");
    std::uint64_t size = 0;
    std::uint64_t resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

Result<Article> ExtractWorker::receive() {
    if (m_pid < 0) return fail(ErrorCode::internal, m_start_error);
    const auto deadline =
        m_sent + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_limits.timeout_s));
    std::string buffer;
    char chunk[65536];
    for (;;) {
        if (frames::missing(buffer) == 0 && !m_ready) {
            // The hello: from here on, a death is the page's doing.
            const bool hello = frames::payload(buffer) == std::string_view(&frames::k_ready, 1);
            buffer.erase(0, frames::encode(frames::payload(buffer)).size());
            if (!hello) {
                stop(true);
                return fail(ErrorCode::internal, "the extraction worker does not speak its protocol");
            }
            m_ready = true;
            continue;
        }
        if (frames::missing(buffer) == 0) {
            m_outstanding = false;
            return parse_reply(frames::payload(buffer));
        }
        // Past the deadline the socket is still read, without waiting: the
        // caller may come late (its queue was full while a commit ran) to a
        // reply that arrived in time, and that page did nothing wrong.
        const auto now = Clock::now();
        const auto slice = std::clamp<Clock::duration>(deadline - now, Clock::duration::zero(), k_poll_interval);
        pollfd pfd{m_fd, POLLIN, 0};
        const int ready = poll(&pfd, 1, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(slice).count()));
        if (ready == 0 && Clock::now() >= deadline) {
            stop(true);
            return fail(ErrorCode::timed_out, fmt::format("timed out after {:g} s", m_limits.timeout_s));
        }
        if (ready > 0) {
            const ssize_t n = recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
            if (n > 0) {
                buffer.append(chunk, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            // End of stream: the worker died on this page, or before it
            // could take any (a worker that cannot start is not the page's
            // fault, and is not remembered as its failure).
            const int status = stop(false);
            if (!m_ready) {
                return fail(ErrorCode::internal, "the extraction worker " + m_limits.command[0] +
                                                     " did not start: " + describe_exit(status));
            }
            return fail(ErrorCode::crashed, describe_exit(status));
        }
        if (m_limits.memory_bytes > 0 && resident_bytes() > m_limits.memory_bytes) {
            stop(true);
            return fail(ErrorCode::out_of_memory,
                        fmt::format("exceeded the memory limit ({} MiB)", m_limits.memory_bytes >> 20));
        }
    }
}

Result<Article> ExtractWorker::parse_reply(std::string_view reply) {
    if (!reply.empty() && reply[0] == frames::k_article) {
        auto article = decode_article(reply.substr(1));
        if (article) return article;
        return Error{ErrorCode::internal, "the extraction worker's reply is malformed", m_path};
    }
    if (!reply.empty() && reply[0] == frames::k_error) {
        const std::string_view rest = reply.substr(1);
        const auto nul = rest.find('\0');
        if (nul != std::string_view::npos) {
            return Error{error_code_named(rest.substr(0, nul)), std::string(rest.substr(nul + 1)), m_path};
        }
    }
    if (!reply.empty() && reply[0] == frames::k_out_of_memory) {
        stop(false);
        return Error{ErrorCode::out_of_memory,
                     fmt::format("exceeded the memory limit ({} MiB)", m_limits.memory_bytes >> 20), m_path};
    }
    stop(true);
    return Error{ErrorCode::internal, "the extraction worker's reply is malformed", m_path};
}

} // namespace oped::indexer
