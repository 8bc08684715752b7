#include <oped/indexer/charset.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/charset_detect.hpp>

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>

namespace oped::indexer {
namespace {

// windows-1252 0x80-0x9F; 0 marks the five undefined bytes (kept as C1).
constexpr std::array<char16_t, 32> k_cp1252_high{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                 0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string decode_cp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0xA0 && k_cp1252_high[c - 0x80] != 0) {
            text::append_utf8(out, k_cp1252_high[c - 0x80]);
        } else {
            text::append_utf8(out, c);
        }
    }
    return out;
}

std::string decode_utf16(std::string_view bytes, bool little_endian) {
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const auto lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
        const auto hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
        char32_t cp = static_cast<char32_t>(hi << 8 | lo);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const auto lo2 = static_cast<unsigned char>(bytes[i + 2 + (little_endian ? 0 : 1)]);
            const auto hi2 = static_cast<unsigned char>(bytes[i + 2 + (little_endian ? 1 : 0)]);
            const char32_t low = static_cast<char32_t>(hi2 << 8 | lo2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        text::append_utf8(out, cp);
    }
    return out;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Any other charset through glibc's iconv; empty optional-like result on an
// unknown label (the caller falls back).
bool decode_iconv(std::string_view bytes, const std::string& charset, std::string& out) {
    iconv_t raw = iconv_open("UTF-8", charset.c_str());
    // iconv_open's documented failure value.
    if (raw == reinterpret_cast<iconv_t>(-1)) return false; // NOLINT(performance-no-int-to-ptr)
    std::unique_ptr<void, IconvCloser> cd(raw);
    out.clear();
    out.reserve(bytes.size() * 2);
    std::string in(bytes);
    char* inp = in.data();
    std::size_t inleft = in.size();
    std::array<char, 16384> buf;
    while (inleft > 0) {
        char* outp = buf.data();
        std::size_t outleft = buf.size();
        const std::size_t rc = iconv(raw, &inp, &inleft, &outp, &outleft);
        out.append(buf.data(), buf.size() - outleft);
        if (rc == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) continue;
            // Invalid or incomplete sequence: replace one byte and go on.
            out += "\xEF\xBF\xBD";
            ++inp;
            --inleft;
            iconv(raw, nullptr, nullptr, nullptr, nullptr);
        }
    }
    return true;
}

std::string normalise_label(std::string label) {
    label = text::ascii_lower(text::collapse_space(label));
    while (!label.empty() && (label.back() == '"' || label.back() == '\'' || label.back() == ';')) label.pop_back();
    while (!label.empty() && (label.front() == '"' || label.front() == '\'')) label.erase(0, 1);
    if (label == "utf8" || label == "unicode-1-1-utf-8" || label == "x-unicode20utf8") return "utf-8";
    if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "latin-1" || label == "l1" ||
        label == "us-ascii" || label == "ascii" || label == "cp1252" || label == "x-cp1252" || label == "iso_8859-1" ||
        label == "cp819" || label == "ibm819") {
        return "windows-1252";
    }
    if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "gb18030";
    if (label == "shift-jis" || label == "sjis" || label == "x-sjis" || label == "windows-31j" || label == "cp932" ||
        label == "ms_kanji" || label == "csshiftjis") {
        return "shift_jis";
    }
    if (label == "x-euc-jp" || label == "cseucpkdfmtjapanese") return "euc-jp";
    if (label == "windows-949" || label == "ks_c_5601-1987" || label == "cseuckr" || label == "korean") return "euc-kr";
    if (label == "big5-hkscs" || label == "cn-big5" || label == "x-x-big5" || label == "csbig5") return "big5";
    return label;
}

// Find `charset=` after `from`, return the label up to a delimiter.
std::string label_after(std::string_view lower, std::size_t from) {
    auto pos = lower.find("charset", from);
    if (pos == std::string_view::npos) return {};
    pos += 7;
    while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '\t')) ++pos;
    if (pos >= lower.size() || lower[pos] != '=') return {};
    ++pos;
    while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '"' || lower[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < lower.size() && lower[end] != '"' && lower[end] != '\'' && lower[end] != ';' && lower[end] != '>' &&
           lower[end] != ' ' && lower[end] != '/') {
        ++end;
    }
    return std::string(lower.substr(pos, end - pos));
}

} // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string lower = text::ascii_lower(bytes.substr(0, 8192));
    if (lower.starts_with("<?xml")) {
        const auto end = lower.find("?>");
        const auto enc = lower.find("encoding", 0);
        if (enc != std::string::npos && enc < end) {
            auto q = lower.find_first_of("\"'", enc);
            if (q != std::string::npos) {
                const auto q2 = lower.find(lower[q], q + 1);
                if (q2 != std::string::npos) return normalise_label(lower.substr(q + 1, q2 - q - 1));
            }
        }
    }
    for (std::size_t pos = lower.find("<meta"); pos != std::string::npos; pos = lower.find("<meta", pos + 5)) {
        const auto end = lower.find('>', pos);
        if (end == std::string::npos) break;
        const std::string_view tag(lower.data() + pos, end - pos);
        if (tag.find("charset") == std::string_view::npos) continue;
        std::string label = label_after(tag, 0);
        if (!label.empty()) return normalise_label(label);
    }
    return {};
}

