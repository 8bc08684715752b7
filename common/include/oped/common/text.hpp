#pragma once

// Small UTF-8 text utilities shared by the indexer and the searcher.

#include <string>
#include <string_view>

namespace oped::text {

// Collapse runs of white space (ASCII and Unicode spaces, NBSP) into one
// space and trim both ends.
std::string collapse_space(std::string_view s);

// Lower-case ASCII and the common Latin-1/Latin Extended-A letters.
std::string fold_case(std::string_view s);

// fold_case, and the accented Latin-1/Latin Extended-A letters to their
// base letter ("Libert\xC3\xA9" -> "liberte"): for matching what people
// type against names, not for index terms.
std::string fold_for_match(std::string_view s);

// Replace invalid UTF-8 sequences with U+FFFD.
std::string sanitize_utf8(std::string_view s);

bool is_valid_utf8(std::string_view s);

// Append the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t cp);

// The start of the UTF-8 sequence that byte `i` belongs to, so that cutting
// there splits no character (`i` itself at or past the end).
std::size_t char_start(std::string_view s, std::size_t i);

// At most `n` bytes of `s`, cut at a character's start: an excerpt that
// splits no character.
std::string head_of(std::string_view s, std::size_t n);

// Append `s` with the five HTML special characters (< > & " ') escaped.
void append_html_escaped(std::string& out, std::string_view s);

bool starts_with_icase(std::string_view s, std::string_view prefix);
bool iequals(std::string_view a, std::string_view b);
std::string ascii_lower(std::string_view s);

} // namespace oped::text
