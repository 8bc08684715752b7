#include "support/gzip.hpp"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace oped::test {

std::string gzip(std::string_view bytes) {
    z_stream zs{};
    // 16 + MAX_WBITS: write a gzip header and trailer rather than zlib's.
    if (deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    std::string out;
    std::array<char, 65536> buf;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = deflate(&zs, Z_FINISH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            deflateEnd(&zs);
            throw std::runtime_error("deflate failed");
        }
        out.append(buf.data(), buf.size() - zs.avail_out);
    }
    deflateEnd(&zs);
    return out;
}

} // namespace oped::test
