#pragma once

// Everything in a parsed page that can state a metadata field, gathered in
// one iterative walk and kept in document order: <meta> tags, JSON-LD,
// microdata, rel=author links, byline and dateline elements, <time>
// elements, author bios. metadata.cpp decides between them.

#include <oped/indexer/jsonld.hpp>

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

struct MetaEntry {
    std::string key; // lower case, '.' written ':' ("dc:creator", "sailthru:date")
    std::string value;
    bool from_property = false; // property= (RDFa, OpenGraph) rather than name=/itemprop=/http-equiv=
};

struct PageSignals {
    std::vector<MetaEntry> metas;
    std::string html_lang;
    std::string canonical;
    std::string base_href;
    std::string title;            // <title>
    std::vector<std::string> h1s; // visible ones; a hidden <h1> is among `headings`
    // Those of h1s whose class, id or itemprop names the article's headline
    // ("entry-title", "headline"), not the site's or a widget's.
    std::vector<std::string> headline_h1s;
    // Other text set apart as a heading: <h2>/<h3>, bold runs, and elements
    // whose class or id names a title or headline. They only corroborate a
    // segment of <title>; on their own they are not a headline.
    std::vector<std::string> headings;
    std::vector<JsonLdArticle> jsonld;
    std::string parsely_page; // JSON in <meta name="parsely-page">
    // Microdata outside <meta>: itemprop on visible elements.
    std::vector<std::string> microdata_authors;
    std::vector<std::string> microdata_headlines;
    std::vector<std::string> microdata_published;
    std::vector<std::string> microdata_modified;
    // Visible bylines: strong ones are rel=author, itemprop=author or a class
    // or id naming a byline; weak ones only name an author.
    std::vector<std::string> strong_bylines;
    std::vector<std::string> weak_bylines;
    // Short lines that read as a byline by their words: "By Jane Doe",
    // "Written by Jane Doe", or a lone "Written by" label and the text of
    // the element after it.
    std::vector<std::string> by_lines;
    // Text of links to author pages (/author/, /authors/, /writer/, /by/).
    std::vector<std::string> author_links;
    // Where each of those was, and where the first <h1> was, counted in
    // elements from the start of the document (none: no <h1>).
    std::vector<std::size_t> by_line_positions;
    std::vector<std::size_t> author_link_positions;
    std::size_t first_h1_position = static_cast<std::size_t>(-1);
    // Short paragraphs that may be an author's bio, in document order.
    std::vector<std::string> paragraphs;
    // <time datetime>: marked as the publication date (pubdate, itemprop,
    // class), and any.
    std::vector<std::string> times_published;
    std::vector<std::string> times_any;
    // Text of elements whose class or id names a date.
    std::vector<std::string> datelines;

    // First value of a meta key, property= values before the others.
    std::string meta(std::string_view key) const;
    // Every value of a meta key: the property= ones if there are any, else
    // the others (a page that writes both means the same thing twice).
    std::vector<std::string> meta_all(std::string_view key) const;
};

PageSignals collect_signals(xmlDoc* doc);

// Named and numeric character references decoded ("&amp;" -> "&"), for
// text that reached us without an HTML parser (JSON-LD strings).
std::string decode_entities(std::string_view s);

} // namespace oped::indexer
