#include <oped/http/static_files.hpp>

#include <cstdint>
#include <cstdio>

namespace oped::http {
namespace {

constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;

bool is_space(char c) { return c == ' ' || c == '\t'; }

} // namespace

std::string entity_tag(std::string_view body) {
    std::uint64_t hash = k_fnv_offset;
    for (const char c : body) {
        hash ^= static_cast<unsigned char>(c);
        hash *= k_fnv_prime;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "\"%016llx-%zx\"", static_cast<unsigned long long>(hash), body.size());
    return buf;
}

bool none_match(std::string_view if_none_match, std::string_view etag) {
    const std::string_view opaque = etag.substr(etag.size() >= 2 && etag.substr(0, 2) == "W/" ? 2 : 0);
    std::size_t at = 0;
    const std::size_t n = if_none_match.size();
    while (at < n) {
        while (at < n && (is_space(if_none_match[at]) || if_none_match[at] == ',')) ++at;
        if (at == n) break;
        if (if_none_match[at] == '*') return true;
        if (if_none_match.substr(at, 2) == "W/") at += 2;
        if (at == n || if_none_match[at] != '"') return false;
        const std::size_t end = if_none_match.find('"', at + 1);
        if (end == std::string_view::npos) return false;
        if (if_none_match.substr(at, end + 1 - at) == opaque) return true;
        at = end + 1;
    }
    return false;
}

} // namespace oped::http
