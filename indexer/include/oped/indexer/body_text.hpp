#pragma once

// The article DOM as plain text: paragraphs separated by a blank line, white
// space collapsed within them.

#include <libxml/tree.h>

#include <string>

namespace oped::indexer::body {

// Blocks (paragraphs, headings, quotes, lists, layout cells...) become
// paragraphs; list items, data-table rows and a single <br> start a new
// line, cells of a row are joined by " | "; two <br>s in a row make a
// paragraph break; <pre> text keeps its lines and spacing.
std::string serialise(xmlNode* root);

} // namespace oped::indexer::body
