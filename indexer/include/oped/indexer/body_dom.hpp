#pragma once

// DOM plumbing for body extraction: an iterative enter/leave walk, a deep
// copy, node removal and the tag classes the rules below read. Nothing here
// recurses: trees 100,000 elements deep are walked with heap memory only.

#include <oped/indexer/html_doc.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer::body {

// Calls enter(node) for every node below and including root (elements, text,
// comments) in document order; enter returns false to skip the children.
// leave(node) follows once the node's children are done, and may unlink and
// free that node (never another one).
template <class Enter, class Leave>
void walk_tree(xmlNode* root, Enter&& enter, Leave&& leave) {
    if (root == nullptr) return;
    xmlNode* node = root;
    for (;;) {
        if (enter(node) && node->children != nullptr) {
            node = node->children;
            continue;
        }
        for (;;) {
            xmlNode* next = node->next;
            xmlNode* parent = node->parent;
            const bool at_root = node == root;
            leave(node);
            if (at_root) return;
            if (next != nullptr) {
                node = next;
                break;
            }
            node = parent;
        }
    }
}

// A new document whose root element is a deep copy of `root` (elements with
// their attributes, and text; comments and other nodes dropped).
XmlDocPtr copy_to_document(const xmlNode* root);

// Appends a deep copy of the element `src` (as copy_to_document copies) to
// `parent`'s children, in parent's document; returns the copy.
xmlNode* append_copy(const xmlNode* src, xmlNode* parent);

// Unlink and free a node and everything below it.
void remove_node(xmlNode* node);

// Remove every node in `nodes` (all below or at `root`'s children) with its
// subtree. A node listed twice, or inside another listed node, is freed once:
// rules that collect nodes to drop often pick a block and something in it.
void remove_nodes(xmlNode* root, const std::vector<xmlNode*>& nodes);

// Rename an element in place ("div" -> "p").
void rename_element(xmlNode* node, const char* name);

// class and id attributes, lower-cased ASCII, joined by a space.
std::string class_and_id(const xmlNode* node);

bool is_text(const xmlNode* node);
bool is_heading(std::string_view tag);
// Elements that start a new block of text when rendered.
bool is_block(std::string_view tag);
// Elements that can sit inside a paragraph (text-level content).
bool is_phrasing(const xmlNode* node);
// True when the text node holds nothing but white space.
bool is_blank(const xmlNode* text);

// Characters of visible text in a text node's content: code points (so CJK
// text is not over-counted), inner runs of white space counted once, leading
// and trailing white space not at all.
std::size_t text_length(std::string_view utf8);

} // namespace oped::indexer::body
