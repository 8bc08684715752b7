#pragma once

// Everything about a page except its body: title, authors, dates, outlet,
// section, tags, description, language, canonical URL. Each field is read
// from several sources in a fixed order of precedence, documented in
// metadata.cpp beside the code that applies it.

#include <oped/common/article.hpp>
#include <oped/indexer/evidence.hpp>

#include <libxml/tree.h>

namespace oped::indexer {

// Fills every field of `out` but body and path. Reads the document only.
// With `explain`, records the candidates weighed for each field.
void extract_metadata(xmlDoc* doc, Article& out, Explanation* explain = nullptr);

} // namespace oped::indexer
