// `oped extract-worker`: hidden; run by `oped index` to extract pages in a
// separate process (indexer/extract_worker.hpp), over a socket on fd 3.

#include "commands.hpp"

#include <oped/indexer/extract_worker.hpp>

#include <cstdint>
#include <memory>

namespace oped::cli {

Command add_worker(CLI::App& app) {
    auto memory_limit = std::make_shared<std::uint64_t>(0);
    CLI::App* sub = app.add_subcommand(std::string(k_worker_subcommand), "");
    sub->group(""); // not listed in --help: not for people
    sub->add_option("--memory-limit", *memory_limit, "Bytes of address space a page may add");
    return [memory_limit] { return indexer::serve_extraction(3, *memory_limit); };
}

} // namespace oped::cli
