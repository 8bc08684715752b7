// The extraction worker's side of extract_worker.hpp.

#include <oped/indexer/extract_worker.hpp>

#include "frames.hpp"

#include <oped/common/docdata.hpp>
#include <oped/indexer/extract.hpp>
#include <oped/indexer/page_source.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OPED_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define OPED_ASAN 1
#endif

namespace oped::indexer {
namespace {

#ifndef OPED_ASAN
// The process's virtual size now, from /proc/self/statm (pages).
std::uint64_t virtual_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    statm >> pages;
    return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}
#endif

void limit_address_space([[maybe_unused]] std::uint64_t memory_limit) {
#ifndef OPED_ASAN
    if (memory_limit == 0) return;
    const rlim_t limit = virtual_bytes() + memory_limit;
    const rlimit rl{limit, limit};
    setrlimit(RLIMIT_AS, &rl);
#endif
}

// TEST-ONLY fault injection. OPED_TEST_FAULT="crash:a.html,hang:b.html,alloc:c.html"
// makes the worker crash (SIGSEGV), hang, or allocate without bound when asked
// for a page with that file name, so the integration tests can check that
// the indexer contains each. No page content can trigger it: only this
// variable in the indexer's environment, which production never sets.
void apply_test_fault(const std::string& path) {
    const char* spec = std::getenv("OPED_TEST_FAULT");
    if (spec == nullptr || *spec == '\0') return;
    const std::string name = std::filesystem::path(path).filename().string();
    std::string_view rest(spec);
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view entry = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const auto colon = entry.find(':');
        if (colon == std::string_view::npos || entry.substr(colon + 1) != name) continue;
        const std::string_view kind = entry.substr(0, colon);
        if (kind == "crash") {
            signal(SIGSEGV, SIG_DFL);
            raise(SIGSEGV);
        } else if (kind == "hang") {
            for (;;) pause();
        } else if (kind == "alloc") {
            constexpr std::size_t k_chunk = std::size_t{8} << 20;
            std::vector<std::unique_ptr<char[]>> hoard;
            for (int i = 0; i < 8192; ++i) { // 64 GiB: far past any limit
                hoard.push_back(std::make_unique<char[]>(k_chunk));
                for (std::size_t b = 0; b < k_chunk; b += 4096) hoard.back()[b] = 1;
            }
            std::abort();
        }
    }
}

std::string reply_for(const frames::Request& request, PageReader& reader) {
    auto bytes = reader.read(request.path, request.max_size);
    const Result<Article> article =
        bytes ? extract_article(bytes.value(), request.path) : Result<Article>(bytes.error());
    if (!article) {
        return std::string(1, frames::k_error) + std::string(error_name(article.error().code)) + '\0' +
               article.error().message;
    }
    return frames::k_article + encode_article(article.value());
}

} // namespace

int serve_extraction(int fd, std::uint64_t memory_limit) {
    limit_address_space(memory_limit);
    if (!frames::write_all(fd, frames::encode(std::string(1, frames::k_ready)))) return 1;
    PageReader reader; // kept across pages: a WARC file's records are found in one read
    while (auto message = frames::read_message(fd)) {
        const auto request = frames::parse_request(*message);
        if (!request) return 2;
        std::string reply;
        bool exhausted = false;
        try {
            apply_test_fault(request->path);
            reply = reply_for(*request, reader);
        } catch (const std::bad_alloc&) {
            exhausted = true;
        } catch (const std::exception& e) {
            reply = std::string(1, frames::k_error) + "internal" + '\0' + "extraction failed: " + e.what();
        }
        if (exhausted) {
            // The heap may be in no state to go on: say so and leave.
            frames::write_all(fd, frames::encode(std::string(1, frames::k_out_of_memory)));
            return 3;
        }
        if (!frames::write_all(fd, frames::encode(reply))) return 1;
    }
    return 0;
}

} // namespace oped::indexer
