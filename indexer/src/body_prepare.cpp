#include <oped/indexer/body_prepare.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_classes.hpp>
#include <oped/indexer/body_dom.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace oped::indexer::body {
namespace {

// Elements whose content is never shown as text.
bool never_text(std::string_view tag) {
    static constexpr std::string_view k_tags[] = {"script", "style",  "noscript", "template", "link",
                                                  "meta",   "iframe", "object",   "embed",    "svg",
                                                  "canvas", "head",   "frameset", "frame",    "applet"};
    return std::find(std::begin(k_tags), std::end(k_tags), tag) != std::end(k_tags);
}

// Page furniture by its tag.
bool is_furniture_tag(std::string_view tag) {
    return tag == "nav" || tag == "aside" || tag == "footer" || tag == "dialog";
}

// An element holding more than this share of the page's text, and the
// page's headline or its main or article element, is the page itself,
// whatever its markup says: a wrapper hidden until a script shows it, or a
// header or menu that swallowed the page because a tag was left open. It is
// kept and its parts are judged one by one. (A long gallery caption list or
// a comment thread can outweigh the article, but holds no h1.)
constexpr double k_most_of_page = 0.5;

struct Extent {
    std::size_t chars = 0; // visible text
    bool anchored = false; // holds an h1, <main> or <article>
};

bool is_anchor(std::string_view tag) { return tag == "h1" || tag == "main" || tag == "article"; }

// The extent of every element, bottom-up in one pass.
std::unordered_map<const xmlNode*, Extent> measure(xmlNode* root) {
    std::unordered_map<const xmlNode*, Extent> out;
    std::vector<Extent> stack;
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_ELEMENT_NODE) {
                if (never_text(tag_name(node))) return false;
                stack.emplace_back();
                return true;
            }
            if (is_text(node) && node->content != nullptr && !stack.empty()) {
                stack.back().chars += text_length(reinterpret_cast<const char*>(node->content));
            }
            return false;
        },
        [&](xmlNode* node) {
            if (node->type != XML_ELEMENT_NODE || never_text(tag_name(node))) return;
            const Extent e = stack.back();
            stack.pop_back();
            if (!stack.empty()) {
                stack.back().chars += e.chars;
                stack.back().anchored = stack.back().anchored || e.anchored || is_anchor(tag_name(node));
            }
            out.emplace(node, e);
        });
    return out;
}

std::string without_space(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
    }
    return text::ascii_lower(out);
}

