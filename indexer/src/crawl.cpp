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
    if (!root.is_directory) return path == root.path;
    if (root.path == "/") return true;
    return path.size() > root.path.size() && path.compare(0, root.path.size(), root.path) == 0 &&
           path[root.path.size()] == '/';
}

CrawlResult crawl(const std::vector<std::string>& roots) {
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
                result.files.push_back({root.path, std::move(sig)});
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
        fs::recursive_directory_iterator it(root.path, fs::directory_options::none, ec), end;
        if (ec) {
            result.problems.emplace_back(root.path, ec.message());
            root.complete = false;
        }
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code entry_ec;
            if (!it->is_regular_file(entry_ec) || !is_page_file(it->path())) continue;
            std::string sig = file_signature(it->path(), entry_ec);
            if (entry_ec) {
                result.problems.emplace_back(it->path().string(), entry_ec.message());
                continue;
            }
            result.files.push_back({it->path().lexically_normal().string(), std::move(sig)});
        }
        if (ec) {
            // A folder we could not list: its pages must not be taken as deleted.
            result.problems.emplace_back(root.path, "listing stopped: " + ec.message());
            root.complete = false;
        }
        result.roots.push_back(root);
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const PageFile& a, const PageFile& b) { return a.path < b.path; });
    result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                   [](const PageFile& a, const PageFile& b) { return a.path == b.path; }),
                       result.files.end());
    return result;
}

} // namespace oped::indexer
