#include <oped/indexer/warc.hpp>

#include <oped/common/text.hpp>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace oped::indexer {
namespace {

constexpr std::size_t k_chunk = std::size_t{64} * 1024;
// Bytes already read are dropped from the buffer's front past this.
constexpr std::size_t k_compact_at = std::size_t{1} << 20;
constexpr std::string_view k_magic = "WARC/";

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// WARC 1.0 writes the URI bare, the 1.1 draft (and wget) in <...>.
std::string bare_uri(std::string_view value) {
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
    return std::string(value);
}

struct Head {
    WarcRecord record;
    std::string length_text;
    bool has_length = false;
};

// The named fields of a record header (the text between the "WARC/" line
// and the blank line); unknown fields and continuation lines are ignored.
Head parse_head(std::string_view text, std::uint64_t offset) {
    Head head;
    head.record.offset = offset;
    bool first = true;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        if (first) {
            first = false;
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || line.empty() || line[0] == ' ' || line[0] == '\t') continue;
        const std::string name = text::ascii_lower(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        if (name == "warc-type") {
            head.record.type = text::ascii_lower(value);
        } else if (name == "warc-target-uri") {
            head.record.target_uri = bare_uri(value);
        } else if (name == "warc-date") {
            head.record.date = std::string(value);
        } else if (name == "warc-payload-digest") {
            head.record.payload_digest = std::string(value);
        } else if (name == "content-type") {
            head.record.content_type = std::string(value);
        } else if (name == "content-length") {
            head.length_text = std::string(value);
            head.has_length = true;
        }
    }
    return head;
}

bool parse_length(std::string_view text, std::uint64_t& out) {
    if (text.empty() || text.size() > 18) return false;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace

bool is_warc_file(const std::filesystem::path& path) {
    const std::string name = text::ascii_lower(path.filename().string());
    return (name.size() > 5 && name.ends_with(".warc")) || (name.size() > 8 && name.ends_with(".warc.gz"));
}

void WarcReader::ArchiveFree::operator()(archive* a) const { archive_read_free(a); }

WarcReader::WarcReader(const std::filesystem::path& path, std::uint64_t block_limit)
    : m_path(path.string()), m_block_limit(block_limit) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    m_bomb_limit = std::max(k_warc_bomb_floor, (ec ? 0 : size) * k_warc_bomb_ratio);
    // An empty file holds no records (libarchive would call it unreadable).
    if (!ec && size == 0) {
        m_eof = true;
    } else if (archive* a = prepare()) {
        start(archive_read_open_filename(a, m_path.c_str(), k_chunk));
    }
}

WarcReader::WarcReader(std::string_view bytes, std::uint64_t block_limit, std::string name)
    : m_path(std::move(name)),
      m_block_limit(block_limit),
      m_bomb_limit(std::max<std::uint64_t>(k_warc_bomb_floor, bytes.size() * k_warc_bomb_ratio)) {
    if (bytes.empty()) {
        m_eof = true;
    } else if (archive* a = prepare()) {
        start(archive_read_open_memory(a, bytes.data(), bytes.size()));
    }
}

archive* WarcReader::prepare() {
    m_archive.reset(archive_read_new());
    archive* a = m_archive.get();
    if (a == nullptr) {
        m_failed = stream_error("libarchive could not start");
        return nullptr;
    }
    // The raw format: libarchive only undoes the compression, and the
    // records are read here (see the header for why not its WARC reader).
    archive_read_support_filter_gzip(a);
    archive_read_support_format_raw(a);
    return a;
}

void WarcReader::start(int open_rc) {
    archive* a = m_archive.get();
    if (open_rc != ARCHIVE_OK) {
        const char* why = archive_error_string(a);
        m_failed = Error{ErrorCode::io, std::string("cannot read: ") + (why ? why : "unknown error"), m_path};
        m_eof = true;
        return;
    }
    archive_entry* entry = nullptr;
    const int rc = archive_read_next_header(a, &entry);
    if (rc == ARCHIVE_EOF) {
        m_eof = true;
    } else if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
        const char* why = archive_error_string(a);
        m_failed = stream_error(why != nullptr ? why : "unreadable");
    }
}

