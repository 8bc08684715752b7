#pragma once

// Tags worth a facet entry. Pages declare keywords for search engines, not
// readers: the year, the outlet's own name, and on some sites the
// headline's words one by one. Those are dropped; every other tag is kept
// as declared.

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// `tags` without years ("1711", "2016"), the outlet's name (compared as
// title_key, a leading "the" aside) and, when three or more of the tags
// are single words of the headline and they make up at least half of the
// tags, those single words.
std::vector<std::string> clean_tags(const std::vector<std::string>& tags, std::string_view outlet,
                                    std::string_view title);

} // namespace oped::indexer
