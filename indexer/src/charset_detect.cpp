#include <oped/indexer/charset_detect.hpp>

#include <array>

namespace oped::indexer {
namespace {

constexpr std::size_t k_sniff_bytes = 4096;

enum class Kind { ascii, common, rare, kana, hangul, invalid };

struct Char {
    std::size_t length;
    Kind kind;
};

bool in(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

unsigned char at(std::string_view s, std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

// windows-31j, the web's Shift_JIS.
Char sjis_char(std::string_view s, std::size_t i) {
    const unsigned char b = at(s, i);
    if (b < 0x80) return {1, Kind::ascii};
    if (in(b, 0xA1, 0xDF)) return {1, Kind::rare}; // half-width katakana
    if (!in(b, 0x81, 0x9F) && !in(b, 0xE0, 0xFC)) return {1, Kind::invalid};
    const unsigned char t = at(s, i + 1);
    if (!in(t, 0x40, 0x7E) && !in(t, 0x80, 0xFC)) return {1, Kind::invalid};
    if (b == 0x81) return {2, Kind::common};                          // punctuation
    if (b == 0x82) return {2, t >= 0x9F ? Kind::kana : Kind::common}; // hiragana; full-width letters
    if (b == 0x83) return {2, t <= 0x96 ? Kind::kana : Kind::common}; // katakana; Greek
    if (in(b, 0x88, 0x98)) return {2, Kind::common};                  // level-1 kanji
    return {2, Kind::rare};
}

Char euc_jp_char(std::string_view s, std::size_t i) {
    const unsigned char b = at(s, i);
    if (b < 0x80) return {1, Kind::ascii};
    if (b == 0x8E) return in(at(s, i + 1), 0xA1, 0xDF) ? Char{2, Kind::rare} : Char{1, Kind::invalid};
    if (b == 0x8F) {
        return in(at(s, i + 1), 0xA1, 0xFE) && in(at(s, i + 2), 0xA1, 0xFE) ? Char{3, Kind::rare}
                                                                            : Char{1, Kind::invalid};
    }
    if (!in(b, 0xA1, 0xFE) || !in(at(s, i + 1), 0xA1, 0xFE)) return {1, Kind::invalid};
    if (b == 0xA4 || b == 0xA5) return {2, Kind::kana};
    if (in(b, 0xA1, 0xA3) || in(b, 0xB0, 0xCF)) return {2, Kind::common}; // punctuation, level-1 kanji
    return {2, Kind::rare};
}

// windows-949, the web's EUC-KR: EUC-KR plus the extra Hangul below 0xA1.
Char euc_kr_char(std::string_view s, std::size_t i) {
    const unsigned char b = at(s, i);
    if (b < 0x80) return {1, Kind::ascii};
    const unsigned char t = at(s, i + 1);
    if (in(b, 0xA1, 0xFE) && in(t, 0xA1, 0xFE)) {
        if (b == 0xC9 || b == 0xFE) return {1, Kind::invalid}; // user-defined rows
        if (in(b, 0xB0, 0xC8)) return {2, Kind::hangul};
        if (in(b, 0xA1, 0xA3)) return {2, Kind::common};
        return {2, Kind::rare};
    }
    if (in(b, 0x81, 0xC6) && (in(t, 0x41, 0x5A) || in(t, 0x61, 0x7A) || in(t, 0x81, 0xFE))) {
        return {2, Kind::rare}; // Hangul syllables outside KS X 1001
    }
    return {1, Kind::invalid};
}

Char big5_char(std::string_view s, std::size_t i) {
    const unsigned char b = at(s, i);
    if (b < 0x80) return {1, Kind::ascii};
    const unsigned char t = at(s, i + 1);
    if (!in(b, 0x81, 0xFE) || (!in(t, 0x40, 0x7E) && !in(t, 0xA1, 0xFE))) return {1, Kind::invalid};
    if (in(b, 0xA1, 0xA2) || (b == 0xA3 && t <= 0xBF)) return {2, Kind::common};  // punctuation
    if (in(b, 0xA4, 0xC5) || (b == 0xC6 && t <= 0x7E)) return {2, Kind::common};  // level-1 hanzi
    if ((b == 0xC6 && t >= 0xA1) || in(b, 0xC7, 0xC8)) return {1, Kind::invalid}; // reserved
    return {2, Kind::rare};
}

// GBK as GB18030 reads it, four-byte forms included.
Char gb18030_char(std::string_view s, std::size_t i) {
    const unsigned char b = at(s, i);
    if (b < 0x80) return {1, Kind::ascii};
    if (!in(b, 0x81, 0xFE)) return {1, Kind::invalid};
    const unsigned char t = at(s, i + 1);
    if (in(t, 0x30, 0x39)) {
        return in(at(s, i + 2), 0x81, 0xFE) && in(at(s, i + 3), 0x30, 0x39) ? Char{4, Kind::rare}
                                                                            : Char{1, Kind::invalid};
    }
    if (!in(t, 0x40, 0x7E) && !in(t, 0x80, 0xFE)) return {1, Kind::invalid};
    if (t >= 0xA1 && (in(b, 0xA1, 0xA3) || in(b, 0xB0, 0xD7))) return {2, Kind::common}; // GB2312 level 1
    return {2, Kind::rare};
}

using Reader = Char (*)(std::string_view, std::size_t);

Reader reader_for(std::string_view charset) {
    if (charset == "shift_jis") return sjis_char;
    if (charset == "euc-jp") return euc_jp_char;
    if (charset == "euc-kr") return euc_kr_char;
    if (charset == "big5") return big5_char;
    if (charset == "gb18030") return gb18030_char;
    return nullptr;
}

} // namespace

std::string sniff_wide_unicode(std::string_view bytes) {
    const auto head = bytes.substr(0, k_sniff_bytes - k_sniff_bytes % 4);
    if (head.size() < 16) return {};
    std::array<std::size_t, 4> zeros{};
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (head[i] == '\0') ++zeros[i % 4];
    }
    const std::size_t quads = head.size() / 4;
    const auto most = [quads](std::size_t n) { return n * 10 >= quads * 9; };
    const auto few = [quads](std::size_t n) { return n * 10 <= quads; };
    if (most(zeros[2]) && most(zeros[3]) && few(zeros[0])) return "utf-32le";
    if (most(zeros[0]) && most(zeros[1]) && few(zeros[3])) return "utf-32be";
    // UTF-16: the high byte of every ASCII character is zero. Markup makes at
    // least a third of a page ASCII even in CJK text.
    const std::size_t even = zeros[0] + zeros[2];
    const std::size_t odd = zeros[1] + zeros[3];
    const std::size_t pairs = head.size() / 2;
    if (odd * 3 >= pairs && even * 20 <= pairs) return "utf-16le";
    if (even * 3 >= pairs && odd * 20 <= pairs) return "utf-16be";
    return {};
}

bool is_cjk_charset(std::string_view charset) { return reader_for(charset) != nullptr; }

CjkFit measure_cjk(std::string_view bytes, std::string_view charset) {
    CjkFit fit;
    const Reader read = reader_for(charset);
    if (read == nullptr) return fit;
    std::size_t kana = 0;
    std::size_t hangul = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const Char c = read(bytes, i);
        i += c.length;
        if (c.kind == Kind::ascii) continue;
        if (c.kind == Kind::invalid) {
            ++fit.invalid;
            continue;
        }
        ++fit.chars;
        if (c.kind == Kind::kana) ++kana;
        if (c.kind == Kind::hangul) ++hangul;
        if (c.kind != Kind::rare) ++fit.common;
    }
    if (fit.chars == 0) return fit;
    fit.score = static_cast<double>(fit.common) / static_cast<double>(fit.chars);
    // Japanese prose is never without kana, Korean never mostly without Hangul.
    const bool japanese = charset == "shift_jis" || charset == "euc-jp";
    if (japanese && kana * 20 < fit.chars) fit.score /= 2;
    if (charset == "euc-kr" && hangul * 2 < fit.chars) fit.score /= 2;
    return fit;
}

std::string guess_cjk(std::string_view bytes) {
    // On a tie the earlier wins: Korean read as GBK is also "common" GBK.
    constexpr std::array<std::string_view, 5> k_candidates{"shift_jis", "euc-jp", "euc-kr", "big5", "gb18030"};
    std::string best;
    double best_score = 0.6; // below this, no candidate reads as text
    for (auto charset : k_candidates) {
        const CjkFit fit = measure_cjk(bytes, charset);
        if (fit.valid() && fit.score > best_score) {
            best = std::string(charset);
            best_score = fit.score;
        }
    }
    return best;
}

std::string guess_cyrillic(std::string_view bytes) {
    std::size_t high = 0;
    std::size_t c0_df = 0;
    std::size_t e0_ff = 0;
    for (unsigned char c : bytes) {
        if (c < 0x80) continue;
        ++high;
        if (c >= 0xE0) {
            ++e0_ff;
        } else if (c >= 0xC0) {
            ++c0_df;
        }
    }
    if (high == 0 || (c0_df + e0_ff) * 10 < high * 9) return {};
    // Lower case is most of any prose: 0xE0-0xFF in windows-1251, 0xC0-0xDF in KOI8-R.
    return e0_ff >= c0_df ? "windows-1251" : "koi8-r";
}

bool too_many_high_bytes(std::string_view bytes) {
    std::size_t high = 0;
    std::size_t letters = 0;
    for (unsigned char c : bytes) {
        if (c >= 0x80) {
            ++high;
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            ++letters;
        }
    }
    // Accented letters are a few percent of any Latin-script text.
    return high * 10 > (high + letters) * 3;
}

} // namespace oped::indexer
