#pragma once

// Bytes of a page to valid UTF-8. The order: a byte-order mark; UTF-16 or
// UTF-32 told by its zero bytes; then a charset declared in the first 8 KiB
// (<meta charset>, http-equiv Content-Type, XML declaration) unless the
// bytes contradict it (a page that declares UTF-16 or UTF-32 in ASCII, bytes
// invalid in the CJK charset named); then UTF-8 if the bytes are (mostly)
// valid UTF-8; else a guess: Shift_JIS, EUC-JP, EUC-KR, Big5 or GBK by
// validity and common characters (charset_detect.hpp), windows-1251 or
// KOI8-R, and windows-1252 last. Labels are read as browsers read them:
// ISO-8859-1, Latin-1 and US-ASCII mean windows-1252. Invalid sequences
// become U+FFFD and NUL bytes are dropped. Bytes that read as text in none
// of these are refused (`rejected` says why) rather than indexed as mojibake.
// Text that was UTF-8 read as Latin-1 or windows-1252 and saved again as
// UTF-8 ("itâ€™s" for "it’s") is repaired (repair_double_utf8).

#include <string>
#include <string_view>

namespace oped::indexer {

struct DecodedText {
    std::string utf8;
    std::string charset;  // what was used, lower case ("utf-8", "windows-1252", ...)
    std::string rejected; // why the bytes are not text, or empty (utf8 is then empty too)
};

DecodedText decode_to_utf8(std::string_view bytes);

// `utf8` with UTF-8 that was read as Latin-1 or windows-1252 and encoded
// again put back: a run of characters that stand for the bytes of one
// UTF-8 sequence ("â" U+0080 U+0099, or "â€™") becomes that character ("’").
// Repaired are runs with a byte in 0x80-0x9F, whose stand-ins (C1 controls,
// "€", "™", "’"...) never follow "â" or "Ã" in real text, and the pairs of
// "Â" or "Ã" and a sign of Latin-1's upper half ("Â£", "Ã©", "Ã¼"); "Ã"
// before a no-break space stays (Portuguese "IRMÃ"), and so does "ß" or "È"
// before a quote ("„Spaß“").
std::string repair_double_utf8(std::string_view utf8);

// The charset label declared in the page head, lower case, or empty.
std::string declared_charset(std::string_view bytes);

} // namespace oped::indexer
