#include "frames.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace oped::indexer::frames {
namespace {

constexpr std::size_t k_header = 4;

void put_le(std::string& out, std::uint64_t n, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
}

std::uint64_t get_le(std::string_view in, int bytes) {
    std::uint64_t n = 0;
    for (int i = 0; i < bytes; ++i) n |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    return n;
}

} // namespace

std::string encode(std::string_view payload) {
    std::string out;
    out.reserve(k_header + payload.size());
    put_le(out, payload.size(), k_header);
    out += payload;
    return out;
}

std::size_t missing(std::string_view buffer) {
    if (buffer.size() < k_header) return k_header - buffer.size();
    const std::size_t whole = k_header + get_le(buffer, k_header);
    return buffer.size() >= whole ? 0 : whole - buffer.size();
}

std::string_view payload(std::string_view buffer) { return buffer.substr(k_header, get_le(buffer, k_header)); }

std::string request(const std::string& path, std::uint64_t max_size) {
    std::string out;
    put_le(out, max_size, 8);
    out += path;
    return encode(out);
}

std::optional<Request> parse_request(std::string_view message) {
    if (message.size() < 8) return std::nullopt;
    return Request{std::string(message.substr(8)), get_le(message, 8)};
}

std::optional<std::string> read_message(int fd) {
    std::string buffer;
    for (std::size_t need = missing(buffer); need > 0; need = missing(buffer)) {
        const std::size_t had = buffer.size();
        buffer.resize(had + need);
        const ssize_t n = ::read(fd, buffer.data() + had, need);
        if (n < 0 && errno == EINTR) {
            buffer.resize(had);
            continue;
        }
        if (n <= 0) return std::nullopt;
        buffer.resize(had + static_cast<std::size_t>(n));
    }
    return std::string(payload(buffer));
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        // MSG_NOSIGNAL: a peer that died is an error here, not a SIGPIPE.
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace oped::indexer::frames
