#include "support/index_probe.hpp"

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <sstream>
#include <thread>

namespace oped::test {

namespace {

// The number just before `label` in `line` (", 3 added"), or nothing.
std::optional<std::size_t> count_before(const std::string& line, const std::string& label) {
    const auto at = line.find(" " + label);
    if (at == std::string::npos || at == 0) return std::nullopt;
    std::size_t begin = at;
    while (begin > 0 && line[begin - 1] >= '0' && line[begin - 1] <= '9') --begin;
    if (begin == at) return std::nullopt;
    return static_cast<std::size_t>(std::stoull(line.substr(begin, at - begin)));
}

} // namespace

std::optional<SummaryCounts> parse_summary(const std::string& out) {
    auto start = out.find("indexed ");
    while (start != std::string::npos && !(start + 8 < out.size() && out[start + 8] >= '0' && out[start + 8] <= '9')) {
        start = out.find("indexed ", start + 1);
    }
    if (start == std::string::npos) return std::nullopt;
    const std::string line = out.substr(start, out.find('\n', start) - start);
    const auto total = count_before(line, "files into ");
    const auto added = count_before(line, "added,");
    const auto updated = count_before(line, "updated,");
    const auto unchanged = count_before(line, "unchanged,");
    const auto removed = count_before(line, "removed,");
    const auto failed = count_before(line, "failed");
    if (!total || !added || !updated || !unchanged || !removed || !failed) return std::nullopt;
    const auto skipped = count_before(line, "skipped as not articles");
    return SummaryCounts{*total, *added, *updated, *unchanged, *removed, *failed, skipped.value_or(0)};
}

std::string describe(const SummaryCounts& c) {
    std::ostringstream s;
    s << "total " << c.total << ", added " << c.added << ", updated " << c.updated << ", unchanged " << c.unchanged
      << ", removed " << c.removed << ", failed " << c.failed << ", skipped " << c.skipped;
    return s.str();
}

std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
    std::vector<std::string> out;
    const std::string p(prefix);
    auto it = doc.termlist_begin();
    it.skip_to(p);
    for (; it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.compare(0, p.size(), p) != 0) break;
        const std::string rest = term.substr(p.size());
        if (!rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') continue;
        out.push_back(rest);
    }
    return out;
}

std::vector<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
    std::vector<Xapian::docid> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
    return out;
}

std::string check_report(const std::filesystem::path& db_path) {
    // The xapian-check tool rather than Xapian::Database::check(): the
    // latter trips AddressSanitizer inside libxapian 1.4.22 (a new/delete
    // size mismatch in its own code), which would abort sanitizer builds.
    const RunResult r = run_program("xapian-check", {db_path.string()});
    if (r.exit_code == 0 && r.out.find("No errors found") != std::string::npos) return {};
    return "xapian-check exit " + std::to_string(r.exit_code) + ":\n" + r.out + r.err;
}

void shift_mtime(const std::filesystem::path& path, std::chrono::seconds delta) {
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + delta);
}

void rewrite(const std::filesystem::path& path, const std::string& bytes) {
    const auto before = std::filesystem::last_write_time(path);
    write_file(path, bytes);
    std::filesystem::last_write_time(path, before + std::chrono::seconds(1));
}

void short_pause() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

} // namespace oped::test
