#pragma once

// Running the oped binary from tests: to completion (run_oped in
// temp_dir.hpp) or in the background, to be killed mid-run.

#include "support/temp_dir.hpp"

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace oped::test {

// Start `program` (a path, or a name looked up in PATH) with `args`, stdin
// from /dev/null, stdout and stderr into the given files. Throws when the
// process cannot be started.
pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& out_path, const std::filesystem::path& err_path);
pid_t spawn_oped(const std::vector<std::string>& args, const std::filesystem::path& out_path,
                 const std::filesystem::path& err_path);

// Run a program to completion, capturing its output.
RunResult run_program(const std::string& program, const std::vector<std::string>& args);

// waitpid() status to an exit code; 128 + signal number when killed.
int exit_code_of(int wait_status);

// An oped process running in the background. The guard kills (SIGKILL) and
// reaps it if the test has not waited for it, so no process outlives a test.
class BackgroundOped {
  public:
    explicit BackgroundOped(const std::vector<std::string>& args);
    ~BackgroundOped();
    BackgroundOped(const BackgroundOped&) = delete;
    BackgroundOped& operator=(const BackgroundOped&) = delete;

    // False once the process has exited (it is then reaped).
    bool running();
    // SIGKILL, then reap. Returns the exit code: 128 + 9, or the process's
    // own if it had finished already.
    int kill_now();
    // Block until it exits; its exit code.
    int wait();

    std::string out() const;
    std::string err() const;

  private:
    TempDir m_capture;
    pid_t m_pid = -1;
    std::optional<int> m_exit_code;
};

} // namespace oped::test
