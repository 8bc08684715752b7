#include "request_screen.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace oped::http {
namespace {

bool has_control_character(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

bool has_body(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding")) return true;
    const std::string length = req.get_header_value("Content-Length");
    return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

// The size of the file a GET of `path` would be served from, if any (the
// same mapping as httplib's mount of web_dir at "/").
std::optional<std::uintmax_t> static_file_size(const std::string& web_dir, const std::string& path) {
    if (web_dir.empty() || path.empty() || path.front() != '/') return std::nullopt;
    if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos) return std::nullopt;
    std::filesystem::path file = web_dir + path;
    if (path.back() == '/') file /= "index.html";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return std::nullopt;
    return size;
}

void drop_ranges(httplib::Request& req) {
    req.ranges.clear();
    req.headers.erase("Range");
}

// httplib has parsed the header into (first, last) pairs, -1 for "absent":
// (a, -1) is "a to the end", (-1, n) "the last n bytes".
std::optional<Refusal> settle_ranges(httplib::Request& req, const RequestScreen& screen) {
    if (req.ranges.empty()) return std::nullopt;
    const auto size = req.method == "GET" ? static_file_size(screen.web_dir, req.path) : std::nullopt;
    if (!size || req.ranges.size() != 1) {
        drop_ranges(req);
        return std::nullopt;
    }
    auto& [first, last] = req.ranges.front();
    const auto n = static_cast<ssize_t>(*size);
    const bool satisfiable = first < 0 ? last > 0 && n > 0 : first < n && (last < 0 || first <= last);
    if (!satisfiable) {
        drop_ranges(req);
        return Refusal{416, "the file has no such range of bytes", {{"Content-Range", "bytes */" + std::to_string(n)}}};
    }
    if (first >= 0 && last >= n) last = n - 1;
    return std::nullopt;
}

// The query of a request target ("?a=b", or ""), for a Location header:
// bytes outside printable ASCII percent-encoded.
std::string query_of(const std::string& target) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    const auto mark = target.find('?');
    if (mark == std::string::npos) return {};
    std::string out;
    for (char c : target.substr(mark)) {
        const auto u = static_cast<unsigned char>(c);
        if (u > 0x20 && u < 0x7f) {
            out.push_back(c);
        } else {
            out += {'%', k_hex[u >> 4], k_hex[u & 15]};
        }
    }
    return out;
}

std::optional<Refusal> mount(httplib::Request& req, const std::string& base) {
    if (base.empty()) return std::nullopt;
    if (req.path.size() > base.size() && req.path.compare(0, base.size(), base) == 0 && req.path[base.size()] == '/') {
        req.path.erase(0, base.size());
        return std::nullopt;
    }
    if (req.path == base) {
        return Refusal{301, "the archive is at " + base + "/", {{"Location", base + "/" + query_of(req.target)}}};
    }
    return Refusal{404, "There is no page at this address: the archive is at " + base + "/.", {}};
}

} // namespace

std::optional<Refusal> screen_request(httplib::Request& req, const RequestScreen& screen, bool& close) {
    if (req.method != "GET" && req.method != "HEAD") {
        close = true;
        drop_ranges(req);
        const std::string length = req.get_header_value("Content-Length");
        if (length.find_first_not_of("0123456789") != std::string::npos) {
            return Refusal{400, "Content-Length is not a number", {}};
        }
        if (length.size() > 18 || (!length.empty() && std::stoull(length) > screen.max_body_bytes)) {
            return Refusal{413, "the request body is too large", {}};
        }
        return Refusal{405, "only GET and HEAD are served", {{"Allow", "GET, HEAD"}}};
    }
    if (has_body(req)) {
        close = true;
        drop_ranges(req);
        return Refusal{400, "a GET or HEAD request has no body", {}};
    }
    if (has_control_character(req.path)) {
        drop_ranges(req);
        return Refusal{400, "the path holds a control character", {}};
    }
    if (auto outside = mount(req, screen.base_path)) {
        drop_ranges(req);
        return outside;
    }
    return settle_ranges(req, screen);
}

} // namespace oped::http
