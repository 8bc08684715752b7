#include <oped/indexer/page_signals.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/body_classes.hpp>
#include <oped/indexer/html_doc.hpp>

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace oped::indexer {
namespace {

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Bylines and datelines are short; longer text is a container, not one.
constexpr std::size_t k_max_byline_bytes = 240;
constexpr std::size_t k_max_paragraph_bytes = 700;
constexpr std::size_t k_max_title_bytes = 1000;
constexpr std::size_t k_max_headings = 200;
constexpr std::size_t k_max_candidates = 200;
constexpr int k_max_ancestors = 40;

bool is_skipped(std::string_view name) {
    return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "svg" ||
           name == "button" || name == "select";
}

bool breaks_text(std::string_view name) {
    return name == "br" || name == "p" || name == "div" || name == "li" || name == "td" || name == "h1" ||
           name == "h2" || name == "h3" || name == "h4" || name == "h5" || name == "h6" || name == "section" ||
           name == "header" || name == "footer" || name == "ul" || name == "ol" || name == "tr" || name == "dd" ||
           name == "dt" || name == "figcaption" || name == "address" || name == "time";
}

// Visible text below node, or empty when it passes max bytes (the walk stops
// there, so a byline class on <body> costs nothing).
std::string class_and_id(const xmlNode* el);
bool contains(std::string_view hay, std::string_view needle);

// A link to the listing of a tag, category or topic: it names a subject,
// not a person.
bool is_topic_link(const xmlNode* el) {
    if (tag_name(el) != "a") return false;
    const std::string href = text::ascii_lower(attr(el, "href"));
    for (std::string_view part : {"/tag/", "/tags/", "/category/", "/categories/", "/topic/", "/topics/"}) {
        if (contains(href, part)) return true;
    }
    return false;
}

// Inside a byline, children that hold the author's job title, a date,
// social links or the page's topics are not part of the name.
bool is_byline_extra(const xmlNode* el) {
    if (is_topic_link(el)) return true;
    const std::string ci = class_and_id(el);
    for (std::string_view extra : {"title", "role", "job", "position", "date", "time", "avatar", "follow", "social",
                                   "twitter", "bio", "email"}) {
        if (contains(ci, extra)) return true;
    }
    return false;
}

std::string bounded_text(const xmlNode* node, std::size_t max, bool skip_extras = false) {
    std::string out;
    const xmlNode* cur = node->children;
    if (cur == nullptr) return out;
    while (cur != nullptr && cur != node) {
        bool descend = false;
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            if (cur->content != nullptr) out += reinterpret_cast<const char*>(cur->content);
            if (out.size() > max * 3) return {};
        } else if (cur->type == XML_ELEMENT_NODE) {
            const auto name = tag_name(cur);
            if (!is_skipped(name) && !(skip_extras && is_byline_extra(cur))) {
                if (breaks_text(name)) out.push_back(' ');
                descend = true;
            }
        }
        if (descend && cur->children != nullptr) {
            cur = cur->children;
            continue;
        }
        while (cur != nullptr && cur != node && cur->next == nullptr) {
            cur = cur->parent;
            if (cur != nullptr && cur != node && breaks_text(tag_name(cur))) out.push_back(' ');
        }
        if (cur == nullptr || cur == node) break;
        cur = cur->next;
    }
    std::string collapsed = text::collapse_space(out);
    if (collapsed.size() > max) return {};
    return collapsed;
}

std::string class_and_id(const xmlNode* el) {
    std::string ci = text::ascii_lower(attr(el, "class") + " " + attr(el, "id"));
    // "authority" is not "author".
    for (auto pos = ci.find("authorit"); pos != std::string::npos; pos = ci.find("authorit", pos))
        ci.replace(pos, 6, "xxxxxx");
    return ci;
}

// The elements that hold the page (html_doc.hpp page_holders): never
// furniture, whatever their tag or class.
using Holders = std::vector<const xmlNode*>;

// Inside comments, related links or navigation.
bool inside_comments(const xmlNode* el, const Holders& holders) {
    int n = 0;
    for (const xmlNode* p = el->parent; p != nullptr && n < k_max_ancestors; p = p->parent, ++n) {
        if (p->type != XML_ELEMENT_NODE) continue;
        if (std::find(holders.begin(), holders.end(), p) != holders.end()) continue;
        const std::string ci = class_and_id(p);
        if (contains(ci, "comment") || contains(ci, "related") || contains(ci, "recommend")) return true;
        if (tag_name(p) == "nav") return true;
    }
    return false;
}

std::string normalise_key(std::string_view key) {
    std::string k = text::ascii_lower(text::collapse_space(key));
    for (char& c : k) {
        if (c == '.') c = ':';
    }
    return k;
}

std::vector<std::string> split_space(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
        std::size_t j = i;
        while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n')) ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

void add_meta(PageSignals& s, const xmlNode* el) {
    std::string content = attr(el, "content");
    if (content.empty()) content = attr(el, "value");
    content = text::collapse_space(content);
    if (content.empty()) return;
    for (const auto& key : split_space(attr(el, "property"))) s.metas.push_back({normalise_key(key), content, true});
    for (const char* a : {"name", "itemprop", "http-equiv"}) {
        const std::string key = attr(el, a);
        if (!key.empty()) s.metas.push_back({normalise_key(key), content, false});
    }
    if (text::iequals(attr(el, "name"), "parsely-page")) s.parsely_page = attr(el, "content");
}

// The name inside an itemprop=author element: its itemprop=name, else its text.
std::string microdata_name(xmlNode* el) {
    std::string found;
    walk_elements(el, [&](xmlNode* child, int) {
        if (!found.empty()) return false;
        if (child != el && contains(" " + attr(child, "itemprop") + " ", " name ")) {
            found = attr(child, "content");
            if (found.empty()) found = bounded_text(child, k_max_byline_bytes, true);
            return false;
        }
        return true;
    });
    return found.empty() ? bounded_text(el, k_max_byline_bytes, true) : found;
}

void add_itemprop(PageSignals& s, xmlNode* el, const Holders& h) {
    const std::string props = " " + text::ascii_lower(attr(el, "itemprop")) + " ";
    auto value = [&]() {
        for (const char* a : {"content", "datetime", "title"}) {
            std::string v = attr(el, a);
            if (!v.empty()) return text::collapse_space(v);
        }
        return bounded_text(el, k_max_byline_bytes);
    };
    if (contains(props, " author ") || contains(props, " creator ")) {
        if (s.microdata_authors.size() < k_max_candidates && !inside_comments(el, h)) {
            s.microdata_authors.push_back(microdata_name(el));
        }
    }
    if (contains(props, " headline ")) s.microdata_headlines.push_back(bounded_text(el, k_max_title_bytes));
    if (contains(props, " datepublished ")) s.microdata_published.push_back(value());
    if (contains(props, " datemodified ")) s.microdata_modified.push_back(value());
}

bool is_author_href(std::string_view href);

// The names a byline links to their authors' pages, joined by "and"; empty
// when it links to none. A byline that links its names says which of its
// words they are: in "Jane Roe, 4+ years covering hardware, software, and
// science / Joe Bloggs, senior editor" only the two links are people.
std::string linked_names(xmlNode* el) {
    // A byline is a few elements; past this many, el holds more than one.
    constexpr std::size_t k_max_elements = 200;
    std::vector<std::string> names;
    std::size_t seen = 0;
    walk_elements(el, [&](xmlNode* child, int) {
        if (++seen > k_max_elements) return false;
        if (tag_name(child) != "a") return true;
        if (is_author_href(text::ascii_lower(attr(child, "href")))) {
            std::string name = bounded_text(child, k_max_byline_bytes, true);
            if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
                names.push_back(std::move(name));
            }
        }
        return false;
    });
    if (seen > k_max_elements) return {};
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : " and ") + name;
    return joined;
}

