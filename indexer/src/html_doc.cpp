#include <oped/indexer/html_doc.hpp>

#include <oped/common/text.hpp>

#include <climits>

namespace oped::indexer {
namespace {

bool is_hidden_container(std::string_view name) {
    return name == "script" || name == "style" || name == "template" || name == "noscript" || name == "svg" ||
           name == "math" || name == "iframe" || name == "object";
}

bool is_block(std::string_view name) {
    static constexpr std::string_view k_blocks[] = {
        "p",          "div",        "br",    "li",      "ul",      "ol",      "h1",     "h2",    "h3",
        "h4",         "h5",         "h6",    "section", "article", "header",  "footer", "nav",   "aside",
        "blockquote", "pre",        "table", "tr",      "td",      "th",      "dd",     "dt",    "dl",
        "figure",     "figcaption", "main",  "form",    "hr",      "address", "title",  "option"};
    for (auto b : k_blocks) {
        if (name == b) return true;
    }
    return false;
}

} // namespace

XmlDocPtr parse_html(std::string_view utf8) {
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    const int size = utf8.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(utf8.size());
    return XmlDocPtr(htmlReadMemory(utf8.data(), size, nullptr, "UTF-8", options));
}

std::string_view tag_name(const xmlNode* node) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return tag_name(node) == name; }

std::string attr(const xmlNode* node, const char* name) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

bool has_attr(const xmlNode* node, const char* name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE &&
           xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string raw_text(const xmlNode* node) {
    std::string out;
    if (node == nullptr) return out;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != nullptr) out += reinterpret_cast<const char*>(node->content);
        return out;
    }
    walk_elements(const_cast<xmlNode*>(node), [&](xmlNode* el, int) {
        for (xmlNode* c = el->children; c != nullptr; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
                out += reinterpret_cast<const char*>(c->content);
            }
        }
        return true;
    });
    return out;
}

std::string visible_text(const xmlNode* node) {
    std::string out;
    if (node == nullptr) return out;
    // Iterative pre-order walk that also sees text nodes.
    const xmlNode* cur = node;
    while (cur != nullptr) {
        bool descend = false;
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            if (cur->content != nullptr) out += reinterpret_cast<const char*>(cur->content);
        } else if (cur->type == XML_ELEMENT_NODE) {
            const auto name = tag_name(cur);
            if (!is_hidden_container(name)) {
                if (is_block(name)) out.push_back(' ');
                descend = true;
            }
        }
        if (descend && cur->children != nullptr) {
            cur = cur->children;
            continue;
        }
        while (cur != nullptr && cur != node && cur->next == nullptr) {
            cur = cur->parent;
            if (cur != nullptr && is_block(tag_name(cur))) out.push_back(' ');
        }
        if (cur == nullptr || cur == node) break;
        cur = cur->next;
    }
    return text::collapse_space(out);
}

xmlNode* root_element(xmlDoc* doc) { return doc == nullptr ? nullptr : xmlDocGetRootElement(doc); }

xmlNode* find_first(xmlNode* root, std::string_view name) {
    xmlNode* found = nullptr;
    walk_elements(root, [&](xmlNode* el, int) {
        if (found != nullptr) return false;
        if (tag_name(el) == name) {
            found = el;
            return false;
        }
        return true;
    });
    return found;
}

std::vector<xmlNode*> find_all(xmlNode* root, std::string_view name) {
    std::vector<xmlNode*> found;
    walk_elements(root, [&](xmlNode* el, int) {
        if (tag_name(el) == name) found.push_back(el);
        return true;
    });
    return found;
}

} // namespace oped::indexer
