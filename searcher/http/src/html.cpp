#include <oped/http/html.hpp>

#include <oped/common/text.hpp>

#include <array>

namespace oped::http::html {
namespace {

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

constexpr std::array<std::string_view, 7> k_snippet_tokens = {"<mark>", "</mark>", "&lt;", "&gt;",
                                                              "&amp;",  "&quot;",  "&#39;"};

constexpr std::array<const char*, 12> k_months = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

} // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    if (text::is_valid_utf8(text)) {
        text::append_html_escaped(out, text);
    } else {
        text::append_html_escaped(out, text::sanitize_utf8(text));
    }
    return out;
}

std::string xml_escape(std::string_view text) {
    const std::string valid = text::is_valid_utf8(text) ? std::string(text) : text::sanitize_utf8(text);
    std::string kept;
    kept.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const auto c = static_cast<unsigned char>(valid[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
        if (c == 0xEF && i + 2 < valid.size() && static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(valid[i + 2]) == 0xBE || static_cast<unsigned char>(valid[i + 2]) == 0xBF)) {
            i += 2;
            continue;
        }
        kept.push_back(valid[i]);
    }
    std::string out;
    out.reserve(kept.size() + kept.size() / 8);
    text::append_html_escaped(out, kept);
    return out;
}

std::string url_encode(std::string_view text) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(k_hex[c >> 4]);
            out.push_back(k_hex[c & 15]);
        }
    }
    return out;
}

std::string safe_snippet(std::string_view snippet) {
    const std::string valid = text::is_valid_utf8(snippet) ? std::string(snippet) : text::sanitize_utf8(snippet);
    std::string out;
    out.reserve(valid.size() + 16);
    int open_marks = 0;
    for (std::size_t i = 0; i < valid.size();) {
        bool kept = false;
        for (std::string_view token : k_snippet_tokens) {
            if (valid.compare(i, token.size(), token) != 0) continue;
            // Marks must nest properly, or they would leave one open.
            if (token == "<mark>" && open_marks > 0) break;
            if (token == "</mark>" && open_marks == 0) break;
            if (token == "<mark>") ++open_marks;
            if (token == "</mark>") --open_marks;
            out += token;
            i += token.size();
            kept = true;
            break;
        }
        if (kept) continue;
        text::append_html_escaped(out, std::string_view(valid).substr(i, 1));
        ++i;
    }
    if (open_marks > 0) out += "</mark>";
    return out;
}

std::string external_url(std::string_view url) {
    if (url.size() > 2048) return {};
    if (!text::starts_with_icase(url, "http://") && !text::starts_with_icase(url, "https://")) return {};
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return {};
    }
    return std::string(url);
}

std::string readable_date(std::string_view iso) {
    if (iso.size() >= 10 && digits(iso.substr(0, 4)) && iso[4] == '-' && digits(iso.substr(5, 2)) && iso[7] == '-' &&
        digits(iso.substr(8, 2))) {
        const int month = std::stoi(std::string(iso.substr(5, 2)));
        const int day = std::stoi(std::string(iso.substr(8, 2)));
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            return std::to_string(day) + " " + k_months[month - 1] + " " + std::string(iso.substr(0, 4));
        }
    }
    if (iso.size() == 7 && digits(iso.substr(0, 4)) && iso[4] == '-' && digits(iso.substr(5, 2))) {
        const int month = std::stoi(std::string(iso.substr(5, 2)));
        if (month >= 1 && month <= 12) return std::string(k_months[month - 1]) + " " + std::string(iso.substr(0, 4));
    }
    return std::string(iso);
}

Writer& Writer::open(std::string_view tag, std::initializer_list<Attr> attrs) {
    m_out.push_back('<');
    m_out += tag;
    attributes(attrs.begin(), attrs.end());
    m_out.push_back('>');
    return *this;
}

Writer& Writer::open(std::string_view tag, const std::vector<Attr>& attrs) {
    m_out.push_back('<');
    m_out += tag;
    attributes(attrs.data(), attrs.data() + attrs.size());
    m_out.push_back('>');
    return *this;
}

Writer& Writer::close(std::string_view tag) {
    m_out += "</";
    m_out += tag;
    m_out.push_back('>');
    return *this;
}

Writer& Writer::element(std::string_view tag, std::initializer_list<Attr> attrs, std::string_view content) {
    return open(tag, attrs).text(content).close(tag);
}

Writer& Writer::text(std::string_view content) {
    m_out += escape(content);
    return *this;
}

Writer& Writer::raw(std::string_view markup) {
    m_out += markup;
    return *this;
}

void Writer::attributes(const Attr* begin, const Attr* end) {
    for (const Attr* a = begin; a != end; ++a) {
        m_out.push_back(' ');
        m_out += a->name;
        m_out += "=\"";
        m_out += escape(a->value);
        m_out.push_back('"');
    }
}

Reply page_reply(std::string body, int status) {
    return Reply{status, "text/html; charset=utf-8", std::move(body), {}};
}

} // namespace oped::http::html
