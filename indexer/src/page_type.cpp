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
// counts for an article), then rounded; the listing column (and
// k_listing_bias) is fitted on the even pages that are not articles, listing
// and collection against the rest, with no sign held. k_article_bias puts the
// threshold where every Readability and demo page scores 0.2 or more and at
// most 1.25% of the even articles, each scored by a fit made without it, are
// lost: losing an article costs more than keeping a listing. A weight of 0 is
// a signal the fit found no use for. Refit them together, never one by hand:
// scripts/fit-page-type --write (--listing) writes this table from the values --explain
// shows (its --cv scores a candidate on pages it was not fitted on); keep a
// refit only when it does better on the odd half too.
struct Weight {
    const char* name;
    double (*value)(const S&);
    double article;
    double listing;
};

// clang-format off
constexpr Weight k_weights[] = {
    {"schema.org article", [](const S& s) { return flag(s.schema_article > 0); }, 2.21, 1.07},
    {"schema.org listing", [](const S& s) { return flag(s.schema_listing > 0); }, 1.04, 1.29},
    {"schema.org product", [](const S& s) { return flag(s.schema_product > 0); }, -2.72, -0.76},
    {"schema.org forum post", [](const S& s) { return flag(s.schema_forum > 0); }, -2.48, -0.78},
    {"schema.org service, app, event...", [](const S& s) { return flag(s.schema_other > 0); }, 0, -0.3},
    {"og:type article", [](const S& s) { return flag(s.og_type == "article"); }, 1.59, -0.32},
    {"og:type product", [](const S& s) { return flag(s.og_type.starts_with("product")); }, -3.04, -0.23},
    {"og:type website", [](const S& s) { return flag(s.og_type == "website"); }, -0.04, -0.26},
    {"og:type something else", [](const S& s) {
         return flag(!s.og_type.empty() && s.og_type != "article" && s.og_type != "website" &&
                     !s.og_type.starts_with("product"));
     }, 1.52, -1.12},
    {"publication date in metadata", [](const S& s) { return flag(s.meta_published); }, 0, -0.24},
    {"a publication date", [](const S& s) { return flag(s.has_date); }, 0.41, -0.25},
    {"an author", [](const S& s) { return flag(s.has_authors); }, 1.59, 0.01},
    {"body length (log2 of 500 characters)", [](const S& s) { return log_count(static_cast<double>(s.body_chars) / 500); }, -0.41, -0.11},
    {"long body paragraphs (log2)", [](const S& s) { return log_count(static_cast<double>(s.body_paragraphs)); }, 0.03, -0.18},
    {"prose paragraphs on the page (log2)", [](const S& s) { return log_count(static_cast<double>(s.prose_paragraphs)); }, 0.18, -0.07},
    {"share of the page's text in prose", [](const S& s) { return share(s.prose_chars, s.text_chars); }, -1.53, 1},
    {"share of the page's text in links", [](const S& s) { return share(s.link_chars, s.text_chars); }, -2.77, 1.27},
    {"headings (log2)", [](const S& s) { return log_count(s.headings); }, -0.02, -0.11},
    {"teaser headlines (log2)", [](const S& s) { return log_count(s.linked_headings); }, -0.03, 0.09},
    {"teaser headlines per prose paragraph", [](const S& s) {
         return std::min(4.0, static_cast<double>(s.linked_headings) / (1.0 + static_cast<double>(s.prose_paragraphs)));
     }, 0.03, 0.13},
    {"<article> elements (log2)", [](const S& s) { return log_count(s.article_elements); }, 0.02, 0.13},
    {"<time> elements (log2)", [](const S& s) { return log_count(s.time_elements); }, -0.75, 0},
    {"code blocks (log2)", [](const S& s) { return log_count(s.code_blocks); }, 0, -0.22},
    {"form controls (log2)", [](const S& s) { return log_count(s.form_controls); }, -0.04, 0.11},
    {"price markup (log2)", [](const S& s) { return log_count(s.price_marks); }, -0.02, 0.08},
    {"prices in the text (log2)", [](const S& s) { return log_count(s.prices); }, -0.08, 0.11},
    {"add-to-cart buttons", [](const S& s) { return flag(s.cart_marks > 0); }, 0, -0.5},
    {"post and reply markup (log2)", [](const S& s) { return log_count(s.post_marks); }, -0.16, -0.02},
    {"card and teaser markup (log2)", [](const S& s) { return log_count(s.card_marks); }, -0.16, 0.07},
    {"a date in the URL", [](const S& s) { return flag(s.url_has_date); }, 3.46, -0.43},
    {"words in the URL's slug (up to 8)", [](const S& s) { return std::min(8.0, static_cast<double>(s.url_slug_words)); }, 0.19, -0.16},
    {"URL path depth (up to 5)", [](const S& s) { return std::min(5.0, static_cast<double>(s.url_depth)); }, 0.2, -0.03},
    {"URL names an article", [](const S& s) { return flag(s.url_kind == "article"); }, 0, 1.13},
    {"URL names a listing", [](const S& s) { return flag(s.url_kind == "listing"); }, -3.78, 1.19},
    {"URL names a product", [](const S& s) { return flag(s.url_kind == "product"); }, -3, -0.67},
    {"URL names a forum", [](const S& s) { return flag(s.url_kind == "forum"); }, -3.45, -0.83},
    {"URL names documentation", [](const S& s) { return flag(s.url_kind == "docs"); }, -4.55, -0.19},
    {"URL names a service", [](const S& s) { return flag(s.url_kind == "service"); }, -2.66, -1.46},
    {"prose paragraphs in one run (log2)", [](const S& s) { return log_count(static_cast<double>(s.prose_run)); }, 0.01, -0.05},
    {"characters in the longest prose run (log2 of 500)", [](const S& s) { return log_count(static_cast<double>(s.prose_run_chars) / 500); }, 0.64, 0.06},
    {"share of the page's text in the longest prose run", [](const S& s) { return share(s.prose_run_chars, s.text_chars); }, 0.63, -0.11},
    {"share of the page's text in the body", [](const S& s) { return std::min(1.0, share(s.body_chars, s.text_chars)); }, 3.32, -0.24},
    {"prose characters per heading (log2 of 100)", [](const S& s) {
         return log_count(static_cast<double>(s.prose_chars) / 100.0 / (1.0 + s.headings));
     }, -0.08, 0.1},
    {"buttons (log2)", [](const S& s) { return log_count(s.buttons); }, -0.52, 0.03},
    {"more than one h1", [](const S& s) { return flag(s.h1s > 1); }, 0.35, -0.12},
    {"no h1", [](const S& s) { return flag(s.h1s == 0); }, 2.18, -0.32},
    {"a date or an author", [](const S& s) { return flag(s.has_date || s.has_authors); }, 0, -0.36},
    {"host names a blog or news", [](const S& s) { return flag(s.host_kind == "article"); }, 3.16, 0},
    {"host names a shop", [](const S& s) { return flag(s.host_kind == "product"); }, -1.87, -0.3},
    {"host names a forum", [](const S& s) { return flag(s.host_kind == "forum"); }, -2.89, -0.87},
    {"host names documentation", [](const S& s) { return flag(s.host_kind == "docs"); }, -4.59, -0.96},
    {"inline code (log2)", [](const S& s) { return log_count(s.inline_code); }, -0.84, -0.15},
    {"navigation links (log2)", [](const S& s) { return log_count(s.nav_links); }, 0.14, -0.04},
    {"tables (log2)", [](const S& s) { return log_count(s.tables); }, -0.15, -0.04},
    {"we and our per 1,000 words (up to 40)", [](const S& s) { return std::min(40.0, s.we_rate) / 10; }, -0.67, 0.05},
    {"you and your per 1,000 words (up to 60)", [](const S& s) { return std::min(60.0, s.you_rate) / 10; }, -0.11, 0.02},
    {"said and says per 1,000 words (up to 10)", [](const S& s) { return std::min(10.0, s.said_rate); }, 0.51, 0.01},
    {"teaser blocks: like siblings with a link and a heading or image (log2)", [](const S& s) { return log_count(s.teaser_blocks); }, -0.12, 0.25},
    {"share of the page's text in teaser blocks", [](const S& s) { return std::min(1.0, share(s.teaser_chars, s.text_chars)); }, -0.86, 0.25},
    {"dated blocks: like siblings with a time (log2)", [](const S& s) { return log_count(s.dated_blocks); }, 0.29, -0.06},
    {"date stamps (log2)", [](const S& s) { return log_count(s.date_stamps); }, -0.07, 0.01},
    {"pagination", [](const S& s) { return flag(s.pagination_marks > 0); }, -0.91, 0.44},
    {"calls to action (log2)", [](const S& s) { return log_count(s.cta_links); }, -0.26, -0.23},
    {"text from the h1 to the first prose (log2 of 100)", [](const S& s) { return log_count(static_cast<double>(s.h1_to_prose) / 100); }, -0.14, 0.07},
    {"prose follows an h1", [](const S& s) { return flag(s.prose_after_h1); }, 1.66, -0.05},
    {"phone links (log2)", [](const S& s) { return log_count(s.phone_links); }, 0, -0.11},
    {"hero, feature, testimonial, FAQ and plan markup (log2)", [](const S& s) { return log_count(s.service_marks); }, -0.06, -0.11},
    {"byline, headline and story markup (log2)", [](const S& s) { return log_count(s.article_marks); }, 0.34, 0.02},
    {"I, my and me per 1,000 words (up to 40)", [](const S& s) { return std::min(40.0, s.i_rate) / 10; }, -0.55, -0.15},
    {"share of the body in paragraphs of 150+ characters", [](const S& s) { return share(s.body_long_chars, s.body_chars); }, 0.98, -0.02},
    {"share of the body in lines that end a sentence", [](const S& s) { return share(s.body_sentence_chars, s.body_chars); }, 1.17, 0},
    {"words in the title (up to 15)", [](const S& s) { return std::min(15.0, static_cast<double>(s.title_words)); }, 0.16, -0.17},
};
// clang-format on

// Before any evidence: the page is an article unless the evidence says
// otherwise.
constexpr double k_article_bias = 0.21;
constexpr double k_listing_bias = 0.2;

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
