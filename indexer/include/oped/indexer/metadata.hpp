#pragma once

// Everything about a page except its body: title, authors, dates, outlet,
// section, tags, description, language, canonical URL. Each field is read
// from several sources in a fixed order of precedence, documented in
// metadata.cpp beside the code that applies it.

#include <oped/common/article.hpp>
#include <oped/indexer/evidence.hpp>
#include <oped/indexer/genre.hpp>

#include <libxml/tree.h>

namespace oped::indexer {

// Fills every field of `out` but body and path. Reads the document only.
// With `explain`, records the candidates weighed for each field. With
// `clues`, also gathers what the same signals say of the genre (sections,
// <title> segments, labels beside the headline, "Filed under" lines,
// bylines as written); the caller adds the rest (genre.hpp).
void extract_metadata(xmlDoc* doc, Article& out, Explanation* explain = nullptr, GenreClues* clues = nullptr);

} // namespace oped::indexer
