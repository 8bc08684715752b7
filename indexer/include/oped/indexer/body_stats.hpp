#pragma once

// Per-element text statistics (text length, link text, commas, counts of
// paragraphs, images, list items...) gathered bottom-up in one linear pass,
// so that no rule ever re-reads a subtree's text: no quadratic passes on
// deep or huge pages.

#include <libxml/tree.h>

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace oped::indexer::body {

struct NodeStats {
    std::size_t chars = 0;         // visible text, white space runs counted once
    double link_chars = 0;         // text inside links; in-page "#..." links weigh 0.3
    std::size_t commas = 0;        // commas of any script
    std::size_t list_chars = 0;    // text inside <ul>/<ol>
    std::size_t heading_chars = 0; // text inside <h1>..<h6>
    std::size_t textish_chars = 0; // text inside paragraphs, list items, cells, spans, divs
    std::uint32_t paragraphs = 0;
    std::uint32_t images = 0;
    std::uint32_t list_items = 0;
    std::uint32_t inputs = 0; // <input> only: buttons and selects are common in articles
    std::uint32_t embeds = 0;

    double link_density() const { return chars == 0 ? 0.0 : link_chars / static_cast<double>(chars); }
};

using StatsMap = std::unordered_map<const xmlNode*, NodeStats>;

// Fold a text node's content into the stats of the element that holds it.
void add_text(NodeStats& stats, std::string_view utf8);

// Fold a finished child element into its parent's stats.
void add_child(NodeStats& parent, const xmlNode* child, const NodeStats& child_stats);

// Stats of every element below and including root. Scripts and styles are
// expected to be gone already.
StatsMap compute_stats(xmlNode* root);

} // namespace oped::indexer::body