WarcReader::~WarcReader() = default;

Error WarcReader::stream_error(std::string message) {
    m_eof = true;
    return Error{ErrorCode::not_html, std::move(message) + "; the rest of the file cannot be read", m_path};
}

Error WarcReader::record_error(std::uint64_t offset, const std::string& uri, std::string message) {
    // A record cut short by a broken stream carries the stream's error, said once.
    if (m_failed && available() == 0) {
        message += " (" + m_failed->message + ")";
        m_reported = true;
    }
    const std::string where = uri.empty() ? m_path + "@" + std::to_string(offset) : m_path + "#" + uri;
    return Error{ErrorCode::not_html, "WARC record at byte " + std::to_string(offset) + ": " + std::move(message),
                 where};
}

void WarcReader::compact() {
    if (m_pos < k_compact_at) return;
    m_buf.erase(0, m_pos);
    m_consumed += m_pos;
    m_pos = 0;
}

bool WarcReader::fill(std::size_t wanted) {
    std::array<char, k_chunk> chunk;
    while (available() < wanted && !m_eof && !m_failed) {
        const la_ssize_t n = archive_read_data(m_archive.get(), chunk.data(), chunk.size());
        if (n < 0) {
            const char* why = archive_error_string(m_archive.get());
            m_failed = stream_error(std::string("the compressed data is broken (") + (why ? why : "unknown") + ")");
            break;
        }
        if (n == 0) {
            m_eof = true;
            break;
        }
        m_buf.append(chunk.data(), static_cast<std::size_t>(n));
        m_total += static_cast<std::uint64_t>(n);
        if (m_total > m_bomb_limit) {
            m_failed = stream_error("the file decompresses to over " + std::to_string(m_bomb_limit) + " bytes, over " +
                                    std::to_string(k_warc_bomb_ratio) + " times its size");
            break;
        }
    }
    return available() >= wanted;
}

void WarcReader::discard(std::uint64_t n) {
    while (n > 0) {
        compact();
        if (available() == 0 && !fill(1)) return;
        const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(n, available()));
        m_pos += step;
        n -= step;
    }
}

void WarcReader::resync(std::size_t from) {
    m_pos = std::min(from, m_buf.size());
    for (;;) {
        const auto hit = m_buf.find("\nWARC/", m_pos);
        if (hit != std::string::npos) {
            m_pos = hit + 1;
            return;
        }
        // Keep the last bytes: the marker may straddle two reads.
        m_pos = m_buf.size() > 5 ? std::max(m_pos, m_buf.size() - 5) : m_pos;
        compact();
        if (!fill(available() + k_chunk)) {
            if (m_buf.find("\nWARC/", m_pos) == std::string::npos) {
                m_pos = m_buf.size();
                return;
            }
        }
    }
}

