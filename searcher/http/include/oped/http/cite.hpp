#pragma once

// An article as a reference in the common styles: Chicago (bibliography,
// newspaper article), MLA 9, APA 7, a BibTeX entry and a RIS record. Pure
// functions of the Article and where it was read: the archive's permanent
// page (cited as the URL, with the day it was accessed) and, after it, the
// page's original URL, cited only when it is http(s). The article page
// renders them with copy buttons; /doc/{id}/cite.ris serves the RIS record.

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

// Where and when the article was read.
struct Access {
    std::string archive_url; // absolute: "https://host/doc/0a1b2c3d4e5f6789"
    std::string day;         // "2026-12-06"
};

Reference chicago(const Article& article, const Access& access);
Reference mla(const Article& article, const Access& access);
Reference apa(const Article& article, const Access& access);
// `id` makes the key unique when an article gives nothing better.
std::string bibtex(const Article& article, std::string_view id, const Access& access);
// A RIS record (TY NEWS, or ELEC without an outlet), CRLF line ends; line
// breaks and control characters inside values become spaces.
std::string ris(const Article& article, const Access& access);

// Today in UTC, "YYYY-MM-DD": the access day of a citation read now.
std::string today_utc();

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
