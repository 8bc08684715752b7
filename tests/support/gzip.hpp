#pragma once

// gzip in memory, for tests that need .gz pages without committing binaries.

#include <string>
#include <string_view>

namespace oped::test {

// A complete gzip stream (header, deflate data, trailer) of `bytes`.
std::string gzip(std::string_view bytes);

} // namespace oped::test