std::optional<Result<WarcRecord>> WarcReader::next() {
    // Positions in m_buf stay put while one record is read.
    compact();
    // Blank lines between records are tolerated.
    while (fill(1) && (m_buf[m_pos] == '\r' || m_buf[m_pos] == '\n')) ++m_pos;
    if (available() == 0) {
        if (m_failed && !m_reported) {
            m_reported = true;
            return Result<WarcRecord>(*m_failed);
        }
        return std::nullopt;
    }
    const std::uint64_t offset = m_consumed + m_pos;
    fill(k_magic.size());
    if (std::string_view(m_buf).substr(m_pos, k_magic.size()) != k_magic) {
        const std::size_t start = m_pos;
        resync(m_pos);
        return Result<WarcRecord>(record_error(
            offset, "", "no WARC record starts here; skipped " + std::to_string(m_pos - start) + " bytes"));
    }
    std::size_t end = std::string::npos;
    std::size_t searched = m_pos;
    while ((end = m_buf.find("\r\n\r\n", searched)) == std::string::npos && available() <= k_warc_head_bytes) {
        searched = m_buf.size() >= 3 ? std::max(m_pos, m_buf.size() - 3) : m_pos;
        if (!fill(available() + 4096)) break;
    }
    if (end == std::string::npos || end - m_pos > k_warc_head_bytes) {
        if (available() <= k_warc_head_bytes && (m_eof || m_failed)) {
            m_pos = m_buf.size();
            return Result<WarcRecord>(record_error(offset, "", "truncated record: the file ends inside its header"));
        }
        resync(m_pos + 1);
        return Result<WarcRecord>(
            record_error(offset, "", "the record header has no end within 64 KiB; skipped to the next record"));
    }
    Head head = parse_head(std::string_view(m_buf).substr(m_pos, end - m_pos), offset);
    const std::size_t head_size = end + 4 - m_pos;
    if (!head.has_length || !parse_length(head.length_text, head.record.length)) {
        const std::string uri = head.record.target_uri;
        resync(m_pos + head_size);
        return Result<WarcRecord>(record_error(
            offset, uri, head.has_length ? "bad Content-Length '" + head.length_text + "'" : "no Content-Length"));
    }
    return read_block(std::move(head.record), head_size);
}

std::optional<Result<WarcRecord>> WarcReader::read_block(WarcRecord record, std::size_t head_size) {
    const std::uint64_t offset = record.offset;
    const std::string uri = record.target_uri;
    const std::size_t block_start = m_pos + head_size;
    // The file ends inside the block: it was cut short, or the length is
    // wrong and records follow (those are read on from the block's start).
    const auto truncated = [&](std::uint64_t have, bool kept) {
        if (kept) {
            resync(block_start);
        } else {
            m_pos = m_buf.size();
        }
        return Result<WarcRecord>(record_error(offset, uri,
                                               "truncated record or bad Content-Length: it says " +
                                                   std::to_string(record.length) + " bytes, the file ends after " +
                                                   std::to_string(have)));
    };
    if (record.length <= m_block_limit) {
        const auto whole = static_cast<std::size_t>(head_size + record.length);
        if (!fill(whole + 4)) {
            if (available() < whole) return truncated(available() - head_size, true);
        }
        // m_buf may have been compacted: positions are relative to m_pos.
        record.block = m_buf.substr(m_pos + head_size, static_cast<std::size_t>(record.length));
        m_pos += whole;
    } else {
        record.too_large = true;
        fill(head_size + k_warc_head_bytes);
        record.block = m_buf.substr(m_pos + head_size, std::min(available() - head_size, k_warc_head_bytes));
        const std::uint64_t before = m_consumed + m_pos;
        m_pos += head_size;
        discard(record.length);
        const std::uint64_t skipped = m_consumed + m_pos - before - head_size;
        if (skipped < record.length) return truncated(skipped, false);
    }
    // The block ends with the separator; a writer that gets it wrong is
    // believed when the next record or the end follows.
    fill(8 + k_magic.size());
    std::size_t after = m_pos;
    while (after < m_buf.size() && after < m_pos + 4 && (m_buf[after] == '\r' || m_buf[after] == '\n')) ++after;
    const bool separated = std::string_view(m_buf).substr(m_pos, 4) == "\r\n\r\n";
    const bool at_end = after == m_buf.size() && (m_eof || m_failed);
    if (!separated && !at_end && std::string_view(m_buf).substr(after, k_magic.size()) != k_magic) {
        // The length does not match the record: look for the next record
        // from the start of this one's block, so that a length too long
        // swallows nothing that follows.
        resync(record.too_large ? m_pos : block_start);
        return Result<WarcRecord>(record_error(
            offset, uri,
            "bad Content-Length " + std::to_string(record.length) + ": no record separator after the block"));
    }
    m_pos = after;
    return Result<WarcRecord>(std::move(record));
}

} // namespace oped::indexer
