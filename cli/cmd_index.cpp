#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/indexer/extract_worker.hpp>
#include <oped/indexer/index_writer.hpp>
#include <oped/indexer/shards.hpp>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace oped::cli {
namespace {

struct IndexCliOptions {
    indexer::IndexOptions index;
    std::string outlets_file;
    std::string author_aliases_file;
    std::uint64_t page_memory_mib = indexer::k_default_page_memory >> 20;
    bool quiet = false;
};

// A progress line redrawn in place on a terminal; a log line every few
// seconds otherwise.
class ProgressReporter {
  public:
    explicit ProgressReporter(bool quiet) : m_tty(!quiet && isatty(STDERR_FILENO) != 0), m_quiet(quiet) {}

    void operator()(const indexer::IndexProgress& p) {
        if (m_quiet) return;
        const auto now = std::chrono::steady_clock::now();
        const bool last = p.done == p.total;
        if (!last && now - m_last < (m_tty ? std::chrono::milliseconds(200) : std::chrono::seconds(5))) return;
        m_last = now;
        const double rate = p.seconds > 0 ? static_cast<double>(p.done - m_first_done) / p.seconds : 0;
        const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
        const double pct = p.total > 0 ? 100.0 * static_cast<double>(p.done) / static_cast<double>(p.total) : 100;
        if (m_tty) {
            std::fprintf(stderr, "\r%zu/%zu files (%.0f%%), %.0f files/s, ETA %.0fs   ", p.done, p.total, pct, rate,
                         eta);
            if (last) std::fputc('\n', stderr);
        } else {
            spdlog::info("{}/{} files ({:.0f}%), {:.0f} files/s, ETA {:.0f}s", p.done, p.total, pct, rate, eta);
        }
    }
    void set_first_done(std::size_t n) { m_first_done = n; }

