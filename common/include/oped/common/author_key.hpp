#pragma once

// One author under many bylines. A byline ("By JOHN SMITH, Special to the
// Times", "Smith, John", "Dr. John Smith") reduces to one key ("john smith"):
// case and accents folded, "Last, First" put in order, the lead-in, the
// honorifics and the roles and affiliations after the name dropped, initials
// spelled as single letters. Different spellings stay different keys: a key
// never merges "Jon Smyth" with "John Smith".
//
// Which keys are one author depends on the whole archive (author_groups.hpp):
// "john smith" joins "john a smith" only while that is the one initialled
// form of John Smith, and an aliases file merges or splits keys by hand.

#include <oped/common/errors.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oped::schema {

// At most this many bytes (cut at a character), so that a key fits a term.
inline constexpr std::size_t k_max_author_key_bytes = 160;

// The key of a byline; empty when nothing of a name is left.
std::string author_key(std::string_view byline);

// "john a smith" -> {"john", "smith", true}: first and last word, and
// whether every word between them is an initial. A key of fewer than three
// words has no middle (`initialled` false).
struct KeyShape {
    std::string first;
    std::string last;
    bool initialled = false;
    std::size_t words = 0;
};
KeyShape key_shape(std::string_view key);

// The rules of an aliases file, each side already a key: "A = B" merges
// the authors of A and B, "A != B" keeps them apart (it undoes a merge made
// by the initials rule; it cannot part bylines whose keys are equal).
struct AuthorAliases {
    std::vector<std::pair<std::string, std::string>> merge;
    std::vector<std::pair<std::string, std::string>> split;
    bool operator==(const AuthorAliases&) const = default;
};

// One rule a line; blank lines and lines starting with '#' are ignored. A
// line that is neither, or whose side has no name, or that splits two
// bylines of one key, is an invalid_param error naming its line number.
Result<AuthorAliases> parse_author_aliases(std::string_view text);
// The rules as lines of keys ("a = b"), parsed back to the same rules.
std::string format_author_aliases(const AuthorAliases& aliases);

// Groups `keys` (every key in the archive, each with its number of
// articles) into authors: every group of two or more keys, its first key
// the one with the most articles (then the smallest). The aliases' merges
// come first; then a key of two words joins the one initialled key with its
// first and last word, when exactly one exists; a split rule stops any
// merge that would put its two sides in one group.
using KeyCounts = std::vector<std::pair<std::string, std::uint64_t>>;
std::vector<std::vector<std::string>> group_author_keys(const KeyCounts& keys, const AuthorAliases& aliases);

} // namespace oped::schema
