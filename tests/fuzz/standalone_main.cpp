// Replays inputs through a fuzz target without libFuzzer, so ctest runs every
// target over its seeds and regressions in the ASan+UBSan build:
//
//   fuzz_TARGET [--suffix=S]... [--shard=K/N] [--skip-missing] PATH...
//
// A PATH that is a folder is walked recursively; with --suffix only files
// whose names end so are read. --shard=K/N takes every Nth file from the
// K-th (0-based) of the sorted list, to split a long replay across ctest
// entries. --skip-missing exits 77 (ctest's SKIP_RETURN_CODE) when a PATH
// does not exist, instead of failing.

#include "fuzz.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr int k_skip_code = 77;

struct Options {
    std::vector<std::string> suffixes;
    std::vector<fs::path> paths;
    std::size_t shard = 0;
    std::size_t shards = 1;
    bool skip_missing = false;
};

bool wanted(const fs::path& file, const Options& opt) {
    if (opt.suffixes.empty()) return true;
    const std::string name = file.filename().string();
    return std::any_of(opt.suffixes.begin(), opt.suffixes.end(),
                       [&](const std::string& s) { return name.ends_with(s); });
}

bool parse_shard(const std::string& spec, Options& opt) {
    const auto slash = spec.find('/');
    if (slash == std::string::npos) return false;
    try {
        opt.shard = std::stoul(spec.substr(0, slash));
        opt.shards = std::stoul(spec.substr(slash + 1));
    } catch (const std::exception&) {
        return false;
    }
    return opt.shards > 0 && opt.shard < opt.shards;
}

} // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.starts_with("--suffix=")) {
            opt.suffixes.push_back(arg.substr(9));
        } else if (arg.starts_with("--shard=")) {
            if (!parse_shard(arg.substr(8), opt)) {
                std::cerr << "bad --shard, want K/N: " << arg << '\n';
                return 2;
            }
        } else if (arg == "--skip-missing") {
            opt.skip_missing = true;
        } else if (arg.starts_with("-")) {
            std::cerr << "unknown option: " << arg << '\n';
            return 2;
        } else {
            opt.paths.emplace_back(arg);
        }
    }
    std::vector<fs::path> files;
    for (const auto& path : opt.paths) {
        if (!fs::exists(path)) {
            std::cerr << (opt.skip_missing ? "SKIPPED: " : "error: ") << path.string() << " does not exist\n";
            return opt.skip_missing ? k_skip_code : 1;
        }
        if (fs::is_directory(path)) {
            for (const auto& entry : fs::recursive_directory_iterator(path)) {
                if (entry.is_regular_file() && wanted(entry.path(), opt)) files.push_back(entry.path());
            }
        } else {
            files.push_back(path);
        }
    }
    std::sort(files.begin(), files.end());
    const auto start = std::chrono::steady_clock::now();
    std::size_t ran = 0;
    for (std::size_t i = opt.shard; i < files.size(); i += opt.shards) {
        std::ifstream in(files[i], std::ios::binary);
        if (!in) {
            std::cerr << "error: cannot read " << files[i].string() << '\n';
            return 1;
        }
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // Name the input first: a crash report then says which file it was.
        std::cerr << "running " << files[i].string() << '\n';
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++ran;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::cout << "ran " << ran << " inputs in " << took.count() << " s\n";
    if (ran == 0) {
        std::cerr << "error: no inputs\n";
        return 1;
    }
    return 0;
}
