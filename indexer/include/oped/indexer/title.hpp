#pragma once

// The headline inside a page's <title>, which usually carries the site's
// name too ("Headline | Site", "Site - Headline"). Pure functions.

#include <oped/indexer/evidence.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// The headline of `title`. Separators are " | ", " - ", " – ", " — ",
// " :: ", " » ", " / ", " · " and " > ". A host name that names the site,
// glued to either end without a separator ("example.com Headline"), goes
// first; then, in order:
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

// One title a page states outside its visible headings: "og:title",
// "<title>", "JSON-LD headline"...
struct TitleSource {
    std::string source;
    std::string value;
};

// Everything the title is chosen from.
struct TitleInputs {
    std::vector<TitleSource> metas;      // highest precedence first; <title> among them
    std::vector<std::string> h1s;        // the page's visible <h1> texts, in document order
    std::vector<std::string> marked_h1s; // those the page marks as the article's headline (class, itemprop)
    std::vector<std::string> headings;   // lesser headings (see clean_title)
    std::vector<std::string> site_names; // the outlet's names: og:site_name, publisher, domain label...
    std::string section;                 // the article's declared section, a possible kicker
};

// The page's headline, one pipeline for every source. Each meta title is
// cleaned (clean_title, then strip_title_label); a candidate that is cut
// short ("…") or equal to the site's name is dropped. An <h1> that holds a
// meta title whole with only a date line ("Posted on July 1, 2024 by ..."),
// a bracketed host name and a count, or a standfirst of ten words or more
// after it is that meta title; so is an <h1> that lost characters the meta
// title has ("Beginner? Guide" for "Beginner's Guide"). An <h1> that is a
// host name names the site. The visible <h1> is the headline when a meta
// title confirms it (half of the words of one are in the other) or when
// there is no meta title; among several <h1>s the best confirmed wins. An
// <h1> of three words or more that the page marks as the article's headline
// needs no confirmation: meta titles are often written for search engines
// in other words. Otherwise the first meta title left. With `explain`,
// records every candidate, its score and why.
std::string choose_title(const TitleInputs& in, Explanation* explain = nullptr);

// `title` without a kicker or label: "WATCH: ...", "Opinion | ...", "... |
// Opinion", or the page's `section` before a colon. A leading part before a
// colon also goes when the rest is one of `headlines` (the page's <h1>s lack
// it). Kept when too little would be left.
std::string strip_title_label(std::string_view title, std::string_view section,
                              const std::vector<std::string>& headlines = {});

// The segments of a title between the separators clean_title() knows.
std::vector<std::string> title_segments(std::string_view title);

// Comparison form of a title: case folded, quotes dropped, punctuation and
// white space collapsed.
std::string title_key(std::string_view title);

// Share of the words of `b` that `a` does not contain, subtracted from 1
// (Readability's measure): 1 when a covers b.
double title_similarity(std::string_view a, std::string_view b);

// Runs of characters between spaces in `s` (a title, collapsed).
std::size_t word_count(std::string_view s);

// How many distinct words of `b` (compared as title_key words) are in `a`.
std::size_t shared_words(std::string_view a, std::string_view b);

} // namespace oped::indexer
