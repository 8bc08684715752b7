#pragma once

// libxml2's HTML parser behind RAII, and the small DOM helpers extraction
// needs. Every walker here is iterative or depth-bounded: pages with 100,000
// nested elements exist and must not overflow the stack.

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// Below this depth, recursive helpers stop descending.
inline constexpr int k_max_walk_depth = 1000;

struct XmlDocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Attributes past this many in one tag are dropped before parsing: libxml2
// checks each attribute against all earlier ones of its tag, so 200,000 of
// them cost a minute.
inline constexpr std::size_t k_max_attributes_per_tag = 256;

struct ParsedHtml {
    XmlDocPtr doc;       // null only when libxml2 produced no document at all
    std::string stopped; // why libxml2 stopped before the end (the rest is lost), or empty
};

// libxml2 sets its globals up on first use, and that is not safe from two
// threads at once (libxml2 2.9.14: each makes its dictionary's mutex, and
// one is lost, which LeakSanitizer reported once). Called before threads
// that parse start; more calls do nothing.
void prepare_html_parser();

// Parse UTF-8 HTML leniently (errors recovered, no network, no depth limit),
// attributes capped per tag.
ParsedHtml parse_html_checked(std::string_view utf8);
XmlDocPtr parse_html(std::string_view utf8); // the document alone

// `html` with every attribute past the first `max_per_tag` of a tag removed
// (comments skipped, as the parser would), or nothing when no tag has more.
std::optional<std::string> cap_attributes(std::string_view html, std::size_t max_per_tag);

// Lower-case element name, or empty for non-elements.
std::string_view tag_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);

// An attribute's value (entities decoded), or empty.
std::string attr(const xmlNode* node, const char* name);
bool has_attr(const xmlNode* node, const char* name);

// All text below node, concatenated as is (scripts and styles included).
std::string raw_text(const xmlNode* node);

// Text below node as a reader sees it: scripts, styles, templates and
// <noscript> skipped, block elements separated by a space, white space
// collapsed.
std::string visible_text(const xmlNode* node);

xmlNode* root_element(xmlDoc* doc);
xmlNode* find_first(xmlNode* root, std::string_view name);
std::vector<xmlNode*> find_all(xmlNode* root, std::string_view name);

// The elements that hold the page's first <h1> and more than half of its
// text, below <body>. Whatever their tag or class says, they are the page:
// a <nav> or a "sidebar" left open swallows what follows it, and libxml2
// nests the article inside it. Readers that skip page furniture (navigation,
// asides, comments) must not skip these.
std::vector<const xmlNode*> page_holders(xmlNode* root);

// Calls fn(node, depth) for every element below root in document order,
// without recursion. fn returns false to skip the node's children.
template <class Fn>
void walk_elements(xmlNode* root, Fn&& fn) {
    if (root == nullptr) return;
    xmlNode* node = root;
    int depth = 0;
    while (node != nullptr) {
        bool descend = true;
        if (node->type == XML_ELEMENT_NODE) descend = fn(node, depth);
        if (descend && node->children != nullptr) {
            node = node->children;
            ++depth;
            continue;
        }
        while (node != nullptr && node != root && node->next == nullptr) {
            node = node->parent;
            --depth;
        }
        if (node == nullptr || node == root) break;
        node = node->next;
    }
}

} // namespace oped::indexer