// React's streamed segments: <div hidden id="S:3"> holds server-rendered
// content that a script moves into place as soon as it arrives.
bool is_streamed_segment(const xmlNode* node) {
    const std::string id = attr(node, "id");
    return id.size() > 2 && id.starts_with("S:") &&
           std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The hidden attribute, aria-hidden, a hiding class token, or an inline
// display:none / visibility:hidden.
bool is_hidden(const xmlNode* node) {
    if (has_attr(node, "hidden")) return !is_streamed_segment(node);
    if (text::ascii_lower(attr(node, "aria-hidden")) == "true" &&
        attr(node, "class").find("fallback-image") == std::string::npos) {
        return true;
    }
    if (is_hidden_class(text::ascii_lower(attr(node, "class")))) return true;
    const std::string style = without_space(attr(node, "style"));
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool has_ancestor(const xmlNode* node, std::string_view tag) {
    int steps = 0;
    for (const xmlNode* p = node->parent; p != nullptr && steps < k_max_walk_depth; p = p->parent, ++steps) {
        if (tag_name(p) == tag) return true;
    }
    return false;
}

// Visible text length of node, or limit + 1 as soon as it exceeds limit
// (also when the subtree is too large to be a byline).
std::size_t bounded_length(xmlNode* node, std::size_t limit) {
    std::size_t n = 0;
    std::size_t visited = 0;
    walk_tree(
        node,
        [&](xmlNode* c) {
            if (n > limit || ++visited > 4 * limit) {
                n = limit + 1;
                return false;
            }
            if (is_text(c) && c->content != nullptr) n += text_length(reinterpret_cast<const char*>(c->content));
            return c->type == XML_ELEMENT_NODE;
        },
        [](xmlNode*) {});
    return n;
}

bool is_byline(xmlNode* node, std::string_view match) {
    const bool hinted = text::ascii_lower(attr(node, "rel")) == "author" ||
                        text::ascii_lower(attr(node, "itemprop")).find("author") != std::string::npos ||
                        is_byline_hint(match);
    if (!hinted) return false;
    const std::size_t len = bounded_length(node, 100);
    return len > 0 && len < 100;
}

// Figure captions and photo credits, however marked up.
bool is_caption(xmlNode* node, std::string_view match) {
    if (tag_name(node) == "figcaption") return true;
    if (!is_caption_hint(match)) return false;
    return bounded_length(node, 300) <= 300;
}

class Pruner {
  public:
    Pruner(xmlNode* root, const Flags& flags) : m_extents(measure(root)), m_flags(flags) {
        const auto it = m_extents.find(root);
        m_page_chars = it == m_extents.end() ? 0 : it->second.chars;
    }

    // Whether the element should go, judged from its own tag and attributes.
    bool should_prune(xmlNode* node) const {
        const auto tag = tag_name(node);
        if (tag == "html" || tag == "body") return false;
        if (never_text(tag)) return true;
        if ((is_furniture_tag(tag) || is_hidden(node)) && !holds_most_of_page(node)) return true;
        // A form beside the text is a sign-up, contact, search or comment
        // form, or a product comparison to pick from. A form holding most of
        // the page's text is the page (ASP.NET wraps whole pages in one,
        // forums their threads), headline or not.
        if (tag == "form" && !holds_most_text(node)) return true;
        if (tag == "a") return false;
        const std::string match = class_and_id(node);
        if (m_flags.strip_unlikely && !holds_most_of_page(node)) {
            if (is_unlikely_role(text::ascii_lower(attr(node, "role")))) return true;
            if (is_unlikely_candidate(match) && tag != "article" && tag != "main" && !has_ancestor(node, "table") &&
                !has_ancestor(node, "code")) {
                return true;
            }
        }
        return is_byline(node, match) || is_caption(node, match);
    }

  private:
    bool holds_most_text(const xmlNode* node) const {
        const auto it = m_extents.find(node);
        return it != m_extents.end() &&
               static_cast<double>(it->second.chars) > k_most_of_page * static_cast<double>(m_page_chars);
    }

    bool holds_most_of_page(const xmlNode* node) const {
        const auto it = m_extents.find(node);
        return it != m_extents.end() && it->second.anchored &&
               static_cast<double>(it->second.chars) > k_most_of_page * static_cast<double>(m_page_chars);
    }

    std::unordered_map<const xmlNode*, Extent> m_extents;
    std::size_t m_page_chars = 0;
    const Flags& m_flags;
};

xmlNode* next_non_blank(xmlNode* node) {
    while (node != nullptr && is_text(node) && is_blank(node)) node = node->next;
    return node;
}

bool is_br(const xmlNode* node) { return is_element(node, "br"); }

xmlNode* new_element(xmlNode* like, const char* name) {
    return xmlNewDocNode(like->doc, nullptr, reinterpret_cast<const xmlChar*>(name), nullptr);
}

// Unlinks rather than frees: the caller's list of <br>s may still point at
// a removed one, so it goes to `trash`, freed when the caller is done.
void trim_trailing_blank(xmlNode* p, std::vector<xmlNode*>& trash) {
    while (p->last != nullptr && ((is_text(p->last) && is_blank(p->last)) || is_br(p->last))) {
        xmlNode* last = p->last;
        xmlUnlinkNode(last);
        trash.push_back(last);
    }
}

// Readability's replaceBrs: the first <br> of a run of two or more becomes a
// <p> that takes in the phrasing content after it, up to the next run.
void replace_br_runs(xmlNode* root) {
    std::vector<xmlNode*> brs = find_all(root, "br");
    std::vector<xmlNode*> trash; // unlinked now, freed at the end: brs may still point at them
    for (xmlNode* br : brs) {
        if (br->parent == nullptr) continue;
        bool replaced = false;
        for (xmlNode* next = next_non_blank(br->next); is_br(next); next = next_non_blank(br->next)) {
            replaced = true;
            xmlUnlinkNode(next);
            trash.push_back(next);
        }
        if (!replaced) continue;
        xmlNode* p = new_element(br, "p");
        xmlReplaceNode(br, p);
        trash.push_back(br);
        for (xmlNode* next = p->next; next != nullptr;) {
            if (is_br(next) && is_br(next_non_blank(next->next))) break;
            if (!is_phrasing(next)) break;
            xmlNode* following = next->next;
            xmlUnlinkNode(next);
            xmlAddChild(p, next);
            next = following;
        }
        trim_trailing_blank(p, trash);
        if (is_element(p->parent, "p")) rename_element(p->parent, "div");
    }
    for (xmlNode* n : trash) xmlFreeNode(n);
}

// Wrap runs of phrasing content with text in <p>s; a <div> of phrasing
// content only becomes a <p> itself.
void paragraphise(xmlNode* div) {
    bool all_phrasing = true;
    bool any_text = false;
    for (xmlNode* c = div->children; c != nullptr; c = c->next) {
        if (!is_phrasing(c)) {
            if (c->type == XML_ELEMENT_NODE) all_phrasing = false;
        } else if (!(is_text(c) && is_blank(c)) && !is_br(c)) {
            any_text = true;
        }
    }
    if (all_phrasing) {
        if (any_text) rename_element(div, "p");
        return;
    }
    xmlNode* p = nullptr;
    std::vector<xmlNode*> trash;
    for (xmlNode* c = div->children; c != nullptr;) {
        xmlNode* next = c->next;
        if (is_phrasing(c) && c->type != XML_COMMENT_NODE) {
            if (p != nullptr) {
                xmlUnlinkNode(c);
                xmlAddChild(p, c);
            } else if (!(is_text(c) && is_blank(c)) && !is_br(c)) {
                p = new_element(div, "p");
                xmlReplaceNode(c, p);
                xmlAddChild(p, c);
            }
        } else if (p != nullptr) {
            trim_trailing_blank(p, trash);
            p = nullptr;
        }
        c = next;
    }
    if (p != nullptr) trim_trailing_blank(p, trash);
    for (xmlNode* n : trash) xmlFreeNode(n);
}

} // namespace

void prune(xmlNode* root, const Flags& flags) {
    const Pruner pruner(root, flags);
    std::vector<xmlNode*> doomed;
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_ELEMENT_NODE) {
                if (!pruner.should_prune(node)) return true;
                doomed.push_back(node);
            } else if (!is_text(node)) {
                doomed.push_back(node); // comments, processing instructions
            }
            return false;
        },
        [](xmlNode*) {});
    remove_nodes(root, doomed);
}

void restructure(xmlNode* root) {
    replace_br_runs(root);
    walk_tree(
        root,
        [](xmlNode* node) {
            if (node->type != XML_ELEMENT_NODE) return false;
            if (tag_name(node) == "div") paragraphise(node);
            return true;
        },
        [](xmlNode*) {});
}

} // namespace oped::indexer::body
