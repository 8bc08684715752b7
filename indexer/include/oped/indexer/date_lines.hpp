#pragma once

// The dates a reader sees on a page: short lines of visible text that hold a
// date, with where they stand (lines away from the headline or byline,
// inside comments, related lists or footers) and the label before them
// ("Published", "Updated"). metadata.cpp weighs them against the dates the
// page declares in its metadata.

#include <oped/indexer/dates.hpp>

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

enum class DateLabel { none, published, updated };

struct DateLine {
    Date date;        // the day as written; a <time datetime> in the line when its text has no date
    std::string text; // the line as read, for --explain
    DateLabel label = DateLabel::none;
    // Lines of text between this one and the nearest <h1> or byline, or -1
    // when the page has neither.
    int distance = -1;
    bool above = false;  // the nearest headline or byline comes after the line
    bool aside = false;  // inside comments, related lists, footers, asides, navigation
    int line = 0;        // the line's number among the page's lines of text
    bool written = true; // the text shows the date (not only a <time datetime> beside "3 days ago")
};

// A line of the page's visible text, as a reader sees it: the text of one
// block element (a paragraph, a list item, a heading...) with its inline
// elements run together, in document order. Scripts, styles, buttons and
// forms' options are not read.
struct TextLine {
    std::string text;     // white space collapsed
    bool h1 = false;      // inside an <h1>
    bool byline = false;  // inside an element whose class or id names a byline or an author
    bool aside = false;   // inside comments, related lists, footers, asides, navigation
    std::string datetime; // of the first <time datetime> in the line
};

// The page's lines of visible text (one walk of the document; metadata.cpp
// reads them once for the dates and the bylines).
std::vector<TextLine> read_text_lines(xmlDoc* doc);

// Every short visible line holding a date, in document order (at most a few
// hundred). A line that shows the page's headline (compared as title_key
// does) counts as the headline too, whatever element holds it: pages built
// without an <h1>, or whose <h1> the parser empties ("<h1><p>...</p></h1>").
std::vector<DateLine> find_date_lines(const std::vector<TextLine>& lines, std::string_view headline = {});
std::vector<DateLine> find_date_lines(xmlDoc* doc, std::string_view headline = {});

// The label a line of text gives the date in it: words for revision
// ("Updated", "Mis à jour") or for publication ("Published", "Posted").
DateLabel date_label(std::string_view text);

} // namespace oped::indexer
