#pragma once

// What a page says about its own revisions: the date it was updated, when
// that is later than its publication, and its correction notices
// ("Correction: ...", "An earlier version of this article ...").
// metadata.cpp reads both from the page's lines; extract.cpp moves notices
// that body extraction kept out of the body text.

#include <oped/indexer/date_lines.hpp>
#include <oped/indexer/evidence.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// The date to show as "Updated": a date labelled as a revision shown near
// the headline or byline ("Updated March 5, 2020"), else the declared
// modification date (JSON-LD dateModified, article:modified_time, ...,
// `declared_modified`), when it is at least a day after `published` (24
// hours when both carry a time and zone, else a later day). Empty when the
// publication date is not a full day, or nothing is later. Never a crawl
// date: only what the page states.
std::string pick_updated(std::string_view published, std::string_view declared_modified,
                         const std::vector<DateLine>& lines, Explanation* explain = nullptr);

// Why `text` (one paragraph or line) is a correction notice: the pattern it
// opens with, or empty when it is none. `strong_only` accepts only the
// sentences no reader writes in a comment ("An earlier version of this
// article ...", "This story has been corrected ..."), not a bare
// "Correction:" label.
std::string_view correction_notice(std::string_view text, bool strong_only = false);

// The correction notices among the page's visible lines, in page order (in
// comments, footers and asides only the strong forms), at most a few.
std::vector<std::string> find_corrections(const std::vector<TextLine>& lines, Explanation* explain = nullptr);

// Takes the paragraphs of `body` (separated by a blank line) that are
// correction notices out of it and adds those not yet in `corrections`.
void split_corrections(std::string& body, std::vector<std::string>& corrections, Explanation* explain = nullptr);

} // namespace oped::indexer
