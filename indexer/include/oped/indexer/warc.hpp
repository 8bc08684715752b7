#pragma once

// WARC files (ISO 28500), record by record. libarchive undoes the gzip of a
// .warc.gz (one member per record or one for the whole file); the record
// framing is read here, because libarchive 3.6's WARC format reader cannot
// do the job: it drops every record whose WARC-Target-URI is written in
// angle brackets (as wget 1.21 writes them), gives only the URI's path as the
// entry name (no scheme, no host), never says a record's WARC-Type or
// WARC-Payload-Digest, skips revisit, request and metadata records without a
// trace (so they cannot be counted), returns the record separator as part of
// the data, and loses its place after a partial read. See ARCHITECTURE.md.

#include <oped/common/errors.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct archive;

namespace oped::indexer {

// .warc or .warc.gz (case-insensitive).
bool is_warc_file(const std::filesystem::path& path);

struct WarcRecord {
    std::uint64_t offset = 0; // of its "WARC/" line, in the decompressed stream
    std::string type;         // WARC-Type, lower case
    std::string target_uri;   // WARC-Target-URI, without angle brackets
    std::string date;         // WARC-Date
    std::string payload_digest;
    std::string content_type; // the record's own Content-Type
    std::uint64_t length = 0; // Content-Length
    // The block; only its first k_warc_head_bytes when `too_large`.
    std::string block;
    bool too_large = false;
};

// A record header longer than this is not one.
inline constexpr std::size_t k_warc_head_bytes = std::size_t{64} * 1024;
// A file stops being read once it has decompressed to this many times its
// size (and at least k_warc_bomb_floor): a decompression bomb, not a crawl.
inline constexpr std::uint64_t k_warc_bomb_ratio = 100;
inline constexpr std::uint64_t k_warc_bomb_floor = std::uint64_t{64} << 20;

// Reads the records of one WARC file in order. A bad record (truncated, a
// Content-Length that does not match, a header that does not parse) is one
// error, and the reader goes on at the next "WARC/" line it finds; an error
// of the stream itself (a gzip member cut short or corrupt, the bomb limit)
// is the last thing next() returns.
class WarcReader {
  public:
    // Blocks over `block_limit` bytes are not kept (too_large).
    WarcReader(const std::filesystem::path& path, std::uint64_t block_limit);
    // WARC bytes in memory (gzip-compressed or not), which must outlive the
    // reader; `name` stands for the file in errors.
    WarcReader(std::string_view bytes, std::uint64_t block_limit, std::string name);
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    // The next record or the error in its place; nullopt at the end.
    std::optional<Result<WarcRecord>> next();

  private:
    struct ArchiveFree {
        void operator()(archive* a) const;
    };

    archive* prepare();            // a new reader, gzip and raw format supported
    void start(int open_rc);       // after archive_read_open*
    void compact();                // drops what was read from the buffer's front
    bool fill(std::size_t wanted); // true when `wanted` bytes are available at m_pos
    std::size_t available() const { return m_buf.size() - m_pos; }
    void resync(std::size_t from); // to the next "WARC/" line at or after m_buf[from]
    void discard(std::uint64_t n);
    Error stream_error(std::string message);
    Error record_error(std::uint64_t offset, const std::string& uri, std::string message);
    std::optional<Result<WarcRecord>> read_block(WarcRecord record, std::size_t head_size);

    std::string m_path;
    std::uint64_t m_block_limit;
    std::uint64_t m_bomb_limit = 0;
    std::unique_ptr<archive, ArchiveFree> m_archive;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::uint64_t m_consumed = 0; // decompressed bytes dropped from the front of m_buf
    std::uint64_t m_total = 0;    // decompressed bytes read
    bool m_eof = false;
    std::optional<Error> m_failed; // the stream broke: reported once, then the end
    bool m_reported = false;
};

} // namespace oped::indexer
