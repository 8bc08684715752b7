#include <oped/indexer/body_classes.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/html_doc.hpp>

#include <algorithm>
#include <string>

namespace oped::indexer::body {
namespace {

template <std::size_t N>
bool contains_any(std::string_view s, const std::string_view (&words)[N]) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// `word` appears in s delimited by non-alphanumerics ("share-bar", "hid").
bool has_token(std::string_view s, std::string_view word) {
    for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
        const bool left = pos == 0 || !is_word_char(s[pos - 1]);
        const std::size_t end = pos + word.size();
        const bool right = end == s.size() || !is_word_char(s[end]);
        if (left && right) return true;
    }
    return false;
}

constexpr std::string_view k_positive[] = {"article", "body",       "content", "entry", "hentry", "h-entry", "main",
                                           "page",    "pagination", "post",    "text",  "blog",   "story"};

constexpr std::string_view k_negative[] = {
    "-ad-",     "hidden",     "banner",  "combx",    "comment", "com-",    "contact",    "footer",    "gdpr",
    "masthead", "media",      "meta",    "outbrain", "promo",   "related", "scroll",     "share",     "shoutbox",
    "sidebar",  "skyscraper", "sponsor", "shopping", "tags",    "widget",  "newsletter", "subscribe", "cookie"};

constexpr std::string_view k_unlikely[] = {
    "-ad-",         "ai2html",  "banner",  "breadcrumbs", "combx",   "comment",    "community",  "cover-wrap",
    "disqus",       "extra",    "footer",  "gdpr",        "header",  "legends",    "menu",       "related",
    "remark",       "replies",  "rss",     "shoutbox",    "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break", "agegate", "pagination",  "pager",   "popup",      "yom-remote", "newsletter",
    "cookie",       "consent",  "modal",   "dialog",      "lightbox"};

constexpr std::string_view k_maybe[] = {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"};

int weigh(std::string_view s) {
    if (s.empty()) return 0;
    int w = 0;
    if (contains_any(s, k_negative) || has_token(s, "hid")) w -= 25;
    if (contains_any(s, k_positive)) w += 25;
    return w;
}

} // namespace

int class_weight(const xmlNode* node) {
    return weigh(text::ascii_lower(attr(node, "class"))) + weigh(text::ascii_lower(attr(node, "id")));
}

bool is_unlikely_candidate(std::string_view s) {
    return !s.empty() && contains_any(s, k_unlikely) && !contains_any(s, k_maybe);
}

bool is_unlikely_role(std::string_view role) {
    static constexpr std::string_view k_roles[] = {"menu",  "menubar",     "complementary", "navigation",
                                                   "alert", "alertdialog", "dialog"};
    return std::find(std::begin(k_roles), std::end(k_roles), role) != std::end(k_roles);
}

bool is_byline_hint(std::string_view s) {
    static constexpr std::string_view k_byline[] = {"byline", "author", "dateline", "writtenby", "p-author"};
    return contains_any(s, k_byline);
}

bool is_hidden_class(std::string_view s) {
    static constexpr std::string_view k_hidden[] = {
        "hidden", "hide", "d-none", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"};
    return std::any_of(std::begin(k_hidden), std::end(k_hidden), [&](std::string_view w) { return has_token(s, w); });
}

bool is_caption_hint(std::string_view s) {
    return s.find("caption") != std::string_view::npos || s.find("credit") != std::string_view::npos;
}

bool is_share_hint(std::string_view s) { return has_token(s, "share") || has_token(s, "sharedaddy"); }

} // namespace oped::indexer::body
