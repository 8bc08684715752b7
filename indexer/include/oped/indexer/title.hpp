#pragma once

// The headline inside a page's <title>, which usually carries the site's
// name too ("Headline | Site", "Site - Headline"). Pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// The headline of `title`. Separators are " | ", " - ", " – ", " — ",
// " :: ", " » ", " / ", " · " and " > ". In order:
//  1. the whole title when a corroborating headline (og:title, an <h1>, the
//     JSON-LD headline) equals it: its separators are the headline's own;
//  2. the leading or trailing run of segments that a corroborating headline
//     equals (the whole title if that run has four words or fewer);
//  3. the title without leading or trailing segments that name the site;
//  4. else the title without its last segment, unless that leaves four
//     words or fewer (a short title is more likely "Topic - Site" than a
//     headline with a suffix, and then the whole title is kept).
// `lesser` headings (an <h2 class=entry-title>, a bold line) confirm runs
// of three words or more in step 2, and keep a segment from being taken
// for the site's name in step 3.
std::string clean_title(std::string_view title, const std::vector<std::string>& site_names,
                        const std::vector<std::string>& headlines, const std::vector<std::string>& lesser = {});

// The segments of a title between the separators clean_title() knows.
std::vector<std::string> title_segments(std::string_view title);

// Comparison form of a title: case folded, quotes dropped, punctuation and
// white space collapsed.
std::string title_key(std::string_view title);

// Share of the words of `b` that `a` does not contain, subtracted from 1
// (Readability's measure): 1 when a covers b.
double title_similarity(std::string_view a, std::string_view b);

} // namespace oped::indexer
