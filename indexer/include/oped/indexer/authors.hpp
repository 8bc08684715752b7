#pragma once

// Author names cleaned for display and faceting: the same person is spelled
// the same way on every page. Pure functions.

#include <oped/indexer/date_lines.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// One name as a page gives it ("By Dr. JANE Q DOE, Staff Writer") to its
// display form ("Dr. Jane Q. Doe"), or empty when the text is not a name (a
// sentence, a number, a URL, an @handle, interface text like "Follow").
// Removed: a leading "By"/"Par"/"Por"/"Von" or "Articles by", credentials
// ("PhD"), job titles after a comma, e-mail addresses,
// URLs, @handles and a date stuck on the end. Honorifics the byline shows
// ("Dr.", "Sir") stay: they are part of the name as signed. "Last, First" is turned round; all-capital and
// all-lower-case names get capitals on each word; initials are written
// "J. R. R.".
std::string normalise_author(std::string_view name);

// Every author in a byline: "By A, B and C", "A & B", "A; B", "— A",
// "A (with B and C)", "A | Reuters". Each is normalised;
// duplicates go. A line that only credits a reviewer ("Reviewed by A")
// names no author.
std::vector<std::string> split_byline(std::string_view byline);

// The authors an end-of-article bio names: "The writer is A, a professor
// of ...", "The authors are A and B.", "A is a columnist for ...", "A
// teaches ...". Empty when the paragraph is not a bio.
std::vector<std::string> authors_from_bio(std::string_view paragraph);

// The comparison key of a name: case folded, punctuation and spacing
// dropped. Two names with the same key are the same author.
std::string author_key(std::string_view name);

// Appends the names of `more` that `into` does not already hold.
void merge_authors(std::vector<std::string>& into, const std::vector<std::string>& more);

// A byline read from the lines of text next to the headline, when no element
// marks it: "03/01/2017 by Jane Doe, Candidate Representative", "Posted by
// jdoe on Friday ...", "Jane Doe | Senior Writer | July 2, 2025", or a name
// alone on its line beside a date line ("Jane Doe" / "Last updated: ...").
struct LineByline {
    std::vector<std::string> names; // empty when no line holds a byline
    std::string line;               // the line read, for --explain
    std::string how;                // which shape it has
    std::size_t distance = 0;       // lines from the headline
    bool by = false;                // a "By" line ("By Jane Doe", "Written by Jane Doe")
};

// The headline is the first line that shows `headline` (compared as
// title_key does), else the first <h1>; bylines are looked for in the few
// lines after it, then the few before, nearest first, outside comments,
// related lists and footers.
LineByline byline_near_headline(const std::vector<TextLine>& lines, std::string_view headline);

// True when the name reads as a person's ("Jane Doe", "肖春芳") rather than a
// single word, which may be a user name or an outlet.
bool is_name_like(std::string_view name);

// True when a word of `part` is a job title's or a desk's ("Editor",
// "Team", "Staff"): a role, not a name.
bool names_a_role(std::string_view part);

// The words of `s` split at spaces (runs of them count as one).
std::vector<std::string> split_words(std::string_view s);

} // namespace oped::indexer
