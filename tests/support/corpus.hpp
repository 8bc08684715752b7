#pragma once

// A temporary folder of pages and an index beside it, for tests that run
// `oped index` several times and look at what changed.

#include "support/index_probe.hpp"
#include "support/pages.hpp"
#include "support/temp_dir.hpp"

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace oped::test {

struct IndexRun {
    RunResult run;
    SummaryCounts counts; // all zero when the output had no summary line
    bool has_summary = false;
    std::string output() const { return run.out + run.err; }
};

class Corpus {
  public:
    std::filesystem::path root() const { return m_dir / "pages"; }
    std::string db() const { return (m_dir / "db").string(); }
    std::filesystem::path page_path(const std::string& name) const { return root() / name; }

    // Write a good article page whose body names `keyword`.
    std::filesystem::path add_page(const std::string& name, const std::string& keyword, const std::string& url = {});

    // `oped index -q --db DB` with the given paths (default: the root).
    IndexRun index(const std::vector<std::string>& paths = {}, const std::vector<std::string>& extra = {}) const;

    Xapian::Database open() const { return Xapian::Database(db()); }
    // Documents matching one plain (lower-case, unstemmed) word.
    Xapian::doccount matches(const std::string& word) const;
    // Documents whose unique id is `id` (a URL, or "file://" + path).
    std::size_t docs_with_id(const std::string& id) const;
    std::size_t docs_with_path(const std::filesystem::path& path) const;

  private:
    TempDir m_dir;
};

} // namespace oped::test
