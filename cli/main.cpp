#include "commands.hpp"
#include "logging.hpp"

#include <oped/common/errors.hpp>
#include <oped/common/schema.hpp>

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <exception>
#include <map>
#include <string>

int main(int argc, char** argv) {
    oped::cli::configure_logging();
    CLI::App app{"oped: full-text search for op-ed archives"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("oped ") + OPED_VERSION + " (index schema " +
                                          std::string(oped::schema::k_schema_version) + ")");
    std::map<CLI::App*, oped::cli::Command> commands;
    auto add = [&](oped::cli::Command (*factory)(CLI::App&)) {
        const std::size_t before = app.get_subcommands({}).size();
        oped::cli::Command run = factory(app);
        commands[app.get_subcommands({}).at(before)] = std::move(run);
    };
    add(oped::cli::add_extract);
    add(oped::cli::add_index);
    add(oped::cli::add_remove);
    add(oped::cli::add_compact);
    add(oped::cli::add_stats);
    add(oped::cli::add_authors);
    add(oped::cli::add_search);
    add(oped::cli::add_serve);
    add(oped::cli::add_worker);
    try {
        app.parse(argc, argv);
        for (auto& [sub, run] : commands) {
            if (sub->parsed()) return run();
        }
        return oped::exit_code(oped::ErrorCode::usage);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : oped::exit_code(oped::ErrorCode::usage);
    } catch (const Xapian::DatabaseCorruptError& e) {
        spdlog::critical("index is corrupt: {}", e.get_description());
        return oped::exit_code(oped::ErrorCode::index_corrupt);
    } catch (const Xapian::Error& e) {
        spdlog::critical("index error: {}", e.get_description());
        return oped::exit_code(oped::ErrorCode::io);
    } catch (const std::exception& e) {
        spdlog::critical("internal error: {}", e.what());
        return oped::exit_code(oped::ErrorCode::internal);
    }
}
