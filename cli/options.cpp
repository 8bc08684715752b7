#include "options.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace oped::cli {

std::string default_db() {
    if (const char* env = std::getenv("OPED_DB"); env != nullptr && *env != '\0') return env;
    return "oped-db";
}

std::string default_web_dir() {
    if (const char* env = std::getenv("OPED_WEB"); env != nullptr && *env != '\0') return env;
    // Installed (cmake --install, the .deb): PREFIX/bin/oped beside PREFIX/share/oped/web.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "oped" / "web";
        if (std::filesystem::is_regular_file(installed / "app.js", ec)) return installed.string();
    }
    // Run from the build folder: the source tree's web/.
    return OPED_DEFAULT_WEB_DIR;
}

void add_db_option(CLI::App& sub, std::string& db) {
    db = default_db();
    sub.add_option("--db", db, "Index folder (default: $OPED_DB or ./oped-db)");
}

} // namespace oped::cli