// `ci` is class_and_id(el), read once per element by the walk.
void add_byline_candidate(PageSignals& s, xmlNode* el, std::string_view name, const std::string& ci, const Holders& h) {
    const std::string rel = text::ascii_lower(attr(el, "rel"));
    const std::string props = text::ascii_lower(attr(el, "itemprop"));
    const bool strong = contains(rel, "author") || contains(props, "author") || contains(ci, "byline") ||
                        contains(ci, "byl ") || contains(ci, "writtenby") || contains(ci, "p-author");
    const bool weak = !strong && (contains(ci, "author") || contains(ci, "auteur") || contains(ci, "autor"));
    if (!strong && !weak) return;
    if (name == "body" || name == "html" || name == "article" || name == "main" || name == "img") return;
    for (std::string_view bad : {"comment", "avatar", "photo", "img", "image", "thumb", "follow", "social", "share",
                                 "email", "twitter", "facebook", "bio", "desc", "title", "more", "icon"}) {
        if (contains(ci, bad)) return;
    }
    if (s.strong_bylines.size() + s.weak_bylines.size() >= k_max_candidates) return;
    if (inside_comments(el, h)) return;
    std::string t = linked_names(el);
    if (t.empty()) t = bounded_text(el, k_max_byline_bytes, true);
    if (t.empty()) return;
    (strong ? s.strong_bylines : s.weak_bylines).push_back(std::move(t));
}

