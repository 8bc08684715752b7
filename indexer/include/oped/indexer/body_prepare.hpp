#pragma once

// First passes over a working copy of the page: drop what is never article
// text, then reshape text into paragraphs so that scoring sees them.

#include <libxml/tree.h>

namespace oped::indexer::body {

// Switches relaxed one by one when a strict pass finds too little text.
struct Flags {
    bool strip_unlikely = true;      // drop elements whose class/id/role names furniture
    bool weight_classes = true;      // let class/id hints weigh on scores
    bool clean_conditionally = true; // drop link-heavy or form-like blocks from the result
};

// Remove comments, scripts, styles, embeds, form controls, navigation,
// asides, footers, dialogs, hidden elements and short byline boxes; with
// flags.strip_unlikely also elements whose class, id or role names page
// furniture.
void prune(xmlNode* root, const Flags& flags);

// Turn "<br><br>" runs into paragraph breaks, text loose in a <div> into
// <p>s, and <div>s holding text only into <p>s.
void restructure(xmlNode* root);

} // namespace oped::indexer::body
