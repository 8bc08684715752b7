#pragma once

// What an element's class and id say about it. The word lists follow
// Readability.js's, widened with the clutter every news site has (newsletter
// boxes, cookie banners, share bars, "related" and "more from" lists). None
// names a site.

#include <libxml/tree.h>

#include <string_view>
#include <vector>

namespace oped::indexer::body {

// +25 per positive hint ("article", "content", "story"...) and -25 per
// negative one ("comment", "sidebar", "share"...), counted for class and id
// separately.
int class_weight(const xmlNode* node);

// A class/id naming page furniture that is almost never article text
// ("sidebar", "comment", "menu", "related"...), unless it also names content.
bool is_unlikely_candidate(std::string_view class_and_id);

// A role that marks navigation, dialogs or complementary matter.
bool is_unlikely_role(std::string_view role);

// The tokens of a class attribute, sorted, each once; views into class_attr.
std::vector<std::string_view> class_tokens(std::string_view class_attr);

// A class/id naming a byline or author box.
bool is_byline_hint(std::string_view class_and_id);

// A class attribute (lower-cased) that hides its element in common CSS
// frameworks: a whole token such as "hidden", "d-none", "sr-only" or
// "visually-hidden" ("overflow-hidden" is not one), and no token that shows
// it again from some screen width on ("md:block", "d-lg-flex").
bool is_hidden_class(std::string_view class_attr);

// A class/id naming a figure caption or a photo credit.
bool is_caption_hint(std::string_view class_and_id);

// A class/id naming a share or social-button bar.
bool is_share_hint(std::string_view class_and_id);

} // namespace oped::indexer::body
