#pragma once

// Readability-style content scoring: every paragraph-like element of 25+
// characters scores 1 + commas + one point per 100 characters (at most 3),
// shared with up to five ancestors (full, half, then a third per level);
// ancestors start from a tag and class/id prior; scores shrink with link
// density. The best container wins, is widened while its ancestors score
// close to it, and takes in the siblings that look like more of the same.

#include <oped/indexer/body_prepare.hpp>
#include <oped/indexer/body_stats.hpp>

#include <libxml/tree.h>

#include <vector>

namespace oped::indexer::body {

// The article's top-level nodes in document order: the chosen container and
// the siblings joined to it. Empty when body has no element children.
std::vector<xmlNode*> select_article(xmlNode* body, const StatsMap& stats, const Flags& flags);

} // namespace oped::indexer::body
