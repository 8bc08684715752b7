#pragma once

// Reading a page from disk: file type by name, gzip, size limit, and the
// binary-file check. Nothing here parses HTML.

#include <oped/common/errors.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace oped::indexer {

inline constexpr std::uint64_t k_default_max_size = std::uint64_t{20} * 1024 * 1024;

// .html .htm .xhtml, optionally followed by .gz (case-insensitive).
bool is_page_file(const std::filesystem::path& path);

// The raw bytes of a page, gunzipped if the name ends in .gz. Fails with
// too_large past max_size (compressed or not), not_html for binary content.
// A WARC record's path ("FILE.warc.gz#URI", warc_source.hpp) gives the
// record's HTML payload.
Result<std::string> read_page(const std::filesystem::path& path, std::uint64_t max_size);

class WarcCursor;

// read_page for a series of pages: a WARC file's records asked for in file
// order are found by reading the file once.
class PageReader {
  public:
    PageReader();
    ~PageReader();
    PageReader(const PageReader&) = delete;
    PageReader& operator=(const PageReader&) = delete;

    Result<std::string> read(const std::filesystem::path& path, std::uint64_t max_size);

  private:
    std::unique_ptr<WarcCursor> m_warc;
};

// The checks read_page makes once it has the file's bytes: gunzip when
// `gzipped`, the size limit, empty and binary content. The error's param is
// left empty for the caller to fill in.
Result<std::string> check_page_bytes(std::string bytes, bool gzipped, std::uint64_t max_size);

// Gunzip in memory, giving up past max_size of output.
Result<std::string> gunzip(std::string_view compressed, std::uint64_t max_size);

// What inflate_bounded says when the data is broken, cut short, or decodes
// past its limit.
struct InflateErrors {
    Error broken;
    Error truncated;
    Error too_large;
};
// zlib's inflate in memory with `window_bits` (16 + 15: gzip; 32 + 15: gzip
// or zlib, told by the header; -15: raw deflate), at most max_size bytes out.
Result<std::string> inflate_bounded(std::string_view in, int window_bits, std::uint64_t max_size,
                                    const InflateErrors& errors);

// Heuristic: over 1% NUL bytes (10 at least) or 5% control characters in the first 4 KiB,
// or a well-known binary signature, mean this is not a text page; UTF-16 and
// UTF-32 (told by their zero bytes, BOM or not) are text.
bool looks_binary(std::string_view bytes);

} // namespace oped::indexer