void add_time(PageSignals& s, const xmlNode* el, const Holders& h) {
    std::string when = attr(el, "datetime");
    if (when.empty()) return;
    const std::string ci = class_and_id(el) + " " + text::ascii_lower(attr(el, "itemprop"));
    if (has_attr(el, "pubdate") || contains(ci, "datepublished") || contains(ci, "publish") || contains(ci, "posted") ||
        contains(ci, "entry-date") || contains(ci, "pubdate")) {
        s.times_published.push_back(when);
    }
    if (s.times_any.size() < k_max_candidates && !inside_comments(el, h)) s.times_any.push_back(std::move(when));
}

void add_dateline(PageSignals& s, const xmlNode* el, const std::string& ci, const Holders& h) {
    if (s.datelines.size() >= k_max_candidates) return;
    if (ci.size() <= 1) return;
    if (!(contains(ci, "date") || contains(ci, "time") || contains(ci, "publish") || contains(ci, "posted") ||
          contains(ci, "byline") || contains(ci, "meta"))) {
        return;
    }
    if (contains(ci, "update") || contains(ci, "modif") || contains(ci, "lastmod") || inside_comments(el, h)) return;
    std::string t = bounded_text(el, k_max_byline_bytes);
    // "Last updated ...", "Mis à jour le ...": the date of a revision.
    const std::string lower = text::fold_case(t);
    for (std::string_view revision : {"updat", "modifi", "edited", "mis à jour", "actualiza", "aktualiz", "geändert"}) {
        if (contains(lower, revision)) return;
    }
    if (!t.empty()) s.datelines.push_back(std::move(t));
}

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_by_labels;
using lexicon::k_by_line_starts;

constexpr std::size_t k_max_by_line_bytes = 80;

bool is_author_href(std::string_view href) {
    for (std::string_view part : {"/author/", "/authors/", "/writer/", "/writers/", "/by/", "/autor/", "/auteur/"}) {
        if (contains(href, part)) return true;
    }
    return false;
}

bool is_by_line_tag(std::string_view name) {
    return name == "p" || name == "span" || name == "div" || name == "li" || name == "address" || name == "small" ||
           name == "em" || name == "strong" || name == "b" || name == "h4" || name == "h5" || name == "h6";
}

// "by 2032, reflecting broader adoption ... and emerging markets", "by 50
// percent": a number after the lead-in is a date or an amount; no name
// starts with a digit.
bool opens_with_number(std::string_view lower, std::size_t from) {
    return from < lower.size() && std::isdigit(static_cast<unsigned char>(lower[from])) != 0;
}

// "by signing up you agree", "by clicking below": a lead-in followed by a
// verb ending in -ing opens a clause, not a name (the text is folded, so
// "By Manning Marable" reads the same: a name also needs more than the -ing
// word to look like a clause: the "you" or "we" after it).
bool opens_clause(std::string_view lower, std::size_t from) {
    const std::size_t end = lower.find(' ', from);
    if (end == std::string_view::npos) return false;
    const std::string_view word = lower.substr(from, end - from);
    if (word.size() < 5 || !word.ends_with("ing")) return false;
    for (std::string_view subject : {" you ", " we ", " i ", " our ", " your "}) {
        if (lower.find(subject, end) != std::string_view::npos) return true;
    }
    return false;
}

// Text (folded) that opens with "By", "Written by" and the like, and more.
bool starts_by_line(std::string_view lower) {
    for (auto start : k_by_line_starts) {
        if (lower.starts_with(start) && lower.size() > start.size() + 2 && !opens_clause(lower, start.size()) &&
            !opens_with_number(lower, start.size())) {
            return true;
        }
    }
    return false;
}

// "<div><p>By Jane Doe</p><p>Co-founder</p></div>": a box whose first child
// with text is itself the "By" line; that child is the byline, not the box.
bool by_line_in_first_child(const xmlNode* el, std::string_view lower) {
    for (const xmlNode* child = el->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        const std::string first = text::fold_case(bounded_text(child, k_max_by_line_bytes));
        if (first.empty()) continue; // an image, an icon
        return is_by_line_tag(tag_name(child)) && starts_by_line(first) && lower.starts_with(first);
    }
    return false;
}

