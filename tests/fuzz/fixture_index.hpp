#pragma once

// The index the searcher's fuzz targets read: the pages of
// tests/fixtures/index/pages, indexed once per process by the real indexer
// into a fresh temporary folder that is removed at exit.

#include <oped/indexer/index_writer.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#ifndef OPED_FUZZ_INDEX_PAGES
#error "OPED_FUZZ_INDEX_PAGES names the folder of pages to index"
#endif

namespace oped::fuzz {

class FixtureIndex {
  public:
    FixtureIndex() {
        std::string pattern = (std::filesystem::temp_directory_path() / "oped-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) fail("mkdtemp failed");
        m_dir = pattern;
        indexer::IndexOptions options;
        options.db_path = (m_dir / "db").string();
        options.roots = {OPED_FUZZ_INDEX_PAGES};
        options.threads = 1;
        auto summary = indexer::run_index(options, nullptr);
        if (!summary) fail(summary.error().message.c_str());
        if (summary.value().added == 0) fail("no fixture page was indexed");
    }
    ~FixtureIndex() {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    FixtureIndex(const FixtureIndex&) = delete;
    FixtureIndex& operator=(const FixtureIndex&) = delete;

    std::string db_path() const { return (m_dir / "db").string(); }

  private:
    [[noreturn]] static void fail(const char* why) {
        std::fprintf(stderr, "cannot build the fuzz index: %s\n", why);
        std::exit(1);
    }

    std::filesystem::path m_dir;
};

// Built on first use, removed when the process exits normally.
inline const FixtureIndex& fixture_index() {
    static const FixtureIndex k_index;
    return k_index;
}

} // namespace oped::fuzz
