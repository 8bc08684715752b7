#include <oped/common/text.hpp>

#include <xapian.h>

#include <algorithm>
#include <cctype>

namespace oped::text {

void append_utf8(std::string& out, char32_t cp) {
    char buf[4];
    const unsigned n = Xapian::Unicode::nonascii_to_utf8(static_cast<unsigned>(cp), buf);
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else {
        out.append(buf, n);
    }
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    char32_t cp = b0 & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = valid_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string sanitize_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = valid_sequence_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(s.data() + i, n);
            i += n;
        }
    }
    return out;
}

// Bytes below 0x80 are read in place: every UTF-8 sequence is made of bytes
// of 0x80 and over, so a run of those is decoded alone exactly as it would be
// within the whole string (a broken sequence reads as single bytes either
// way). Xapian counts every control character, U+0000..U+0020 and U+007F, as
// white space.
namespace {

bool is_ascii_space(unsigned char c) { return c <= 0x20 || c == 0x7F; }

std::size_t non_ascii_run_end(std::string_view s, std::size_t i) {
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;
    return i;
}

} // namespace

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            if (is_ascii_space(c)) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.push_back(static_cast<char>(c));
            continue;
        }
        const std::size_t end_of_run = non_ascii_run_end(s, i);
        for (Xapian::Utf8Iterator it(s.data() + i, end_of_run - i), end; it != end; ++it) {
            const unsigned cp = *it;
            if (Xapian::Unicode::is_whitespace(cp) || cp == 0xA0 || cp == 0x200B || cp == 0xFEFF) {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out.push_back(' ');
            pending_space = false;
            append_utf8(out, cp);
        }
        i = end_of_run;
    }
    return out;
}

std::string fold_case(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
            ++i;
            continue;
        }
        const std::size_t end_of_run = non_ascii_run_end(s, i);
        for (Xapian::Utf8Iterator it(s.data() + i, end_of_run - i), end; it != end; ++it) {
            append_utf8(out, static_cast<char32_t>(Xapian::Unicode::tolower(*it)));
        }
        i = end_of_run;
    }
    return out;
}

std::string fold_for_match(std::string_view s) {
    // The base letter of U+00C0..U+017F once lower-cased (long s is s), or
    // '*' for a letter kept as it is (ae, thorn, sharp s, ij, kra, eng, oe;
    // the signs x and /).
    static constexpr std::string_view k_latin1 = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
    static constexpr std::string_view k_extended_a =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkk*llllllllll"
        "nnnnnn***oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    static_assert(k_latin1.size() == 0x100 - 0xC0 && k_extended_a.size() == 0x180 - 0x100);
    std::string out;
    out.reserve(s.size());
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) {
        const unsigned cp = Xapian::Unicode::tolower(*it);
        char base = '*';
        if (cp >= 0xC0 && cp < 0x100) base = k_latin1[cp - 0xC0];
        if (cp >= 0x100 && cp < 0x180) base = k_extended_a[cp - 0x100];
        if (base == '*') {
            append_utf8(out, static_cast<char32_t>(cp));
        } else {
            out.push_back(base);
        }
    }
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

std::size_t char_start(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

std::string head_of(std::string_view s, std::size_t n) {
    if (s.size() <= n) return std::string(s);
    return std::string(s.substr(0, char_start(s, n)));
}

void append_html_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

} // namespace oped::text
