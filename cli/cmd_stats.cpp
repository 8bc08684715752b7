#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/http/json.hpp>
#include <oped/searcher/stats.hpp>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <memory>

namespace oped::cli {
namespace {

struct StatsOptions {
    std::string db;
    bool json = false;
};

int run_stats(const StatsOptions& opt) {
    auto result = searcher::read_stats(opt.db);
    if (!result) {
        spdlog::error("{}", result.error().message);
        return exit_code(result.error().code);
    }
    const auto& s = result.value();
    if (opt.json) {
        // Exactly /api/stats: unknown values are null, not "".
        std::cout << http::dump(http::to_json(s)) << '\n';
        return 0;
    }
    std::printf("index:        %s\n", opt.db.c_str());
    std::printf("documents:    %llu\n", static_cast<unsigned long long>(s.documents));
    std::printf("authors:      %llu\n", static_cast<unsigned long long>(s.authors));
    std::printf("outlets:      %llu\n", static_cast<unsigned long long>(s.sites));
    std::printf("languages:    %llu\n", static_cast<unsigned long long>(s.languages));
    std::printf("published:    %s .. %s\n", s.first_published.empty() ? "?" : s.first_published.c_str(),
                s.last_published.empty() ? "?" : s.last_published.c_str());
    std::printf("last update:  %s\n", s.last_update.empty() ? "never" : s.last_update.c_str());
    std::printf("size:         %.1f MiB\n", static_cast<double>(s.size_bytes) / (1024.0 * 1024.0));
    return 0;
}

} // namespace

Command add_stats(CLI::App& app) {
    auto opt = std::make_shared<StatsOptions>();
    CLI::App* sub = app.add_subcommand("stats", "Summarise an index");
    add_db_option(*sub, opt->db);
    sub->add_flag("--json", opt->json, "The same JSON as /api/stats");
    return [opt] { return run_stats(*opt); };
}

} // namespace oped::cli
