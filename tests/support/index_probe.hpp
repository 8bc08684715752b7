#pragma once

// Looking into an index and at oped's output from tests: the summary line
// of `oped index`, a document's terms by prefix, Xapian's consistency check.

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oped::test {

// The counts of `oped index`'s summary line ("indexed 3 files into DB: 1
// added, 0 updated, 2 unchanged, 0 removed, 0 failed; ...").
struct SummaryCounts {
    std::size_t total = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;
    std::size_t failed = 0;
    std::size_t skipped = 0; // "N skipped as not articles"; 0 when the line has none (--all-pages)

    bool operator==(const SummaryCounts&) const = default;
};

// Nothing when `out` holds no summary line.
std::optional<SummaryCounts> parse_summary(const std::string& out);
std::string describe(const SummaryCounts& counts); // for failure messages

// The terms of `doc` that carry `prefix`, with the prefix cut off. A term
// counts only when the character after the prefix is not a capital, so
// "A" does not collect "XA..." terms' neighbours such as "AB..." prefixes.
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, std::string_view prefix);

// The documents indexed by `term`.
std::vector<Xapian::docid> postings(const Xapian::Database& db, const std::string& term);

// Xapian's consistency check (xapian-check) on the index folder: empty
// when it finds no error, else its report.
std::string check_report(const std::filesystem::path& db_path);

// Move a file's modification time by `delta` (ns precision is kept), so a
// test does not depend on the file system's clock granularity.
void shift_mtime(const std::filesystem::path& path, std::chrono::seconds delta);

// Replace a file's bytes and move its mtime one second on, so its
// signature changes even when the size does not.
void rewrite(const std::filesystem::path& path, const std::string& bytes);

// Call `done` until it returns true, sleeping briefly between calls, at
// most `max_polls` times; false if it never did. Bounded waiting, not a
// timing assertion.
template <class Pred>
bool poll_until(Pred&& done, int max_polls = 60000);

void short_pause(); // one poll interval

template <class Pred>
bool poll_until(Pred&& done, int max_polls) {
    for (int i = 0; i < max_polls; ++i) {
        if (done()) return true;
        short_pause();
    }
    return done();
}

} // namespace oped::test
