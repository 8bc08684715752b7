#pragma once

// An article as a reference in the common styles: Chicago (bibliography,
// newspaper article), MLA 9, APA 7, and a BibTeX entry. Pure functions of
// the Article; the article page renders them with copy buttons. The URL is
// cited only when it is http(s).

#include <oped/common/article.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oped::http::cite {

// A reference is a run of parts, some set in italics (the outlet).
struct Part {
    std::string text;
    bool italic = false;
};
using Reference = std::vector<Part>;

Reference chicago(const Article& article);
Reference mla(const Article& article);
Reference apa(const Article& article);
// `id` makes the key unique when an article gives nothing better.
std::string bibtex(const Article& article, std::string_view id);

std::string plain(const Reference& ref);
std::string to_html(const Reference& ref); // escaped, italics as <i>

// "Alexander Hamilton" -> {"Alexander", "Hamilton"}; "Hamilton, Alexander"
// likewise; a single word is a family name.
struct Name {
    std::string given;
    std::string family;
};
Name split_name(std::string_view display);

} // namespace oped::http::cite
