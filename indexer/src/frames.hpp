#pragma once

// The wire format between the indexer and its extraction workers, over a
// Unix stream socket: each message is a 4-byte little-endian length, then
// that many bytes.
//
// request: 8-byte little-endian max_size, then the page's path
// hello:   'R'                                    the worker is ready (sent once, first)
// reply:   'A' + encode_article(article)          the page's Article
//          'E' + error_name(code) + '\0' + message  the page failed
//          'M'                                    out of memory; the worker exits

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oped::indexer::frames {

inline constexpr char k_ready = 'R';
inline constexpr char k_article = 'A';
inline constexpr char k_error = 'E';
inline constexpr char k_out_of_memory = 'M';

std::string encode(std::string_view payload);

// Bytes still missing before `buffer` holds a whole message; 0 when it does.
std::size_t missing(std::string_view buffer);
// The first message's payload; `buffer` must hold it whole (missing() == 0).
std::string_view payload(std::string_view buffer);

std::string request(const std::string& path, std::uint64_t max_size);
struct Request {
    std::string path;
    std::uint64_t max_size = 0;
};
std::optional<Request> parse_request(std::string_view payload);

// Blocking helpers for the worker's side: a whole message or nothing (end of
// stream or an error); write everything or fail.
std::optional<std::string> read_message(int fd);
bool write_all(int fd, std::string_view bytes);

} // namespace oped::indexer::frames
