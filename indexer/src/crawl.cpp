#include <oped/indexer/crawl.hpp>

#include <oped/indexer/page_source.hpp>

#include <sys/stat.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace oped::indexer {

std::string normal_absolute(const std::string& path) {
    std::string out = fs::absolute(path).lexically_normal().string();
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

std::string file_signature(const fs::path& path, std::error_code& ec) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        ec = std::error_code(errno, std::generic_category());
        return {};
    }
    const long long mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    return std::to_string(mtime_ns) + ":" + std::to_string(static_cast<long long>(st.st_size));
}

bool is_under(const std::string& path, const CrawlRoot& root) {
    if (!root.is_directory) {
        if (path == root.path) return true;
        std::string file;
        std::string uri;
        return is_warc_file(root.path) && split_record_path(path, file, uri) && file == root.path;
    }
    if (root.path == "/") return true;
    return path.size() > root.path.size() && path.compare(0, root.path.size(), root.path) == 0 &&
           path[root.path.size()] == '/';
}

bool may_judge_vanished(const std::string& path, const CrawlResult& crawled) {
    const auto under = [&path](const CrawlRoot& root) { return is_under(path, root); };
    const bool listed_root = std::any_of(crawled.roots.begin(), crawled.roots.end(),
                                         [&](const CrawlRoot& root) { return root.complete && under(root); });
    return listed_root && std::none_of(crawled.unlisted.begin(), crawled.unlisted.end(), under);
}

namespace {

bool is_crawled_file(const fs::path& path) { return is_page_file(path) || is_warc_file(path); }

// A WARC file's pages in its place; a file with a bad record keeps the
// pages it had (nothing in it is judged vanished).
void expand_warc(const PageFile& file, std::uint64_t max_size, CrawlResult& result, std::vector<PageFile>& out) {
    WarcListing listing = list_warc(file.path, max_size);
    for (auto& page : listing.pages) {
        out.push_back({record_path(file.path, page.uri), std::move(page.digest), page.uri, std::move(page.date)});
    }
    result.warc_skipped += listing.skipped;
    for (auto& problem : listing.problems) {
        result.problems.emplace_back(problem.param.empty() ? file.path : problem.param, std::move(problem.message));
    }
    if (!listing.problems.empty()) result.unlisted.push_back({file.path, false, false});
}

// One folder root, walked folder by folder so that a folder that cannot be
// listed costs only its own subtree.
class FolderWalk {
  public:
    FolderWalk(CrawlResult& result, const std::string& root, const ListFolderFn& list)
        : m_result(result), m_root(root), m_list(list) {
        std::error_code ec;
        m_real_root = fs::canonical(root, ec).string();
        if (ec) m_real_root = root;
    }

    void run() {
        std::vector<fs::path> folders{m_root};
        while (!folders.empty()) {
            const fs::path folder = std::move(folders.back());
            folders.pop_back();
            std::vector<fs::directory_entry> entries;
            const std::error_code ec = m_list(folder, entries);
            if (ec) {
                // What was listed before the error is still taken; nothing
                // under the folder is judged vanished.
                m_result.problems.emplace_back(folder.string(), "cannot list this folder (" + ec.message() +
                                                                    "); its pages already indexed are kept");
                m_result.unlisted.push_back({folder.lexically_normal().string(), true, false});
            }
            for (const auto& entry : entries) visit(entry, folders);
        }
    }

  private:
    void visit(const fs::directory_entry& entry, std::vector<fs::path>& folders) {
        std::error_code ec;
        const auto status = entry.symlink_status(ec);
        if (ec) {
            problem(entry.path(), ec.message());
            return;
        }
        if (fs::is_directory(status)) {
            folders.push_back(entry.path());
        } else if (fs::is_symlink(status)) {
            // Symlinked folders are not followed; page-named links are, when
            // they stay inside the root.
            if (is_crawled_file(entry.path())) follow_link(entry.path());
        } else if (fs::is_regular_file(status) && is_crawled_file(entry.path())) {
            add(entry.path());
        }
    }

    void follow_link(const fs::path& link) {
        std::error_code ec;
        const auto target = fs::canonical(link, ec);
        if (ec) {
            problem(link, "symlink to a missing file (" + ec.message() + "), skipped");
            return;
        }
        if (!is_under(target.string(), CrawlRoot{m_real_root, true, true})) {
            problem(link, "symlink to " + target.string() + ", outside " + m_root + ": not followed");
            return;
        }
        // A page in the tree is indexed under its own path, once; a link to a
        // file named otherwise (article.html -> store/article.txt) is the only
        // way to reach that file.
        if (is_crawled_file(target) || !fs::is_regular_file(target, ec)) return;
        add(link);
    }

    void add(const fs::path& path) {
        std::error_code ec;
        std::string sig = file_signature(path, ec);
        if (ec) {
            problem(path, ec.message());
            return;
        }
        m_result.files.push_back({path.lexically_normal().string(), std::move(sig), {}, {}});
    }

    // A page that could not be looked at keeps its document, if it has one.
    void problem(const fs::path& path, const std::string& reason) {
        const std::string normal = path.lexically_normal().string();
        m_result.problems.emplace_back(normal, reason);
        m_result.unlisted.push_back({normal, false, false});
    }

    CrawlResult& m_result;
    const std::string& m_root;
    std::string m_real_root; // symlinks resolved, for judging where links point
    const ListFolderFn& m_list;
};

} // namespace

std::error_code list_folder(const fs::path& folder, std::vector<fs::directory_entry>& entries) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    return ec;
}

CrawlResult crawl(const std::vector<std::string>& roots, const ListFolderFn& list, std::uint64_t max_size) {
    CrawlResult result;
    for (const auto& given : roots) {
        CrawlRoot root{normal_absolute(given), false, false};
        std::error_code ec;
        const auto status = fs::status(root.path, ec);
        if (ec || !fs::exists(status)) {
            result.problems.emplace_back(root.path, "no such file or folder");
            result.roots.push_back(root);
            continue;
        }
        if (fs::is_regular_file(status)) {
            std::string sig = file_signature(root.path, ec);
            if (ec) {
                result.problems.emplace_back(root.path, ec.message());
            } else {
                result.files.push_back({root.path, std::move(sig), {}, {}});
                root.complete = true;
            }
            result.roots.push_back(root);
            continue;
        }
        root.is_directory = fs::is_directory(status);
        if (!root.is_directory) {
            result.problems.emplace_back(root.path, "not a regular file or folder");
            result.roots.push_back(root);
            continue;
        }
        root.complete = true;
        FolderWalk(result, root.path, list).run();
        result.roots.push_back(root);
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const PageFile& a, const PageFile& b) { return a.path < b.path; });
    result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                   [](const PageFile& a, const PageFile& b) { return a.path == b.path; }),
                       result.files.end());
    std::vector<PageFile> files;
    files.reserve(result.files.size());
    for (auto& file : result.files) {
        if (is_warc_file(file.path)) {
            expand_warc(file, max_size, result, files);
        } else {
            files.push_back(std::move(file));
        }
    }
    result.files = std::move(files);
    return result;
}

} // namespace oped::indexer
