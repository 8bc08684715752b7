#include "support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

extern char** environ;

namespace oped::test {

pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& out_path, const std::filesystem::path& err_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<std::string> argv_storage{program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + program);
    return pid;
}

pid_t spawn_oped(const std::vector<std::string>& args, const std::filesystem::path& out_path,
                 const std::filesystem::path& err_path) {
    return spawn_program(OPED_BINARY, args, out_path, err_path);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args) {
    const TempDir capture;
    const auto out_path = capture / "stdout";
    const auto err_path = capture / "stderr";
    const pid_t pid = spawn_program(program, args, out_path, err_path);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    RunResult result;
    result.exit_code = exit_code_of(status);
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

int exit_code_of(int wait_status) {
    return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

BackgroundOped::BackgroundOped(const std::vector<std::string>& args)
    : m_pid(spawn_oped(args, m_capture / "stdout", m_capture / "stderr")) {}

BackgroundOped::~BackgroundOped() {
    if (!m_exit_code) kill_now();
}

bool BackgroundOped::running() {
    if (m_exit_code) return false;
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_exit_code = exit_code_of(status);
        return false;
    }
    return true;
}

int BackgroundOped::kill_now() {
    if (running()) ::kill(m_pid, SIGKILL);
    return wait();
}

int BackgroundOped::wait() {
    if (m_exit_code) return *m_exit_code;
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    m_exit_code = exit_code_of(status);
    return *m_exit_code;
}

std::string BackgroundOped::out() const { return read_file(m_capture / "stdout"); }
std::string BackgroundOped::err() const { return read_file(m_capture / "stderr"); }

} // namespace oped::test
