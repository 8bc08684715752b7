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
    "-ad-",       "banner",  "combx",    "comment", "com-",       "contact",   "footer", "gdpr",     "masthead",
    "media",      "meta",    "outbrain", "promo",   "related",    "scroll",    "share",  "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",    "newsletter", "subscribe", "cookie"};

constexpr std::string_view k_unlikely[] = {
    "-ad-",         "ai2html",  "banner",  "breadcrumbs", "combx",   "comment",    "community",  "cover-wrap",
    "disqus",       "extra",    "footer",  "gdpr",        "header",  "legends",    "menu",       "related",
    "remark",       "replies",  "rss",     "shoutbox",    "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break", "agegate", "pagination",  "pager",   "popup",      "yom-remote", "newsletter",
    "cookie",       "consent",  "modal",   "dialog",      "lightbox"};

constexpr std::string_view k_maybe[] = {"and", "article", "body", "column", "content", "main", "mathjax", "shadow"};

template <class Fn>
void for_each_token(std::string_view s, Fn&& fn) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto start = s.find_first_not_of(" \t\n\r\f", pos);
        if (start == std::string_view::npos) return;
        auto end = s.find_first_of(" \t\n\r\f", start);
        if (end == std::string_view::npos) end = s.size();
        fn(s.substr(start, end - start));
        pos = end;
    }
}

// A sidebar widget in WordPress's convention ("widget", "widget_recent_entries").
// Page builders name their content blocks "...-widget-..." too
// ("elementor-widget-text-editor", "hs_cos_wrapper_widget"): those are not.
bool is_sidebar_widget(std::string_view s) {
    bool found = false;
    for_each_token(s,
                   [&](std::string_view token) { found = found || token == "widget" || token.starts_with("widget_"); });
    return found;
}

int weigh(std::string_view s, bool hidden) {
    if (s.empty()) return 0;
    int w = 0;
    if (hidden || contains_any(s, k_negative) || has_token(s, "hid") || is_sidebar_widget(s)) w -= 25;
    if (contains_any(s, k_positive)) w += 25;
    return w;
}

// Class tokens that hide their element in the common CSS frameworks. Only a
// whole token counts: "overflow-hidden" or "field-label-hidden" hide nothing.
constexpr std::string_view k_hiding_tokens[] = {"hidden",
                                                "hide",
                                                "is-hidden",
                                                "u-hidden",
                                                "d-none",
                                                "invisible",
                                                "sr-only",
                                                "show-for-sr",
                                                "visually-hidden",
                                                "visuallyhidden",
                                                "screen-reader-text",
                                                "screen-reader-only",
                                                "element-invisible",
                                                "a11y-hidden"};

// A token that shows the element again from some screen width on
// ("md:block", "lg:flex", "d-md-block", "d-lg-inline-flex"): the hiding
// token then only applies to small screens.
bool is_responsive_display(std::string_view token) {
    static constexpr std::string_view k_displays[] = {"block", "flex",        "inline", "inline-block", "inline-flex",
                                                      "grid",  "inline-grid", "table",  "contents"};
    const auto colon = token.rfind(':');
    if (colon != std::string_view::npos && colon > 0) {
        const auto value = token.substr(colon + 1);
        return std::find(std::begin(k_displays), std::end(k_displays), value) != std::end(k_displays);
    }
    if (!token.starts_with("d-")) return false;
    const auto dash = token.find('-', 2);
    if (dash == std::string_view::npos) return false;
    const auto value = token.substr(dash + 1);
    return std::find(std::begin(k_displays), std::end(k_displays), value) != std::end(k_displays);
}

// A library's own hiding class, its short namespace before the word:
// "vjs-hidden", "trc-hidden", "yucs-hide". Longer prefixes name what is
// hidden ("overflow-hidden", "label-hidden") and hide nothing themselves.
bool is_namespaced_hiding(std::string_view token) {
    for (std::string_view word : {std::string_view("-hidden"), std::string_view("-hide")}) {
        if (token.size() <= word.size() || !token.ends_with(word)) continue;
        const auto prefix = token.substr(0, token.size() - word.size());
        if (prefix.size() <= 4 && std::all_of(prefix.begin(), prefix.end(), is_word_char)) return true;
    }
    return false;
}

} // namespace

int class_weight(const xmlNode* node) {
    const std::string cls = text::ascii_lower(attr(node, "class"));
    return weigh(cls, is_hidden_class(cls)) + weigh(text::ascii_lower(attr(node, "id")), false);
}

bool is_unlikely_candidate(std::string_view s) {
    return !s.empty() && contains_any(s, k_unlikely) && !contains_any(s, k_maybe);
}

bool is_unlikely_role(std::string_view role) {
    static constexpr std::string_view k_roles[] = {"menu",  "menubar",     "complementary", "navigation",
                                                   "alert", "alertdialog", "dialog"};
    return std::find(std::begin(k_roles), std::end(k_roles), role) != std::end(k_roles);
}

std::vector<std::string_view> class_tokens(std::string_view class_attr) {
    std::vector<std::string_view> out;
    for_each_token(class_attr, [&](std::string_view token) { out.push_back(token); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool is_byline_hint(std::string_view s) {
    static constexpr std::string_view k_byline[] = {"byline", "author", "dateline", "writtenby", "p-author"};
    return contains_any(s, k_byline);
}

bool is_hidden_class(std::string_view class_attr) {
    bool hiding = false;
    bool shown = false;
    for_each_token(class_attr, [&](std::string_view token) {
        if (std::find(std::begin(k_hiding_tokens), std::end(k_hiding_tokens), token) != std::end(k_hiding_tokens) ||
            is_namespaced_hiding(token)) {
            hiding = true;
        } else if (is_responsive_display(token)) {
            shown = true;
        }
    });
    return hiding && !shown;
}

bool is_caption_hint(std::string_view s) {
    return s.find("caption") != std::string_view::npos || s.find("credit") != std::string_view::npos;
}

bool is_share_hint(std::string_view s) { return has_token(s, "share") || has_token(s, "sharedaddy"); }

} // namespace oped::indexer::body
