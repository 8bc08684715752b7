#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/indexer/shards.hpp>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <memory>
#include <string>

namespace oped::cli {
namespace {

struct CompactOptions {
    std::string db;
    std::string out;
};

int run_compact(const CompactOptions& opt) {
    auto result = indexer::compact_index(opt.db, opt.out);
    if (!result) {
        spdlog::error("{}", result.error().message);
        return exit_code(result.error().code);
    }
    std::printf("compacted %s (%zu %s) into %s: %u documents\n", opt.db.c_str(), result.value().shards,
                result.value().shards == 1 ? "shard" : "shards", opt.out.c_str(), result.value().docs);
    return 0;
}

} // namespace

Command add_compact(CLI::App& app) {
    auto opt = std::make_shared<CompactOptions>();
    CLI::App* sub = app.add_subcommand(
        "compact", "Write the index (every shard of a sharded one) into one compact index, as xapian-compact does");
    add_db_option(*sub, opt->db);
    sub->add_option("out", opt->out, "The new index's folder (must not exist, or be empty)")->required();
    return [opt] { return run_compact(*opt); };
}

} // namespace oped::cli
