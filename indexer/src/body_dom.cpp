#include <oped/indexer/body_dom.hpp>

#include <oped/common/text.hpp>

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace oped::indexer::body {
namespace {

template <std::size_t N>
bool one_of(std::string_view tag, const std::string_view (&names)[N]) {
    return std::find(std::begin(names), std::end(names), tag) != std::end(names);
}

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Copies src's children (elements with their attributes, and text) below dst.
void copy_children(const xmlNode* src, xmlNode* dst) {
    xmlDoc* doc = dst->doc;
    // Pairs of (source element, its copy) whose children are still to copy.
    std::vector<std::pair<const xmlNode*, xmlNode*>> pending{{src, dst}};
    while (!pending.empty()) {
        const auto [from, to] = pending.back();
        pending.pop_back();
        for (const xmlNode* c = from->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) {
                xmlNode* e = xmlDocCopyNode(const_cast<xmlNode*>(c), doc, 2);
                xmlAddChild(to, e);
                pending.emplace_back(c, e);
            } else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
                // xmlAddChild merges adjacent text nodes; that is harmless.
                xmlAddChild(to, xmlNewDocText(doc, c->content));
            }
        }
    }
}

} // namespace

XmlDocPtr copy_to_document(const xmlNode* root) {
    XmlDocPtr doc(htmlNewDocNoDtD(nullptr, nullptr));
    if (!doc || root == nullptr || root->type != XML_ELEMENT_NODE) return doc;
    xmlNode* copy_root = xmlDocCopyNode(const_cast<xmlNode*>(root), doc.get(), 2);
    xmlDocSetRootElement(doc.get(), copy_root);
    copy_children(root, copy_root);
    return doc;
}

xmlNode* append_copy(const xmlNode* src, xmlNode* parent) {
    if (src == nullptr || src->type != XML_ELEMENT_NODE || parent == nullptr) return nullptr;
    xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(src), parent->doc, 2);
    xmlAddChild(parent, copy);
    copy_children(src, copy);
    return copy;
}

void remove_node(xmlNode* node) {
    if (node == nullptr) return;
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

void remove_nodes(xmlNode* root, const std::vector<xmlNode*>& nodes) {
    if (nodes.empty()) return;
    const std::unordered_set<const xmlNode*> listed(nodes.begin(), nodes.end());
    if (listed.contains(root)) {
        remove_node(root);
        return;
    }
    std::vector<xmlNode*> outermost;
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (!listed.contains(node)) return true;
            outermost.push_back(node);
            return false;
        },
        [](xmlNode*) {});
    for (xmlNode* node : outermost) remove_node(node);
}

void rename_element(xmlNode* node, const char* name) { xmlNodeSetName(node, reinterpret_cast<const xmlChar*>(name)); }

std::string class_and_id(const xmlNode* node) {
    std::string s = attr(node, "class");
    const std::string id = attr(node, "id");
    if (!id.empty()) {
        s += ' ';
        s += id;
    }
    return text::ascii_lower(s);
}

bool is_text(const xmlNode* node) {
    return node != nullptr && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

bool is_heading(std::string_view tag) { return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'; }

bool is_block(std::string_view tag) {
    static constexpr std::string_view k_blocks[] = {
        "address", "article", "aside",  "blockquote", "body",    "br",      "caption",  "center",
        "dd",      "details", "dialog", "div",        "dl",      "dt",      "fieldset", "figcaption",
        "figure",  "footer",  "form",   "header",     "hgroup",  "hr",      "li",       "main",
        "nav",     "ol",      "p",      "pre",        "section", "summary", "table",    "tbody",
        "td",      "tfoot",   "th",     "thead",      "tr",      "ul",      "option",   "menu"};
    return is_heading(tag) || one_of(tag, k_blocks);
}

bool is_phrasing(const xmlNode* node) {
    if (is_text(node)) return true;
    if (node == nullptr || node->type != XML_ELEMENT_NODE) return false;
    static constexpr std::string_view k_phrasing[] = {
        "abbr",     "audio", "b",      "bdi",      "bdo",    "br",     "button",  "cite",     "code", "data",
        "datalist", "dfn",   "em",     "embed",    "font",   "i",      "img",     "input",    "kbd",  "label",
        "mark",     "math",  "meter",  "noscript", "object", "output", "picture", "progress", "q",    "ruby",
        "s",        "samp",  "script", "select",   "small",  "span",   "strike",  "strong",   "sub",  "sup",
        "textarea", "time",  "tt",     "u",        "var",    "wbr",    "big"};
    const auto tag = tag_name(node);
    if (one_of(tag, k_phrasing)) return true;
    if (tag == "a" || tag == "del" || tag == "ins") {
        for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && is_block(tag_name(c))) return false;
        }
        return true;
    }
    return false;
}

bool is_blank(const xmlNode* text) {
    if (text == nullptr || text->content == nullptr) return true;
    for (const xmlChar* p = text->content; *p != 0; ++p) {
        if (!is_space_byte(*p)) return false;
    }
    return true;
}

std::size_t text_length(std::string_view utf8) {
    // Runs of white space count once, and only between visible characters.
    std::size_t n = 0;
    bool pending_space = false;
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_space_byte(c)) {
            pending_space = n > 0;
            continue;
        }
        if ((c & 0xC0) == 0x80) continue; // continuation bytes: one count per code point
        if (pending_space) ++n;
        pending_space = false;
        ++n;
    }
    return n;
}

} // namespace oped::indexer::body
