#pragma once

// What every fuzz target shares: libFuzzer's entry point, and a check that
// stops the run (a crash libFuzzer records) when a property of the output
// does not hold. The same target builds with libFuzzer (scripts/fuzz) and
// with standalone_main.cpp, which replays files in the normal test build.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace oped::fuzz {

inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace oped::fuzz