namespace {

// The iconv name for a label measure_cjk knows: the web's supersets.
const char* iconv_name(const std::string& charset) {
    if (charset == "shift_jis") return "CP932";
    if (charset == "euc-kr") return "CP949";
    if (charset == "big5") return "BIG5-HKSCS";
    return charset.c_str();
}

DecodedText decode_as(std::string_view bytes, const std::string& charset) {
    if (charset == "windows-1252") return {decode_cp1252(bytes), charset, {}};
    if (charset == "utf-16le" || charset == "utf-16be")
        return {decode_utf16(bytes, charset == "utf-16le"), charset, {}};
    std::string out;
    if (decode_iconv(bytes, iconv_name(charset), out)) return {text::sanitize_utf8(out), charset, {}};
    return {decode_cp1252(bytes), "windows-1252", {}};
}

// Bytes that are not UTF-8 and carry no usable declaration.
DecodedText decode_undeclared(std::string_view bytes) {
    if (const std::string cjk = guess_cjk(bytes); !cjk.empty()) return decode_as(bytes, cjk);
    if (const std::string cyrillic = guess_cyrillic(bytes); !cyrillic.empty()) return decode_as(bytes, cyrillic);
    if (too_many_high_bytes(bytes)) {
        return {{},
                {},
                "the bytes are in no charset oped can tell: not UTF-8, not a CJK or Cyrillic charset, and too "
                "many bytes over 0x7F for text in windows-1252"};
    }
    return {decode_cp1252(bytes), "windows-1252", {}};
}

// A page that is mostly valid UTF-8 with a few bad bytes stays UTF-8 (bad
// bytes replaced); one with few valid multi-byte sequences is not UTF-8.
bool mostly_utf8(std::string_view bytes, std::string& sanitized) {
    std::size_t multibyte = 0;
    for (unsigned char c : bytes) {
        if (c >= 0xC2 && c <= 0xF4) ++multibyte;
    }
    sanitized = text::sanitize_utf8(bytes);
    std::size_t replaced = 0;
    for (auto pos = sanitized.find("\xEF\xBF\xBD"); pos != std::string::npos;
         pos = sanitized.find("\xEF\xBF\xBD", pos + 3)) {
        ++replaced;
    }
    return replaced * 2 <= multibyte;
}

// The code point at s[i] of valid UTF-8, and its length in bytes (1 for a
// stray byte, read as itself).
char32_t read_code_point(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b = static_cast<unsigned char>(s[i]);
    len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (b < 0xC0 || i + len > s.size()) {
        len = 1;
        return b;
    }
    char32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// The byte a character stands for in UTF-8 read as windows-1252 or Latin-1:
// U+0080-U+00FF their own byte, windows-1252's letters in 0x80-0x9F ("€",
// "™", "’") theirs; -1 for any other.
int misread_byte(char32_t cp) {
    if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
    for (std::size_t k = 0; k < k_cp1252_high.size(); ++k) {
        if (k_cp1252_high[k] != 0 && k_cp1252_high[k] == cp) return static_cast<int>(0x80 + k);
    }
    return -1;
}

// The length of the UTF-8 sequence that `lead`, read as Latin-1, began; 0
// when it is no likely lead. Of two-byte leads only those of Latin-1's own
// letters, Latin Extended-A, Greek and Cyrillic count ("Ã©", "Å‚", "Ð¿"):
// "ß" or "È" before a closing quote ("„Spaß“", 0xDF 0x93) is real text that
// happens to read as valid UTF-8.
std::size_t misread_sequence_size(char32_t lead) {
    switch (lead) {
        case 0xC2:
        case 0xC3:
        case 0xC4:
        case 0xC5:
        case 0xCE:
        case 0xCF:
        case 0xD0:
        case 0xD1:
            return 2;
        default:
            break;
    }
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

bool is_wide_unicode(const std::string& label) { return label.starts_with("utf-16") || label.starts_with("utf-32"); }

DecodedText decode_bytes(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return {text::sanitize_utf8(bytes.substr(3)), "utf-8", {}};
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return decode_as(bytes.substr(4), "utf-32le");
    if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return decode_as(bytes.substr(4), "utf-32be");
    if (bytes.starts_with("\xFF\xFE")) return decode_as(bytes.substr(2), "utf-16le");
    if (bytes.starts_with("\xFE\xFF")) return decode_as(bytes.substr(2), "utf-16be");
    if (const std::string wide = sniff_wide_unicode(bytes); !wide.empty()) return decode_as(bytes, wide);

    std::string declared = declared_charset(bytes);
    // A declaration the bytes contradict loses: a page that could be read
    // to find its "utf-16" label is not UTF-16, and bytes invalid in the
    // multi-byte charset they name are not in it.
    if (is_wide_unicode(declared)) declared.clear();
    if (is_cjk_charset(declared) && !measure_cjk(bytes, declared).valid()) declared.clear();
    const bool valid_utf8 = text::is_valid_utf8(bytes);
    if (declared == "utf-8" || declared.empty()) {
        if (valid_utf8) return {std::string(bytes), "utf-8", {}};
        std::string sanitized;
        if (mostly_utf8(bytes, sanitized)) return {std::move(sanitized), "utf-8", {}};
        return decode_undeclared(bytes);
    }
    // Pages saved as UTF-8 keep their old label (gb2312, Latin-1) often; text
    // in a legacy charset that is also valid UTF-8 with multi-byte sequences
    // is vanishingly rare, so such bytes are read as UTF-8 whatever the label.
    if (valid_utf8 &&
        bytes.find_first_of("\xC2\xC3\xC4\xC5\xCE\xD0\xD1\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9\xEA\xEB\xEC\xED\xEF") !=
            std::string_view::npos) {
        return {std::string(bytes), "utf-8", {}};
    }
    if (declared == "windows-1252") return {decode_cp1252(bytes), "windows-1252", {}};
    std::string out;
    if (decode_iconv(bytes, iconv_name(declared), out)) return {text::sanitize_utf8(out), declared, {}};
    if (valid_utf8) return {std::string(bytes), "utf-8", {}};
    return decode_undeclared(bytes);
}

} // namespace

std::string repair_double_utf8(std::string_view s) {
    // Every misread lead byte (0xC2-0xF4) is a character U+00C2-U+00F4,
    // written C3 82 to C3 B4.
    if (s.find('\xC3') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 0;
        const char32_t lead = read_code_point(s, i, len);
        if (const std::size_t size = misread_sequence_size(lead); size > 0) {
            std::string bytes(1, static_cast<char>(lead));
            bool control_byte = false; // a byte in 0x80-0x9F: never a character of Latin-1 text
            std::size_t j = i + len;
            while (bytes.size() < size && j < s.size()) {
                std::size_t next_len = 0;
                const int b = misread_byte(read_code_point(s, j, next_len));
                if (b < 0x80 || b > 0xBF) break;
                control_byte = control_byte || b < 0xA0;
                bytes.push_back(static_cast<char>(b));
                j += next_len;
            }
            // "Â" or "Ã" before a sign of Latin-1's upper half ("Â£", "Ã©",
            // "Ã¼") is no pair of real text either; "Ã" and a no-break space
            // may be ("IRMÃ" then a space).
            const auto second = bytes.size() > 1 ? static_cast<unsigned char>(bytes[1]) : 0;
            const bool latin1_pair = size == 2 && (lead == 0xC2 || (lead == 0xC3 && second != 0xA0));
            if (bytes.size() == size && (control_byte || latin1_pair) && text::is_valid_utf8(bytes)) {
                out += bytes;
                i = j;
                continue;
            }
        }
        out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

DecodedText decode_to_utf8(std::string_view bytes) {
    DecodedText decoded = decode_bytes(bytes);
    decoded.utf8 = repair_double_utf8(decoded.utf8);
    // libxml2 ends the document at a NUL, silently: the text after it would
    // be lost. NUL is no character of any page's text.
    decoded.utf8.erase(std::remove(decoded.utf8.begin(), decoded.utf8.end(), '\0'), decoded.utf8.end());
    return decoded;
}

} // namespace oped::indexer
