#include <oped/indexer/html_doc.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_dom.hpp>

#include <libxml/parser.h>

#include <climits>
#include <cstring>
#include <memory>
#include <unordered_map>

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

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct ParserCtxtDeleter {
    void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};

// Elements at k_max_walk_depth get their subtree replaced by its text, so no
// text is lost and nothing past that depth reaches the extractor, whose
// helpers stop there and some of which look up the ancestors of each node.
void flatten_below(xmlNode* root, int max_depth) {
    std::vector<xmlNode*> deep;
    walk_elements(root, [&](xmlNode* el, int depth) {
        if (depth < max_depth) return true;
        if (el->children != nullptr) deep.push_back(el);
        return false;
    });
    for (xmlNode* el : deep) {
        xmlChar* content = xmlNodeGetContent(el);
        xmlNode* kids = el->children;
        el->children = nullptr;
        el->last = nullptr;
        for (xmlNode* k = kids; k != nullptr; k = k->next) k->parent = nullptr;
        xmlFreeNodeList(kids);
        if (content != nullptr) {
            xmlAddChild(el, xmlNewDocText(el->doc, content));
            xmlFree(content);
        }
    }
}

} // namespace

std::optional<std::string> cap_attributes(std::string_view html, std::size_t max_per_tag) {
    std::optional<std::string> out;
    std::size_t copied = 0; // html[0, copied) is in out
    const std::size_t n = html.size();
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        ++i;
        if (i >= n || !is_ascii_alpha(html[i])) continue;
        const std::size_t name_start = i;
        while (i < n && !is_space(html[i]) && html[i] != '>' && html[i] != '/') ++i; // the tag name
        const std::string name = text::ascii_lower(html.substr(name_start, i - name_start));
        std::size_t count = 0;
        while (true) {
            const std::size_t gap = i; // the space before an attribute goes with it
            while (i < n && (is_space(html[i]) || html[i] == '/')) ++i;
            if (i >= n || html[i] == '>') break;
            const std::size_t start = i;
            while (i < n && !is_space(html[i]) && html[i] != '>' && html[i] != '=') ++i;
            if (i == start) ++i; // a stray '='
            std::size_t j = i;
            while (j < n && is_space(html[j])) ++j;
            if (j < n && html[j] == '=') {
                ++j;
                while (j < n && is_space(html[j])) ++j;
                if (j < n && (html[j] == '"' || html[j] == '\'')) {
                    const std::size_t close = html.find(html[j], j + 1);
                    j = close == std::string_view::npos ? n : close + 1;
                } else {
                    while (j < n && !is_space(html[j]) && html[j] != '>') ++j;
                }
                i = j;
            }
            if (++count <= max_per_tag) continue;
            if (!out) out.emplace().reserve(n);
            if (gap > copied) out->append(html.substr(copied, gap - copied));
            copied = i;
        }
        // Script and style text is no markup: skip to its end tag.
        if (name == "script" || name == "style") {
            std::size_t end = i;
            while ((end = html.find("</", end)) != std::string_view::npos &&
                   text::ascii_lower(html.substr(end + 2, name.size())) != name) {
                end += 2;
            }
            if (end == std::string_view::npos) break;
            i = end;
        }
    }
    if (out) out->append(html.substr(copied));
    return out;
}

void prepare_html_parser() { xmlInitParser(); }

ParsedHtml parse_html_checked(std::string_view utf8) {
    ParsedHtml parsed;
    const auto capped = cap_attributes(utf8, k_max_attributes_per_tag);
    if (capped) utf8 = *capped;
    std::unique_ptr<htmlParserCtxt, ParserCtxtDeleter> ctxt(htmlNewParserCtxt());
    if (!ctxt) {
        parsed.stopped = "libxml2 could not start a parser";
        return parsed;
    }
    // XML_PARSE_HUGE lifts libxml2's limit of 256 nested elements, past
    // which it stops reading and keeps only what came before; our walkers are
    // iterative or bounded, so depth costs nothing else.
    const int options =
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE;
    const int size = utf8.size() > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(utf8.size());
    parsed.doc.reset(htmlCtxtReadMemory(ctxt.get(), utf8.data(), size, nullptr, "UTF-8", options));
    if (parsed.doc) flatten_below(xmlDocGetRootElement(parsed.doc.get()), k_max_walk_depth);
    // A halted parser leaves a document with whatever was read so far, and
    // no error the caller sees: say what happened.
    if (ctxt->instate == XML_PARSER_EOF || ctxt->disableSAX != 0) {
        const char* why = ctxt->lastError.message;
        parsed.stopped = std::string("libxml2 stopped reading the page") +
                         (why != nullptr ? ": " + text::collapse_space(why) : std::string());
    }
    return parsed;
}

XmlDocPtr parse_html(std::string_view utf8) { return parse_html_checked(utf8).doc; }

std::string_view tag_name(const xmlNode* node) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return tag_name(node) == name; }

std::string attr(const xmlNode* node, const char* name) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE) return {};
    // The common case read in place, as xmlGetProp would find it: an
    // attribute in no namespace whose value is one text node (or none).
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        if (a->ns != nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
        const xmlNode* v = a->children;
        if (v == nullptr) return {};
        if (v->next == nullptr && v->type == XML_TEXT_NODE && v->content != nullptr) {
            return reinterpret_cast<const char*>(v->content);
        }
        break;
    }
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

std::vector<const xmlNode*> page_holders(xmlNode* root) {
    const xmlNode* h1 = find_first(root, "h1");
    if (h1 == nullptr) return {};
    // The h1's ancestors, innermost first, and where each sits in that list.
    std::vector<const xmlNode*> path;
    std::unordered_map<const xmlNode*, std::size_t> index;
    for (const xmlNode* p = h1->parent; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent) {
        index.emplace(p, path.size());
        path.push_back(p);
    }
    // Text bytes whose innermost ancestor on the path is each path element.
    std::vector<std::size_t> own(path.size(), 0);
    std::vector<std::size_t> open;
    std::size_t total = 0;
    body::walk_tree(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_ELEMENT_NODE) {
                const auto tag = tag_name(node);
                if (tag == "script" || tag == "style" || tag == "noscript" || tag == "template" || tag == "head") {
                    return false;
                }
                if (auto it = index.find(node); it != index.end()) open.push_back(it->second);
                return true;
            }
            if (body::is_text(node) && node->content != nullptr) {
                const std::size_t n = body::text_length(reinterpret_cast<const char*>(node->content));
                total += n;
                if (!open.empty()) own[open.back()] += n;
            }
            return false;
        },
        [&](xmlNode* node) {
            if (!open.empty() && path[open.back()] == node) open.pop_back();
        });
    std::vector<const xmlNode*> out;
    std::size_t held = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
        held += own[i];
        const auto tag = tag_name(path[i]);
        if (tag != "html" && tag != "body" && 2 * held > total) out.push_back(path[i]);
    }
    return out;
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
