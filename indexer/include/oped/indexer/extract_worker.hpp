#pragma once

// Extraction of untrusted HTML in a separate process, so that a page which
// crashes the extractor, hangs it or makes it allocate without bound costs
// that page and nothing else. The indexer's side (ExtractWorker) starts a
// worker by running `command` (the oped binary's hidden `extract-worker`
// subcommand, which calls serve_extraction()), sends it one page at a time
// over a Unix socket on the worker's fd 3, and gets the Article back
// (docdata's encode_article). A worker that dies, passes the time limit or
// the memory limit is killed and reaped; the page fails with `crashed`,
// `timed_out` or `out_of_memory`, and the next page starts a new worker.
// posix_spawn rather than fork(): the indexer is multi-threaded, and a fresh
// process image also works under AddressSanitizer.

#include <oped/common/article.hpp>
#include <oped/common/errors.hpp>

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace oped::indexer {

inline constexpr double k_default_page_timeout_s = 30;
inline constexpr std::uint64_t k_default_page_memory = std::uint64_t{1} << 30;

struct WorkerLimits {
    std::vector<std::string> command; // argv of a worker; the socket is passed as fd 3
    double timeout_s = k_default_page_timeout_s;
    std::uint64_t memory_bytes = k_default_page_memory; // resident set size of the worker
};

class ExtractWorker {
  public:
    explicit ExtractWorker(WorkerLimits limits);
    ~ExtractWorker();
    ExtractWorker(const ExtractWorker&) = delete;
    ExtractWorker& operator=(const ExtractWorker&) = delete;

    // Hand a page to the worker, starting one if none runs; at most one page
    // is outstanding. Never throws: a failure to start shows in receive().
    void send(const std::string& path, std::uint64_t max_size);
    // The outstanding page's Article or failure, waiting at most the time
    // limit from send(). A reply the worker gave within it is taken however
    // late this is called.
    Result<Article> receive();

  private:
    bool start();
    // SIGKILL (when `kill_it`), then reap; the wait status.
    int stop(bool kill_it);
    Error fail(ErrorCode code, const std::string& reason);
    Result<Article> parse_reply(std::string_view reply);
    std::uint64_t resident_bytes() const;

    WorkerLimits m_limits;
    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_path; // the outstanding page
    bool m_outstanding = false;
    bool m_ready = false; // the worker said hello
    std::string m_start_error;
    std::chrono::steady_clock::time_point m_sent;
};

// The worker's side: answer requests on `fd` until it is closed. Limits the
// address space to its size at start plus `memory_limit` (not under
// AddressSanitizer, whose shadow reservations are terabytes of address
// space; the indexer's RSS check covers that build). Returns the exit code.
int serve_extraction(int fd, std::uint64_t memory_limit);

} // namespace oped::indexer
