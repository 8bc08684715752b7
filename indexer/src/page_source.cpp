#include <oped/indexer/page_source.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/charset_detect.hpp>
#include <oped/indexer/warc_source.hpp>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <fstream>

namespace oped::indexer {

bool is_page_file(const std::filesystem::path& path) {
    std::string name = text::ascii_lower(path.filename().string());
    if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
    return name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml");
}

bool looks_binary(std::string_view bytes) {
    constexpr std::array<std::string_view, 6> k_signatures{"\x89PNG",
                                                           "GIF8",
                                                           "\xFF\xD8\xFF",
                                                           "%PDF",
                                                           "PK\x03\x04",
                                                           "\x7F"
                                                           "ELF"};
    for (auto sig : k_signatures) {
        if (bytes.substr(0, sig.size()) == sig) return true;
    }
    const auto head = bytes.substr(0, 4096);
    // UTF-16 and UTF-32 pages are full of NULs: with a BOM or without.
    if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF'))) {
        return false;
    }
    if (!sniff_wide_unicode(head).empty()) return false;
    // A stray NUL or two (a broken export tool's padding) is not binary;
    // binary formats have them by the hundred.
    std::size_t control = 0;
    std::size_t nul = 0;
    for (unsigned char c : head) {
        if (c == 0) {
            ++nul;
        } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
    }
    return nul * 100 > std::max<std::size_t>(head.size(), 1000) || control * 20 > head.size();
}

Result<std::string> inflate_bounded(std::string_view in, int window_bits, std::uint64_t max_size,
                                    const InflateErrors& errors) {
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) return Error{ErrorCode::internal, "zlib could not start", ""};
    std::string out;
    std::array<char, 65536> buf;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return errors.broken;
        }
        out.append(buf.data(), buf.size() - zs.avail_out);
        if (out.size() > max_size) {
            inflateEnd(&zs);
            return errors.too_large;
        }
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
            inflateEnd(&zs);
            return errors.truncated;
        }
    }
    inflateEnd(&zs);
    return out;
}

Result<std::string> gunzip(std::string_view compressed, std::uint64_t max_size) {
    static const InflateErrors k_errors{
        Error{ErrorCode::not_html, "not a valid gzip file", ""},
        Error{ErrorCode::not_html, "gzip file is truncated", ""},
        Error{ErrorCode::too_large, "uncompressed page is larger than --max-size", ""},
    };
    return inflate_bounded(compressed, 16 + MAX_WBITS, max_size, k_errors); // 16 + MAX_WBITS: a gzip header
}

namespace {

// A WARC record's path, unless a file of that name exists.
bool warc_record(const std::filesystem::path& path, std::string& file, std::string& uri) {
    std::error_code ec;
    return split_record_path(path.string(), file, uri) && !std::filesystem::is_regular_file(path, ec);
}

} // namespace

PageReader::PageReader() = default;
PageReader::~PageReader() = default;

Result<std::string> PageReader::read(const std::filesystem::path& path, std::uint64_t max_size) {
    std::string file;
    std::string uri;
    if (!warc_record(path, file, uri)) return read_page(path, max_size);
    if (!m_warc) m_warc = std::make_unique<WarcCursor>();
    return m_warc->read(file, uri, max_size);
}

Result<std::string> read_page(const std::filesystem::path& path, std::uint64_t max_size) {
    {
        std::string file;
        std::string uri;
        if (warc_record(path, file, uri)) return WarcCursor().read(file, uri, max_size);
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return Error{ErrorCode::io, "cannot read: " + ec.message(), path.string()};
    if (size > max_size) {
        return Error{ErrorCode::too_large,
                     "file is " + std::to_string(size) + " bytes, over --max-size " + std::to_string(max_size),
                     path.string()};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::io, "cannot open", path.string()};
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    auto checked = check_page_bytes(std::move(bytes), text::ascii_lower(path.extension().string()) == ".gz", max_size);
    if (!checked) {
        Error e = checked.error();
        e.param = path.string();
        return e;
    }
    return checked;
}

Result<std::string> check_page_bytes(std::string bytes, bool gzipped, std::uint64_t max_size) {
    if (gzipped) {
        auto unpacked = gunzip(bytes, max_size);
        if (!unpacked) return unpacked.error();
        bytes = std::move(unpacked).value();
    }
    if (bytes.size() > max_size) return Error{ErrorCode::too_large, "page is larger than --max-size", ""};
    if (bytes.empty()) return Error{ErrorCode::empty_article, "file is empty", ""};
    if (looks_binary(bytes)) return Error{ErrorCode::not_html, "binary content, not an HTML page", ""};
    return bytes;
}

} // namespace oped::indexer
