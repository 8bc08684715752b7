#pragma once

// A fresh temporary folder per test, removed when the guard goes away.

#include <filesystem>
#include <string>
#include <vector>

namespace oped::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// Write bytes to a file, creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

struct RunResult {
    int exit_code = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// Run the oped binary with arguments (no shell), capturing its output.
RunResult run_oped(const std::vector<std::string>& args);

} // namespace oped::test
