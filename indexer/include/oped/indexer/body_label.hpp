#pragma once

// A page label at the top of an article's text: the section and outlet line
// that templates print above the headline ("OPINION » McLean's Edition",
// "Opinion | Columns", "Essays"). Left in the body, it opens every snippet
// and the article page, so it is taken out.

#include <string>
#include <string_view>

namespace oped::indexer {

// Whether `line` is such a label: one short line without sentence
// punctuation, whose parts (between », ›, |, /, · or • separators) each
// name the page's section, its outlet (or the outlet's name cut or extended
// by whole words: "The Spectator" on "The Spectator Archive"), or a label news sites use
// (lexicon.hpp's k_title_labels), compared case-folded with a leading
// "the" aside.
bool is_page_label(std::string_view line, std::string_view section, std::string_view outlet);

// `body` without its first paragraph when that is a page label (and more
// text follows it).
std::string strip_page_label(std::string body, std::string_view section, std::string_view outlet);

} // namespace oped::indexer
