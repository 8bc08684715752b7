#pragma once

// Each subcommand registers its options on the app and returns the function
// that runs it; main() only wires them together.

#include <CLI/CLI.hpp>

#include <functional>
#include <string_view>

namespace oped::cli {

using Command = std::function<int()>;

Command add_authors(CLI::App& app);
Command add_compact(CLI::App& app);
Command add_extract(CLI::App& app);
Command add_index(CLI::App& app);
Command add_remove(CLI::App& app);
Command add_stats(CLI::App& app);
Command add_search(CLI::App& app);
Command add_serve(CLI::App& app);
Command add_worker(CLI::App& app);

inline constexpr std::string_view k_worker_subcommand = "extract-worker";

} // namespace oped::cli