  private:
    bool m_tty;
    bool m_quiet;
    std::size_t m_first_done = 0;
    std::chrono::steady_clock::time_point m_last{};
};

// The aliases of --outlets FILE, or the error that stops the run before it
// writes anything.
std::optional<Error> read_outlet_aliases(IndexCliOptions& opt) {
    if (opt.outlets_file.empty()) return std::nullopt;
    std::ifstream in(opt.outlets_file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf(); // an empty file sets text's failbit: no aliases
    if (!in || in.bad()) return Error{ErrorCode::io, "cannot read the outlets file " + opt.outlets_file, "--outlets"};
    auto aliases = schema::parse_outlet_aliases(text.str());
    if (!aliases) {
        Error e = aliases.error();
        e.message = opt.outlets_file + ": " + e.message;
        return e;
    }
    opt.index.outlet_aliases = std::move(aliases).value();
    return std::nullopt;
}

// The rules of --author-aliases FILE, or the error that stops the run before
// it writes anything; an error names the file and the line.
std::optional<Error> read_author_aliases(IndexCliOptions& opt) {
    if (opt.author_aliases_file.empty()) return std::nullopt;
    std::ifstream in(opt.author_aliases_file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf(); // an empty file sets text's failbit: no rules
    if (!in || in.bad()) {
        return Error{ErrorCode::io, "cannot read the aliases file " + opt.author_aliases_file, "--author-aliases"};
    }
    auto aliases = schema::parse_author_aliases(text.str());
    if (!aliases) {
        Error e = aliases.error();
        e.message = opt.author_aliases_file + ": " + e.message;
        e.param = "--author-aliases";
        return e;
    }
    opt.index.author_aliases = std::move(aliases).value();
    return std::nullopt;
}

// The run's summary line and notes; the exit code they make.
int report(const IndexCliOptions& opt, const indexer::IndexSummary& s) {
    if (s.stopped_by) spdlog::error("{}", s.stopped_by->message);
    std::map<std::string, int> by_reason;
    for (const auto& f : s.failures) {
        spdlog::warn("failed: {}: {}", f.path, f.reason);
        ++by_reason[std::string(error_name(f.code))];
    }
    const std::size_t processed = s.added + s.updated + s.failures.size();
    const double rate = s.seconds > 0 ? static_cast<double>(processed) / s.seconds : 0;
    std::string reasons;
    for (const auto& [code, n] : by_reason) reasons += (reasons.empty() ? " (" : ", ") + code + " " + std::to_string(n);
    if (!reasons.empty()) reasons += ")";
    const std::string stopped = s.stopped_by ? "; stopped early (" + std::string(error_name(s.stopped_by->code)) +
                                                   "): the counts are what was committed before the failure"
                                             : std::string();
    const std::string skipped =
        opt.index.all_pages ? std::string() : ", " + std::to_string(s.skipped) + " skipped as not articles";
    std::printf(
        "indexed %zu files into %s: %zu added, %zu updated, %zu unchanged, %zu removed, %zu failed%s%s%s; "
        "%.2fs, %.0f docs/s\n",
        s.total, opt.index.db_path.c_str(), s.added, s.updated, s.unchanged, s.removed, s.failures.size(),
        reasons.c_str(), skipped.c_str(), stopped.c_str(), s.seconds, rate);
    if (s.failed_before > 0) {
        spdlog::info(
            "{} of the failed files failed on an earlier run and have not changed since; "
            "--retry-failed tries them again",
            s.failed_before);
    }
    if (s.skipped > 0) {
        spdlog::info(
            "{} pages are listings or other pages, not articles ({} unchanged since an earlier run); "
            "--all-pages indexes them too",
            s.skipped, s.skipped_before);
    }
    if (s.warc_skipped.total() > 0) {
        spdlog::info("{} WARC records are not pages and were skipped ({})", s.warc_skipped.total(),
                     s.warc_skipped.describe());
    }
    if (s.stopped_by) return exit_code(s.stopped_by->code);
    return s.failures.empty() ? 0 : exit_code(ErrorCode::not_html);
}

int run_index(IndexCliOptions& opt) {
    for (auto* read : {read_outlet_aliases, read_author_aliases}) {
        if (auto error = read(opt)) {
            spdlog::error("{}; nothing was written", error->message);
            return exit_code(error->code);
        }
    }
    // Pages are extracted by this same binary, run as hidden workers
    // (cmd_worker.cpp), so that a page that crashes the extractor costs one page.
    opt.index.worker_command = {"/proc/self/exe", std::string(k_worker_subcommand), "--memory-limit",
                                std::to_string(opt.page_memory_mib << 20)};
    opt.index.page_memory = opt.page_memory_mib << 20;
    // A write past a file size limit fails with EFBIG, reported as disk_full,
    // instead of killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    opt.index.report_aborted_commit = [&opt](const indexer::IndexSummary& s) { return report(opt, s); };
    auto reporter = std::make_shared<ProgressReporter>(opt.quiet);
    bool first = true;
    auto result = indexer::run_index(opt.index, [&](const indexer::IndexProgress& p) {
        if (first) reporter->set_first_done(p.done - 1);
        first = false;
        (*reporter)(p);
    });
    if (!result) {
        spdlog::error("{}; nothing was written", result.error().message);
        return exit_code(result.error().code);
    }
    return report(opt, result.value());
}

} // namespace

Command add_index(CLI::App& app) {
    auto opt = std::make_shared<IndexCliOptions>();
    CLI::App* sub = app.add_subcommand("index",
                                       "Index HTML pages and the HTML responses in .warc and .warc.gz files (files or "
                                       "folders, recursively); re-runs are incremental");
    add_db_option(*sub, opt->index.db_path);
    sub->add_option("--threads", opt->index.threads, "Extraction threads (default: one per core)");
    sub->add_option("--shards", opt->index.shards,
                    "Create the index as this many shards, written side by side and searched as one (default 1; an "
                    "existing index keeps its own)")
        ->check(CLI::Range(1u, indexer::k_max_shards));
    sub->add_option("--max-size", opt->index.max_size, "Skip pages larger than this many bytes (default 20 MiB)");
    sub->add_option("--batch", opt->index.batch_size,
                    "Documents per commit (default: $XAPIAN_FLUSH_THRESHOLD or 1000)");
    sub->add_option("--page-timeout", opt->index.page_timeout_s,
                    "Seconds a page may take to extract before it fails (default 30)");
    sub->add_option("--page-memory", opt->page_memory_mib,
                    "MiB of memory a page's extraction may use before it fails (default 1024)");
    sub->add_flag("--retry-failed", opt->index.retry_failed, "Try again pages that failed before, even if unchanged");
    sub->add_flag("--all-pages", opt->index.all_pages,
                  "Index every page; without it, listings and other pages that are not articles are skipped");
    sub->add_option("--outlets", opt->outlets_file,
                    "Outlet aliases, one 'NAME = SHOWN NAME' per line (# comments); kept for later runs");
    sub->add_option("--author-aliases", opt->author_aliases_file,
                    "Author aliases, one 'A = B' (one author) or 'A != B' (two authors) per line (# comments); kept "
                    "for later runs");
    sub->add_flag("-q,--quiet", opt->quiet, "No progress output");
    sub->add_option("paths", opt->index.roots, "Files and folders to index")->required();
    return [opt] { return run_index(*opt); };
}

} // namespace oped::cli
