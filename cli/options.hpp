#pragma once

// Option pieces shared by subcommands. Precedence: flag, then OPED_*
// environment variable, then default.

#include <CLI/CLI.hpp>

#include <string>

namespace oped::cli {

// --db DIR, defaulting to $OPED_DB or ./oped-db.
void add_db_option(CLI::App& sub, std::string& db);

std::string default_db();

// The web page's files: $OPED_WEB, else PREFIX/share/oped/web when oped runs
// from PREFIX/bin, else the source tree's web/ folder.
std::string default_web_dir();

} // namespace oped::cli
