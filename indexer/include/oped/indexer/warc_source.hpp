#pragma once

// WARC records as pages. A record's page is named "FILE#URI" (record_path):
// the WARC file and the record's WARC-Target-URI; the first HTML response
// for a URI in a file is its page, later ones count as duplicates. The
// crawl lists a file's pages with their payload digests (the signature that
// tells a changed record), and a WarcCursor finds one page's bytes again.

#include <oped/common/errors.hpp>
#include <oped/indexer/warc.hpp>
#include <oped/indexer/warc_http.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace oped::indexer {

// Records that are not pages, by why.
struct WarcSkipCounts {
    std::size_t revisit = 0;
    std::size_t request = 0;
    std::size_t metadata = 0;  // warcinfo, metadata, resource and other record types
    std::size_t not_html = 0;  // a response of another type
    std::size_t not_ok = 0;    // a response whose status is not 200
    std::size_t duplicate = 0; // a later HTML response for a URI already taken
    std::size_t total() const { return revisit + request + metadata + not_html + not_ok + duplicate; }
    WarcSkipCounts& operator+=(const WarcSkipCounts& other);
    // "revisit 2, request 5": the non-zero counts.
    std::string describe() const;
};

std::string record_path(const std::string& file, const std::string& uri);
// The WARC file and target URI of a record path; false for any other path.
bool split_record_path(std::string_view path, std::string& file, std::string& uri);
// The file a page comes from: a record's WARC file, else the path itself.
std::string source_file(const std::string& path);

struct WarcItem {
    enum class Kind { page, skipped, failed };
    Kind kind = Kind::failed;
    WarcRecord record;                           // page: with its block
    HttpHead http;                               // page
    std::string digest;                          // page: WARC-Payload-Digest, else a hash of the payload
    std::size_t WarcSkipCounts::*skip = nullptr; // skipped: which count
    Error error;                                 // failed
};

// The records of one WARC file, each judged a page, skipped or failed.
class WarcPages {
  public:
    WarcPages(const std::string& file, std::uint64_t max_size);
    std::optional<WarcItem> next();
    // True if a page for `uri` came already.
    bool passed(const std::string& uri) const { return m_uris.count(uri) != 0; }
    const std::string& file() const { return m_file; }
    std::uint64_t max_size() const { return m_max_size; }

  private:
    WarcItem judge(WarcRecord record);

    std::string m_file;
    std::uint64_t m_max_size;
    WarcReader m_reader;
    std::unordered_set<std::string> m_uris;
};

// A page's HTML bytes: the payload decoded, through check_page_bytes.
Result<std::string> page_bytes(const WarcItem& page, std::uint64_t max_size);

struct WarcPageRef {
    std::string uri;
    std::string date;
    std::string digest;
};

struct WarcListing {
    std::vector<WarcPageRef> pages; // in file order
    WarcSkipCounts skipped;
    std::vector<Error> problems; // bad records, or the file could not be read to its end
};

WarcListing list_warc(const std::string& file, std::uint64_t max_size);

// Finds pages by record path. It reads on from the last page it found, so
// asking for a file's pages in file order reads the file once.
class WarcCursor {
  public:
    Result<std::string> read(const std::string& file, const std::string& uri, std::uint64_t max_size);

  private:
    std::unique_ptr<WarcPages> m_pages;
};

} // namespace oped::indexer
