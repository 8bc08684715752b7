#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/indexer/index_writer.hpp>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <memory>

namespace oped::cli {
namespace {

struct RemoveOptions {
    std::string db;
    std::vector<std::string> targets;
};

int run_remove(const RemoveOptions& opt) {
    auto result = indexer::remove_documents(opt.db, opt.targets);
    if (!result) {
        spdlog::error("{}", result.error().message);
        return exit_code(result.error().code);
    }
    for (const auto& t : result.value().not_found) spdlog::warn("not in the index: {}", t);
    std::printf("removed %zu documents\n", result.value().removed);
    return result.value().not_found.empty() ? 0 : exit_code(ErrorCode::not_found);
}

} // namespace

Command add_remove(CLI::App& app) {
    auto opt = std::make_shared<RemoveOptions>();
    CLI::App* sub = app.add_subcommand("remove", "Delete documents by public id, canonical URL or source path");
    add_db_option(*sub, opt->db);
    sub->add_option("targets", opt->targets, "Public ids (as in /doc/ID), URLs, files or folders")->required();
    return [opt] { return run_remove(*opt); };
}

} // namespace oped::cli