// Byline lines found by their words; see PageSignals::by_lines.
void add_by_line(PageSignals& s, xmlNode* el, std::string_view name, std::size_t position, const Holders& h) {
    if (s.by_lines.size() >= k_max_candidates || !is_by_line_tag(name)) return;
    const std::string t = bounded_text(el, k_max_by_line_bytes);
    if (t.empty()) return;
    const std::string lower = text::fold_case(t);
    const bool label = std::find(std::begin(k_by_labels), std::end(k_by_labels), lower) != std::end(k_by_labels);
    const bool starts = starts_by_line(lower);
    if (!label && !starts) return;
    if (inside_comments(el, h)) return;
    if (starts) {
        if (by_line_in_first_child(el, lower)) return;
        s.by_lines.push_back(t);
        s.by_line_positions.push_back(position);
        return;
    }
    // A label alone: the name is the next element's text.
    for (xmlNode* next = el->next; next != nullptr; next = next->next) {
        if (next->type != XML_ELEMENT_NODE) continue;
        std::string n = bounded_text(next, k_max_by_line_bytes, true);
        if (!n.empty()) {
            n.insert(0, t + " ");
            s.by_lines.push_back(std::move(n));
            s.by_line_positions.push_back(position);
        }
        break;
    }
}

void add_author_link(PageSignals& s, xmlNode* el, std::size_t position, const Holders& h) {
    if (s.author_links.size() >= k_max_candidates || !is_author_href(text::ascii_lower(attr(el, "href")))) return;
    std::string t = bounded_text(el, k_max_by_line_bytes, true);
    if (t.empty() || inside_comments(el, h)) return;
    s.author_links.push_back(std::move(t));
    s.author_link_positions.push_back(position);
}

