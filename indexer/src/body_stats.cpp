#include <oped/indexer/body_stats.hpp>

#include <oped/indexer/body_dom.hpp>

#include <vector>

namespace oped::indexer::body {
namespace {

std::size_t count_commas(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ',') {
            ++n;
        } else if (c == 0xEF && i + 2 < s.size()) {
            // U+FF0C fullwidth comma, U+FE50 small comma, U+FE10/U+FE11 vertical commas.
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 == 0xBC && b2 == 0x8C) || (b1 == 0xB9 && b2 == 0x90) ||
                (b1 == 0xB8 && (b2 == 0x90 || b2 == 0x91))) {
                ++n;
            }
        } else if (c == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C) {
            ++n; // U+060C Arabic comma
        }
    }
    return n;
}

bool is_textish(std::string_view tag) {
    static constexpr std::string_view k_tags[] = {"span", "li", "td", "blockquote", "dl",    "div",
                                                  "img",  "ol", "p",  "pre",        "table", "ul"};
    for (auto t : k_tags) {
        if (t == tag) return true;
    }
    return false;
}

double link_weight(const xmlNode* a) {
    const std::string href = attr(a, "href");
    return href.size() > 1 && href[0] == '#' ? 0.3 : 1.0;
}

} // namespace

void add_text(NodeStats& stats, std::string_view utf8) {
    stats.chars += text_length(utf8);
    stats.commas += count_commas(utf8);
}

void add_child(NodeStats& parent, const xmlNode* child, const NodeStats& s) {
    const auto tag = tag_name(child);
    parent.chars += s.chars;
    parent.commas += s.commas;
    parent.link_chars += tag == "a" ? static_cast<double>(s.chars) * link_weight(child) : s.link_chars;
    parent.list_chars += (tag == "ul" || tag == "ol") ? s.chars : s.list_chars;
    parent.heading_chars += is_heading(tag) ? s.chars : s.heading_chars;
    parent.textish_chars += is_textish(tag) ? s.chars : s.textish_chars;
    parent.paragraphs += s.paragraphs + (tag == "p" ? 1 : 0);
    parent.images += s.images + (tag == "img" || tag == "picture" ? 1 : 0);
    parent.list_items += s.list_items + (tag == "li" ? 1 : 0);
    parent.inputs += s.inputs + (tag == "input" ? 1 : 0);
    parent.embeds += s.embeds + (tag == "embed" || tag == "object" || tag == "iframe" || tag == "video" ? 1 : 0);
}

StatsMap compute_stats(xmlNode* root) {
    StatsMap out;
    std::vector<NodeStats> stack;
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_ELEMENT_NODE) {
                stack.emplace_back();
                return true;
            }
            if (is_text(node) && node->content != nullptr && !stack.empty()) {
                add_text(stack.back(), reinterpret_cast<const char*>(node->content));
            }
            return false;
        },
        [&](xmlNode* node) {
            if (node->type != XML_ELEMENT_NODE) return;
            NodeStats s = stack.back();
            stack.pop_back();
            if (!stack.empty()) add_child(stack.back(), node, s);
            out.emplace(node, s);
        });
    return out;
}

} // namespace oped::indexer::body
