#pragma once

// The article text of a page, without navigation, headers, footers, asides,
// share bars, newsletter boxes, comments, related-link lists, captions,
// scripts and styles.

#include <oped/common/article.hpp>
#include <oped/indexer/evidence.hpp>

#include <libxml/tree.h>

#include <string>

namespace oped::indexer {

// Paragraphs separated by a blank line ("\n\n"), white space collapsed
// within a paragraph. May modify `doc` (it removes clutter); call it after
// extract_metadata. `meta` gives the title and authors already found, so
// a repeated headline or byline can be left out of the body. With `explain`,
// records the attempts made and why the one kept won.
std::string extract_body(xmlDoc* doc, const Article& meta, Explanation* explain = nullptr);

} // namespace oped::indexer
