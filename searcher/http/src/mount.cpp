#include <oped/http/mount.hpp>

#include <oped/common/text.hpp>

#include <array>
#include <cctype>

namespace oped::http {
namespace {

constexpr std::array<std::string_view, 4> k_link_attributes = {"href", "src", "action", "formaction"};

bool is_path_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("-._~/").find(c) != std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whether the attribute name that ends just before `equals` is a link's,
// and starts after white space (so "data-href" is not "href").
bool link_attribute_before(std::string_view html, std::size_t equals) {
    for (std::string_view name : k_link_attributes) {
        if (equals <= name.size()) continue;
        const std::size_t start = equals - name.size();
        if (html.substr(start, name.size()) == name && is_space(html[start - 1])) return true;
    }
    return false;
}

// The last item of a comma-separated header value, trimmed.
std::string_view last_item(std::string_view header) {
    if (const auto comma = header.rfind(','); comma != std::string_view::npos) header.remove_prefix(comma + 1);
    while (!header.empty() && is_space(header.front())) header.remove_prefix(1);
    while (!header.empty() && is_space(header.back())) header.remove_suffix(1);
    return header;
}

} // namespace

Result<std::string> parse_base_path(std::string_view text) {
    const auto bad = [&](const std::string& why) {
        return Error{ErrorCode::usage, "the base path must be a path like /archive: " + why, "base-path"};
    };
    if (text.size() > k_max_base_path_bytes) {
        return bad("it is longer than " + std::to_string(k_max_base_path_bytes) + " bytes");
    }
    if (text.empty() || text == "/") return std::string();
    if (text.front() != '/') return bad("it does not start with '/'");
    for (char c : text) {
        if (!is_path_char(c)) return bad("only letters, digits, '-', '.', '_', '~' and '/' may be in it");
    }
    while (text.size() > 1 && text.back() == '/') text.remove_suffix(1);
    for (std::size_t at = 1; at <= text.size();) {
        const auto end = std::min(text.find('/', at), text.size());
        const std::string_view segment = text.substr(at, end - at);
        if (segment.empty()) return bad("it has an empty segment ('//')");
        if (segment == "." || segment == "..") return bad("'.' and '..' are not allowed in it");
        at = end + 1;
    }
    return std::string(text);
}

std::string mount_links(std::string_view html, std::string_view base_path) {
    if (base_path.empty()) return std::string(html);
    std::string out;
    out.reserve(html.size() + html.size() / 16);
    std::size_t copied = 0;
    for (auto equals = html.find('='); equals != std::string_view::npos; equals = html.find('=', equals + 1)) {
        if (equals + 2 >= html.size()) break;
        const char quote = html[equals + 1];
        if ((quote != '"' && quote != '\'') || html[equals + 2] != '/') continue;
        if (equals + 3 < html.size() && html[equals + 3] == '/') continue; // "//host": another site
        if (!link_attribute_before(html, equals)) continue;
        out.append(html.substr(copied, equals + 2 - copied));
        out.append(base_path);
        copied = equals + 2;
    }
    out.append(html.substr(copied));
    return out;
}

bool is_host_and_port(std::string_view host) {
    if (host.empty() || host.size() > k_max_forwarded_bytes) return false;
    std::size_t at = 0;
    if (host.front() == '[') { // [IPv6]:port
        const auto close = host.find(']');
        if (close == std::string_view::npos || close == 1) return false;
        for (char c : host.substr(1, close - 1)) {
            if (std::isxdigit(static_cast<unsigned char>(c)) == 0 && c != ':' && c != '.') return false;
        }
        at = close + 1;
    } else {
        while (at < host.size() && host[at] != ':') {
            const char c = host[at];
            if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '.' && c != '-') return false;
            ++at;
        }
        if (at == 0) return false;
    }
    if (at == host.size()) return true;
    if (host[at] != ':' || at + 1 == host.size() || host.size() - at - 1 > 5) return false;
    for (char c : host.substr(at + 1)) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
    }
    return true;
}

std::string forwarded_scheme(std::string_view header) {
    if (header.size() > k_max_forwarded_bytes) return {};
    const std::string scheme = text::ascii_lower(last_item(header));
    return scheme == "http" || scheme == "https" ? scheme : std::string();
}

std::string forwarded_host(std::string_view header) {
    if (header.size() > k_max_forwarded_bytes) return {};
    const std::string_view host = last_item(header);
    return is_host_and_port(host) ? text::ascii_lower(host) : std::string();
}

} // namespace oped::http
