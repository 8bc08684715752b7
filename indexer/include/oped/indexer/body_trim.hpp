#pragma once

// The top of an article repeats what metadata already holds: the headline,
// the byline, the dateline. This removes them from the body.

#include <oped/common/article.hpp>

#include <libxml/tree.h>

#include <string_view>

namespace oped::indexer::body {

// Share of heading's words that also occur in title, by characters
// (Readability.js's textSimilarity): 1 for the same words, 0 for none.
double title_similarity(std::string_view title, std::string_view heading);

// Before the first paragraph of real text below root, remove headings that
// repeat meta.title and short lines that are bylines ("By ...", the names in
// meta.authors).
void trim_head(xmlNode* root, const Article& meta);

}  // namespace oped::indexer::body
