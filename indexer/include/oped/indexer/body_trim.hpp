#pragma once

// What is left inside the chosen article that is not its text: the headline,
// byline and dateline that metadata already holds at the top, and the
// "Read more" / "Related" link lists pages drop between paragraphs.

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

// Remove the link lists a page drops into its article: short blocks that
// open with "Read more", "Related", "More from", "Recommended", "See also",
// "Sign up for"... (after any leading brackets, arrows or pictographs:
// "[Read more: ...]", "» Related", "🚀 Sign up") when they are links or label the link list that follows
// (which goes too), short calls to action ("Sign up for our newsletter",
// "Follow us on..."), and short affiliate disclosures in a paragraph or div
// ("This post contains affiliate links", "... through our links may earn us
// a commission").
void remove_link_lists(xmlNode* root);

// Remove links styled as buttons that stand on a line of their own ("BUY
// NOW", "Shop all houseplants"): calls to action, not the article's text.
void remove_buttons(xmlNode* root);
// Cut the run of teasers the article ends with: trailing headings with
// nothing after them, blocks that are links, short lines that are no
// sentence ("Newsletters", "SHARE"), calls to action ("Sign up for...",
// "Posted by..."), and an author box ("Jane Doe is a reporter..."). Stops at
// the first block of text, and never takes more than half of the blocks.
void trim_tail(xmlNode* root, const Article& meta);

} // namespace oped::indexer::body
