#pragma once

// Option pieces shared by subcommands. Precedence: flag, then OPED_*
// environment variable, then default.

#include <CLI/CLI.hpp>

#include <string>

namespace oped::cli {

// --db DIR, defaulting to $OPED_DB or ./oped-db.
void add_db_option(CLI::App& sub, std::string& db);

std::string default_db();

} // namespace oped::cli
