#pragma once

// Bytes of a page to valid UTF-8. The order: a byte-order mark; then a
// charset declared in the first 8 KiB (<meta charset>, http-equiv
// Content-Type, XML declaration); then UTF-8 if the bytes are valid UTF-8;
// else windows-1252. Labels are read as browsers read them: ISO-8859-1,
// Latin-1 and US-ASCII mean windows-1252; a declared UTF-8 page whose bytes
// are not UTF-8 is decoded as windows-1252 when that is the more plausible
// reading. Invalid sequences become U+FFFD; this never fails.

#include <string>
#include <string_view>

namespace oped::indexer {

struct DecodedText {
    std::string utf8;
    std::string charset; // what was used, lower case ("utf-8", "windows-1252", ...)
};

DecodedText decode_to_utf8(std::string_view bytes);

// The charset label declared in the page head, lower case, or empty.
std::string declared_charset(std::string_view bytes);

} // namespace oped::indexer
