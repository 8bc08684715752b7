#pragma once

// Finding the pages under the paths given on the command line.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace oped::indexer {

struct PageFile {
    std::string path;      // absolute, lexically normal
    std::string signature; // "mtime_ns:size": changes when the file does
};

struct CrawlRoot {
    std::string path; // absolute, lexically normal
    bool is_directory = false;
    bool complete = false; // false if it vanished or could not be listed fully
};

struct CrawlResult {
    std::vector<CrawlRoot> roots;
    std::vector<PageFile> files;                               // sorted by path, no duplicates
    std::vector<std::pair<std::string, std::string>> problems; // path, reason
};

// Page files (see is_page_file) under each root, recursively; a root that is
// a file is taken whatever its name. Symlinked folders are not followed.
CrawlResult crawl(const std::vector<std::string>& roots);

std::string file_signature(const std::filesystem::path& path, std::error_code& ec);

// True if `path` is `root` or lies inside the folder `root`.
bool is_under(const std::string& path, const CrawlRoot& root);

std::string normal_absolute(const std::string& path);

} // namespace oped::indexer
