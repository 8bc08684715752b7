#pragma once

#include <string>
#include <vector>

namespace oped {

// What oped knows about one article: the output of extraction, the content of
// a Xapian document's data, and what the searcher renders. Empty string means
// unknown. Dates are "YYYY-MM-DD", or full ISO 8601 with offset when the page
// gives a time.
struct Article {
    std::string path; // source file, absolute
    std::string url;  // canonical URL when the page gives one
    std::string title;
    std::vector<std::string> authors; // display names, normalised
    std::string published;
    std::string modified;
    std::string site; // outlet
    std::string section;
    std::vector<std::string> tags;
    std::string description;
    std::string language; // ISO 639-1 code, lower case ("en")
    std::string body;     // paragraphs separated by a blank line
    // What kind of page it is: "article", "listing" (section fronts, tag and
    // author pages, search results) or "other" (products, forum threads,
    // service and documentation pages); empty in indexes made before oped
    // told them apart, read as "article".
    std::string type;
    // When the page was archived (a WARC record's WARC-Date), kept only for
    // a page that states no publication date; never a publication date.
    std::string crawl_date;
    // The date to show as "Updated": a revision the page states, a day or
    // more after `published` (`modified` is the declared one, as read).
    std::string updated;
    // The page's correction notices ("Correction: ...", "An earlier version
    // of this article ..."), kept out of `body`.
    std::vector<std::string> corrections;
    // What kind of writing it is: "opinion" (a column or op-ed), "editorial"
    // (the outlet's own voice), "letter" (to the editor), "analysis", "news",
    // "review" or "other" (genre.hpp); empty in indexes made before genres.
    std::string genre;
    // The line about the writer that ends the article ("The writer is ...",
    // "Jane Doe is a fellow at ..."), kept out of `body` (indexer/bio.hpp).
    std::string author_bio;

    bool operator==(const Article&) const = default;
};

} // namespace oped
