#include <oped/indexer/page_type.hpp>

#include <oped/indexer/html_doc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oped::indexer {
namespace {

using S = PageTypeSignals;

double log_count(double n) { return std::log2(1.0 + n); }
double flag(bool b) { return b ? 1.0 : 0.0; }
double share(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// One piece of evidence: how it is measured from the signals, and what each
// unit of it is worth towards "article" and, for a page that is not one,
// towards "listing" rather than "other".
//
// The weights are a logistic regression's, fitted on the even-numbered pages
// of WCXB's development split (article or not; the Readability pages added
// as articles) with each clear signal held to its sign (a product never
// counts for an article), then rounded; the listing column is fitted the
// same way on the even pages that are not articles. k_article_bias puts the
// threshold where fewer than 0.5% of those articles are lost and every
// Readability page is an article (mozilla-1, a product page, is the lowest,
// at about 0.02): losing an article costs more than keeping a listing. A
// weight of 0 is a signal the fit found no use for. Refit them together,
// never one by hand: scripts/fit-page-type fits the article column and its
// bias from the values --explain shows (its --cv scores a candidate on pages
// it was not fitted on). Its refits so far lost more articles on the odd half
// than this table, so this table stays until one does better on both.
struct Weight {
    const char* name;
    double (*value)(const S&);
    double article;
    double listing;
};

// clang-format off
constexpr Weight k_weights[] = {
    {"schema.org article", [](const S& s) { return flag(s.schema_article > 0); }, 1.49, 0.94},
    {"schema.org listing", [](const S& s) { return flag(s.schema_listing > 0); }, 0.0, 1.89},
    {"schema.org product", [](const S& s) { return flag(s.schema_product > 0); }, -1.38, -1.4},
    {"schema.org forum post", [](const S& s) { return flag(s.schema_forum > 0); }, -2.54, -1.45},
    {"schema.org service, app, event...", [](const S& s) { return flag(s.schema_other > 0); }, -0.31, -0.24},
    {"og:type article", [](const S& s) { return flag(s.og_type == "article"); }, 0.79, -0.64},
    {"og:type product", [](const S& s) { return flag(s.og_type.starts_with("product")); }, -1.73, -0.4},
    {"og:type website", [](const S& s) { return flag(s.og_type == "website"); }, -0.36, -0.41},
    {"og:type something else", [](const S& s) {
         return flag(!s.og_type.empty() && s.og_type != "article" && s.og_type != "website" &&
                     !s.og_type.starts_with("product"));
     }, 0.31, -2.03},
    {"publication date in metadata", [](const S& s) { return flag(s.meta_published); }, 0.0, -0.29},
    {"a publication date", [](const S& s) { return flag(s.has_date); }, 0.54, -0.25},
    {"an author", [](const S& s) { return flag(s.has_authors); }, 0.76, 0.19},
    {"body length (log2 of 500 characters)", [](const S& s) { return log_count(static_cast<double>(s.body_chars) / 500); }, -0.04, 0.03},
    {"long body paragraphs (log2)", [](const S& s) { return log_count(static_cast<double>(s.body_paragraphs)); }, 0.01, -0.25},
    {"prose paragraphs on the page (log2)", [](const S& s) { return log_count(static_cast<double>(s.prose_paragraphs)); }, 0.09, -0.21},
    {"share of the page's text in prose", [](const S& s) { return share(s.prose_chars, s.text_chars); }, 0.41, 2.05},
    {"share of the page's text in links", [](const S& s) { return share(s.link_chars, s.text_chars); }, -2.1, 2.26},
    {"headings (log2)", [](const S& s) { return log_count(s.headings); }, -0.05, -0.13},
    {"teaser headlines (log2)", [](const S& s) { return log_count(s.linked_headings); }, 0.0, 0.14},
    {"teaser headlines per prose paragraph", [](const S& s) {
         return std::min(4.0, static_cast<double>(s.linked_headings) / (1.0 + static_cast<double>(s.prose_paragraphs)));
     }, -0.2, 0.25},
    {"<article> elements (log2)", [](const S& s) { return log_count(s.article_elements); }, 0.03, 0.18},
    {"<time> elements (log2)", [](const S& s) { return log_count(s.time_elements); }, -0.21, -0.04},
    {"code blocks (log2)", [](const S& s) { return log_count(s.code_blocks); }, -0.14, -0.4},
    {"form controls (log2)", [](const S& s) { return log_count(s.form_controls); }, -0.09, 0.17},
    {"price markup (log2)", [](const S& s) { return log_count(s.price_marks); }, -0.15, 0.11},
    {"prices in the text (log2)", [](const S& s) { return log_count(s.prices); }, -0.06, 0.17},
    {"add-to-cart buttons", [](const S& s) { return flag(s.cart_marks > 0); }, 0.0, -0.94},
    {"post and reply markup (log2)", [](const S& s) { return log_count(s.post_marks); }, -0.09, -0.04},
    {"card and teaser markup (log2)", [](const S& s) { return log_count(s.card_marks); }, -0.09, 0.06},
    {"a date in the URL", [](const S& s) { return flag(s.url_has_date); }, 1.4, -0.46},
    {"words in the URL's slug (up to 8)", [](const S& s) { return std::min(8.0, static_cast<double>(s.url_slug_words)); }, 0.16, -0.27},
    {"URL path depth (up to 5)", [](const S& s) { return std::min(5.0, static_cast<double>(s.url_depth)); }, 0.09, 0.07},
    {"URL names an article", [](const S& s) { return flag(s.url_kind == "article"); }, 0.71, 1.26},
    {"URL names a listing", [](const S& s) { return flag(s.url_kind == "listing"); }, -2.0, 1.85},
    {"URL names a product", [](const S& s) { return flag(s.url_kind == "product"); }, -1.89, -1.02},
    {"URL names a forum", [](const S& s) { return flag(s.url_kind == "forum"); }, -2.44, -1.64},
    {"URL names documentation", [](const S& s) { return flag(s.url_kind == "docs"); }, -2.48, 0.41},
    {"URL names a service", [](const S& s) { return flag(s.url_kind == "service"); }, -1.77, -3.01},
    {"prose paragraphs in one run (log2)", [](const S& s) { return log_count(static_cast<double>(s.prose_run)); }, 0.13, -0.09},
    {"characters in the longest prose run (log2 of 500)", [](const S& s) { return log_count(static_cast<double>(s.prose_run_chars) / 500); }, 0.24, 0.17},
    {"share of the page's text in the longest prose run", [](const S& s) { return share(s.prose_run_chars, s.text_chars); }, 1.41, -0.41},
    {"share of the page's text in the body", [](const S& s) { return std::min(1.0, share(s.body_chars, s.text_chars)); }, 0.8, 0.07},
    {"prose characters per heading (log2 of 100)", [](const S& s) {
         return log_count(static_cast<double>(s.prose_chars) / 100.0 / (1.0 + s.headings));
     }, 0.02, 0.13},
    {"buttons (log2)", [](const S& s) { return log_count(s.buttons); }, -0.18, 0.03},
    {"more than one h1", [](const S& s) { return flag(s.h1s > 1); }, -0.19, -0.11},
    {"no h1", [](const S& s) { return flag(s.h1s == 0); }, 0.04, -0.31},
    {"a date or an author", [](const S& s) { return flag(s.has_date || s.has_authors); }, 0.14, -0.43},
    {"host names a blog or news", [](const S& s) { return flag(s.host_kind == "article"); }, 2.06, 0.0},
    {"host names a shop", [](const S& s) { return flag(s.host_kind == "product"); }, -1.66, 0.12},
    {"host names a forum", [](const S& s) { return flag(s.host_kind == "forum"); }, -1.95, -1.66},
    {"host names documentation", [](const S& s) { return flag(s.host_kind == "docs"); }, -2.4, -1.96},
    {"inline code (log2)", [](const S& s) { return log_count(s.inline_code); }, -0.5, -0.28},
    {"navigation links (log2)", [](const S& s) { return log_count(s.nav_links); }, 0, -0.02},
    {"tables (log2)", [](const S& s) { return log_count(s.tables); }, -0.13, -0.08},
    {"we and our per 1,000 words (up to 40)", [](const S& s) { return std::min(40.0, s.we_rate) / 10; }, -0.44, 0.19},
    {"you and your per 1,000 words (up to 60)", [](const S& s) { return std::min(60.0, s.you_rate) / 10; }, -0.14, -0.02},
    {"said and says per 1,000 words (up to 10)", [](const S& s) { return std::min(10.0, s.said_rate); }, 0.18, 0.31},
    {"words in the title (up to 15)", [](const S& s) { return std::min(15.0, static_cast<double>(s.title_words)); }, 0.02, -0.12},
};
// clang-format on

// Before any evidence: the page is an article unless the evidence says
// otherwise.
constexpr double k_article_bias = 2.06;
constexpr double k_listing_bias = -0.24;

std::string format_score(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
}

// Enough digits for a refit to see the value the table weighed.
std::string format_value(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

} // namespace

std::string classify_page(const PageTypeSignals& signals, Explanation* explain) {
    double article = k_article_bias;
    double listing = k_listing_bias;
    for (const Weight& w : k_weights) {
        const double v = w.value(signals);
        article += w.article * v;
        listing += w.listing * v;
        // Every signal is listed with its value, also where the table gives
        // it no share: scripts/fit-page-type reads the values from here.
        if (explain != nullptr) {
            const double score = std::round(w.article * v * 1000) / 1000;
            explain->add("type", Candidate{score >= 0 ? std::string(k_type_article) : "not article",
                                           std::string(w.name) + " = " + format_value(v), score,
                                           "listing rather than other: " + format_score(w.listing * v)});
        }
    }
    std::string type(article >= 0 ? k_type_article : (listing >= 0 ? k_type_listing : k_type_other));
    explain_choose(explain, "type", type,
                   "article score " + format_score(article) + " (article at 0 or more), listing rather than other " +
                       format_score(listing));
    return type;
}

} // namespace oped::indexer
