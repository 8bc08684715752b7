#pragma once

// The last pass over the chosen article: drop the blocks inside it that are
// not article text (link lists, forms, share bars, empty paragraphs,
// headings with furniture classes), keep data tables and quotes.

#include <oped/indexer/body_prepare.hpp>

#include <libxml/tree.h>

namespace oped::indexer::body {

// Marks every <table> below root as data ("data-oped-table" = "1") or
// layout ("0"), the way Readability.js tells them apart.
void mark_data_tables(xmlNode* root);

// Cleans the descendants of root (not root itself), bottom-up in one pass,
// so that a block is judged on what is left of it.
void clean_article(xmlNode* root, const Flags& flags);

} // namespace oped::indexer::body
