#pragma once

// Guessing the charset of a page that does not say, or says wrong, from its
// bytes alone: UTF-16 and UTF-32 by where their zero bytes fall; the CJK
// multi-byte charsets by which one the bytes are valid in and how much of
// the text lands on each charset's common characters; Cyrillic single-byte
// text by its letters' byte range. Nothing here decodes.

#include <cstddef>
#include <string>
#include <string_view>

namespace oped::indexer {

// "utf-16le", "utf-16be", "utf-32le", "utf-32be" when the first 4 KiB have
// the zero bytes of mostly-ASCII text in that form (no byte-order mark
// needed), else empty.
std::string sniff_wide_unicode(std::string_view bytes);

// How well `bytes` read in one multi-byte charset.
struct CjkFit {
    std::size_t chars = 0;   // multi-byte (and half-width kana) characters
    std::size_t invalid = 0; // bytes that start no valid character
    std::size_t common = 0;  // characters in the charset's common repertoire
    double score = 0;        // common / chars, halved when the script does not fit (no kana in Japanese...)
    bool valid() const { return chars > 0 && invalid * 100 <= chars; }
};

// One of "shift_jis", "euc-jp", "euc-kr", "big5", "gb18030" (labels as
// normalise_charset_label gives them).
CjkFit measure_cjk(std::string_view bytes, std::string_view charset);

// The CJK charset the bytes most plausibly are in, or empty when none fits.
std::string guess_cjk(std::string_view bytes);

// "windows-1251" or "koi8-r" when the bytes over 0x7F are mostly Cyrillic
// letters in that charset, else empty.
std::string guess_cyrillic(std::string_view bytes);

// True when bytes over 0x7F are so many among the letters that no
// single-byte reading of them is text (random bytes, a charset we lack).
bool too_many_high_bytes(std::string_view bytes);

// True for the CJK multi-byte labels measure_cjk knows.
bool is_cjk_charset(std::string_view charset);

} // namespace oped::indexer
