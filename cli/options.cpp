#include "options.hpp"

#include <cstdlib>

namespace oped::cli {

std::string default_db() {
    if (const char* env = std::getenv("OPED_DB"); env != nullptr && *env != '\0') return env;
    return "oped-db";
}

std::string default_web_dir() {
    if (const char* env = std::getenv("OPED_WEB"); env != nullptr && *env != '\0') return env;
    return OPED_DEFAULT_WEB_DIR;
}

void add_db_option(CLI::App& sub, std::string& db) {
    db = default_db();
    sub.add_option("--db", db, "Index folder (default: $OPED_DB or ./oped-db)");
}

} // namespace oped::cli
