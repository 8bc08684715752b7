#pragma once

// Is a page an article, a listing (a section front, a tag or author page,
// search results, a category of products) or something else (a product, a
// forum thread, a service or documentation page)? The structural evidence is
// gathered in one walk of the parsed page (page_type_signals.cpp), then
// weighed by one table of weights: every signal adds to or takes from the
// scores of the three kinds, and the highest wins, with a head start for
// article (a lost article costs more than a kept listing).

#include <oped/common/article.hpp>
#include <oped/indexer/evidence.hpp>

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

inline constexpr std::string_view k_type_article = "article";
inline constexpr std::string_view k_type_listing = "listing";
inline constexpr std::string_view k_type_other = "other";

// What the page shows, counted. Nothing here is a decision.
struct PageTypeSignals {
    // schema.org objects by kind (JSON-LD "@type", microdata itemtype).
    int schema_article = 0;                // Article, NewsArticle, BlogPosting, Report...
    int schema_listing = 0;                // CollectionPage, ItemList, SearchResultsPage
    int schema_product = 0;                // Product, ProductGroup, Offer, AggregateOffer
    int schema_forum = 0;                  // DiscussionForumPosting, QAPage, SocialMediaPosting
    int schema_other = 0;                  // Service, LocalBusiness, SoftwareApplication, Event, Course, JobPosting...
    std::vector<std::string> schema_types; // every type named, as written (genre.cpp reads them)
    std::string og_type;                   // lower case, "" when absent
    bool meta_published = false;           // article:published_time or a schema.org datePublished

    // From the fields extraction found.
    bool has_date = false;
    bool has_authors = false;
    std::size_t body_chars = 0;      // the extracted body
    std::size_t body_paragraphs = 0; // its paragraphs of 150 characters or more
    std::size_t title_words = 0;

    // The body element's text.
    std::size_t text_chars = 0;
    std::size_t link_chars = 0;  // of which inside links
    std::size_t prose_chars = 0; // in <p> of 150+ characters that are mostly not links
    std::size_t prose_paragraphs = 0;
    std::size_t prose_run = 0;       // most prose paragraphs (80+ characters) under one parent: one article's text
    std::size_t prose_run_chars = 0; // their characters
    int buttons = 0;                 // <button> and links or inputs styled as buttons
    int h1s = 0;
    int inline_code = 0; // <code> outside <pre>
    int nav_links = 0;   // links inside <nav>, <aside> or role=navigation
    int tables = 0;
    // Per 1,000 words of the extracted body: "we"/"our" (a business about
    // itself), "you"/"your" (a pitch or a manual) and "said"/"says" (reporting).
    double we_rate = 0;
    double you_rate = 0;
    double said_rate = 0;
    double i_rate = 0;               // "I"/"my"/"me": a writer speaking for themselves
    std::size_t body_long_chars = 0; // the body's characters in its paragraphs of 150 characters or more
    // The body's characters in lines that end a sentence: an article is told
    // in sentences; a pitch, a shop or a menu in headings, labels and list items.
    std::size_t body_sentence_chars = 0;
    int headings = 0;         // h2-h6
    int linked_headings = 0;  // h2-h6 that are, or sit inside, one link: teaser headlines
    int article_elements = 0; // <article>
    int time_elements = 0;    // <time>
    int code_blocks = 0;      // <pre>
    int form_controls = 0;    // <input>, <select>, <textarea>, <button> outside search forms
    int price_marks = 0;      // itemprop price/offers, class tokens naming a price
    int prices = 0;           // amounts with a currency sign in the text
    int cart_marks = 0;       // "add to cart" buttons and classes
    int post_marks = 0;       // elements whose class names a forum post, a reply or a comment
    int card_marks = 0;       // elements whose class names a card, a teaser or a tile
    // Like siblings: children of one parent with the same tag and class.
    int teaser_blocks = 0;        // most like siblings each holding a link and a heading or an image
    std::size_t teaser_chars = 0; // text inside groups of 3+ such siblings
    int dated_blocks = 0;         // most like siblings each holding a <time> or a date-classed element
    int date_stamps = 0;          // short text nodes (40 characters at most) with a year or "... ago"
    int pagination_marks = 0;     // rel=next links, elements whose class names a pager
    int cta_links = 0;            // links and buttons labelled as a call to action ("get started")
    std::size_t h1_to_prose = 0;  // text between the last h1 before the first prose paragraph and it
    bool prose_after_h1 = false;  // there is such an h1 and such a paragraph
    int phone_links = 0;          // tel: links
    int service_marks = 0;        // elements whose class names a hero, features, testimonials, an FAQ, plans
    int article_marks = 0;        // elements whose class names a byline, a headline, an article's or a story's body

    // The page's canonical URL.
    bool url_has_date = false; // /2021/05/... or 2021-05-12 in the path
    int url_slug_words = 0;    // words in the last path segment ("a-long-headline-slug": 4)
    int url_depth = 0;         // path segments
    std::string url_kind;      // the first listing/product/forum/docs word in the path, or ""
    std::string host_kind;     // the same read from the host's first label ("docs.", "forum.")
};

// Walks the page. `article` holds what extraction found (dates, authors,
// body, URL).
PageTypeSignals gather_page_type_signals(xmlDoc* doc, const Article& article);

// article, listing or other. With `explain`, records every signal's
// contribution under the field "type".
std::string classify_page(const PageTypeSignals& signals, Explanation* explain = nullptr);

} // namespace oped::indexer
