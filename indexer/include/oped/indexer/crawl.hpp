#pragma once

// Finding the pages under the paths given on the command line.

#include <oped/indexer/page_source.hpp>
#include <oped/indexer/warc_source.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <vector>

namespace oped::indexer {

struct PageFile {
    std::string path;      // absolute, lexically normal; a WARC record's is "FILE#URI"
    std::string signature; // "mtime_ns:size": changes when the file does; a record's payload digest
    // A WARC record's target URI and WARC-Date; empty for a file.
    std::string url;
    std::string crawl_date;
};

struct CrawlRoot {
    std::string path; // absolute, lexically normal
    bool is_directory = false;
    bool complete = false; // false if it vanished or could not be listed fully
};

struct CrawlResult {
    std::vector<CrawlRoot> roots;
    // Sorted by path, no duplicates; a WARC file's records in its place, in
    // the file's order.
    std::vector<PageFile> files;
    std::vector<std::pair<std::string, std::string>> problems; // path, reason
    // Folders that could not be listed and files that could not be looked
    // at (or were skipped): nothing under them is judged vanished.
    std::vector<CrawlRoot> unlisted;
    WarcSkipCounts warc_skipped; // WARC records that are not pages
};

// Appends a folder's entries; an error means the listing is incomplete.
using ListFolderFn =
    std::function<std::error_code(const std::filesystem::path&, std::vector<std::filesystem::directory_entry>&)>;
std::error_code list_folder(const std::filesystem::path& folder,
                            std::vector<std::filesystem::directory_entry>& entries);

// Page files (see is_page_file) and WARC files (is_warc_file: each read for
// its pages, bad records reported in `problems`, and a file with any bad
// record listed in `unlisted`) under each root, recursively; a root that is
// a file is taken whatever its name (a symlink given as a root is followed).
// Symlinked folders are not followed. A page-named symlink is followed only
// when its target lies inside the root's folder (symlinks resolved) and is
// not itself a page file there (that is indexed under its own path, once);
// one that points outside, or nowhere, is skipped and reported in `problems`. A folder
// that cannot be listed is reported and skipped; its siblings are walked.
CrawlResult crawl(const std::vector<std::string>& roots, const ListFolderFn& list = list_folder,
                  std::uint64_t max_size = k_default_max_size);

// True if a page at `path` missing from this crawl has really gone: it lies
// in a root that was found, and in no folder that could not be listed.
bool may_judge_vanished(const std::string& path, const CrawlResult& crawled);

std::string file_signature(const std::filesystem::path& path, std::error_code& ec);

// True if `path` is `root`, lies inside the folder `root`, or is a record
// of the WARC file `root`.
bool is_under(const std::string& path, const CrawlRoot& root);

std::string normal_absolute(const std::string& path);

} // namespace oped::indexer