// An element that hides itself: the hidden attribute, aria-hidden, a hiding
// class token ("sr-only", "visually-hidden", "d-none") or inline
// display:none. A hidden <h1> is for screen readers or a collapsed menu, not
// the headline a reader sees.
bool hides_itself(const xmlNode* el) {
    if (has_attr(el, "hidden") || text::ascii_lower(attr(el, "aria-hidden")) == "true") return true;
    if (body::is_hidden_class(text::ascii_lower(attr(el, "class")))) return true;
    std::string style = text::ascii_lower(attr(el, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    return contains(style, "display:none");
}

// An <h1> whose class or id names the article's own headline ("headline",
// "entry-title", "post__title", "article-title") or that is marked
// itemprop=headline, as themes and CMSs mark it. "site-title", "widget-title"
// and "overlay-title" name other things; a "hero__title" is as often a
// landing page's slogan; "font--headline" or "typography-headline" name a
// type style, not a role.
bool names_article_headline(const xmlNode* el) {
    if (text::ascii_lower(attr(el, "itemprop")) == "headline") return true;
    const std::string ci = text::ascii_lower(attr(el, "class") + " " + attr(el, "id"));
    std::size_t start = 0;
    while (start < ci.size()) {
        std::size_t end = ci.find(' ', start);
        if (end == std::string::npos) end = ci.size();
        const std::string_view token = std::string_view(ci).substr(start, end - start);
        start = end + 1;
        if (contains(token, "font") || contains(token, "typography") || contains(token, "text")) continue;
        if (contains(token, "headline")) return true;
        for (std::string_view what : {"entry", "post", "article", "story", "page", "content"}) {
            for (std::string_view joint : {"-", "_", "__"}) {
                if (contains(token, std::string(what) + std::string(joint) + "title")) return true;
            }
        }
    }
    return false;
}

// h2/h3, bold runs and title-named elements: candidates to corroborate a
// segment of <title> (see PageSignals::headings).
bool names_heading(const xmlNode* el, std::string_view name) {
    // An <h1> gets here when hidden: it may still repeat the headline.
    if (name == "h1" || name == "h2" || name == "h3" || name == "b" || name == "strong") return true;
    const std::string cls = text::ascii_lower(attr(el, "class") + " " + attr(el, "id"));
    return contains(cls, "headline") || contains(cls, "title");
}

} // namespace

std::string PageSignals::meta(std::string_view key) const {
    for (bool property : {true, false}) {
        for (const auto& m : metas) {
            if (m.from_property == property && m.key == key) return m.value;
        }
    }
    return {};
}

std::vector<std::string> PageSignals::meta_all(std::string_view key) const {
    std::vector<std::string> out;
    for (bool property : {true, false}) {
        for (const auto& m : metas) {
            if (m.from_property == property && m.key == key) out.push_back(m.value);
        }
        if (!out.empty()) break;
    }
    return out;
}

PageSignals collect_signals(xmlDoc* doc) {
    PageSignals s;
    xmlNode* root = root_element(doc);
    if (root == nullptr) return s;
    const Holders holders = page_holders(root);
    bool have_title = false;
    std::size_t position = 0;
    walk_elements(root, [&](xmlNode* el, int) {
        const auto name = tag_name(el);
        ++position;
        if (name == "meta") {
            add_meta(s, el);
            return false;
        }
        if (name == "html" && s.html_lang.empty()) {
            s.html_lang = attr(el, "lang");
            if (s.html_lang.empty()) s.html_lang = attr(el, "xml:lang");
        }
        if (name == "base" && s.base_href.empty()) s.base_href = attr(el, "href");
        if (name == "link") {
            const std::string rel = text::ascii_lower(attr(el, "rel"));
            if (contains(" " + rel + " ", " canonical ") && s.canonical.empty()) s.canonical = attr(el, "href");
            return false;
        }
        if (name == "title" && !have_title) {
            // The document's title, not an SVG <title>.
            have_title = true;
            s.title = text::collapse_space(raw_text(el));
            return false;
        }
        if (name == "script") {
            if (text::ascii_lower(text::collapse_space(attr(el, "type"))) == "application/ld+json") {
                auto found = parse_jsonld(raw_text(el));
                s.jsonld.insert(s.jsonld.end(), found.begin(), found.end());
            }
            return false;
        }
        if (is_skipped(name)) return false;
        if (name == "h1" && s.h1s.size() < k_max_candidates && !hides_itself(el)) {
            // Entities escaped twice ("SQL &#x26; AI") are shown decoded once.
            std::string t = decode_entities(bounded_text(el, k_max_title_bytes));
            if (!t.empty() && names_article_headline(el)) s.headline_h1s.push_back(t);
            if (!t.empty()) s.h1s.push_back(std::move(t));
            if (s.first_h1_position == static_cast<std::size_t>(-1)) s.first_h1_position = position;
        } else if (s.headings.size() < k_max_headings && names_heading(el, name)) {
            std::string t = bounded_text(el, k_max_title_bytes);
            if (!t.empty()) s.headings.push_back(std::move(t));
        }
        if (has_attr(el, "itemprop")) add_itemprop(s, el, holders);
        const std::string ci = class_and_id(el);
        add_byline_candidate(s, el, name, ci, holders);
        add_by_line(s, el, name, position, holders);
        if (name == "a") add_author_link(s, el, position, holders);
        if (name == "time") add_time(s, el, holders);
        add_dateline(s, el, ci, holders);
        if (name == "p" || name == "em" || name == "i" || name == "address") {
            std::string t = bounded_text(el, k_max_paragraph_bytes);
            if (!t.empty()) s.paragraphs.push_back(std::move(t));
        }
        return true;
    });
    // Stable order: article objects from every script before page objects.
    std::stable_partition(s.jsonld.begin(), s.jsonld.end(), [](const JsonLdArticle& a) { return a.is_article; });
    for (auto& a : s.jsonld) {
        for (std::string* f : {&a.headline, &a.name, &a.description, &a.site, &a.section}) *f = decode_entities(*f);
        for (auto& au : a.authors) au = decode_entities(au);
        for (auto& t : a.tags) t = decode_entities(t);
    }
    return s;
}

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        const auto semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) {
            out.push_back('&');
            continue;
        }
        const std::string ref(s.substr(i + 1, semi - i - 1));
        char32_t cp = 0;
        if (ref[0] == '#') {
            const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
            char* end = nullptr;
            const std::string digits = ref.substr(hex ? 2 : 1);
            const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end != nullptr && *end == '\0' && v > 0 && v <= 0x10FFFF) {
                cp = static_cast<char32_t>(v);
            }
        } else if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(ref.c_str()))) {
            cp = static_cast<char32_t>(e->value);
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out.push_back('&');
            continue;
        }
        text::append_utf8(out, cp);
        i = semi;
    }
    return out;
}

} // namespace oped::indexer
