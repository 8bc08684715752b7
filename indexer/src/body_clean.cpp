#include <oped/indexer/body_clean.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_classes.hpp>
#include <oped/indexer/body_dom.hpp>
#include <oped/indexer/body_stats.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace oped::indexer::body {
namespace {

int span_attr(const xmlNode* cell, const char* name) {
    const int n = std::atoi(attr(cell, name).c_str());
    return n > 0 ? n : 1;
}

// Readability's data-table test, reading the table's own rows only (nested
// tables are not entered, so marking all tables stays linear).
bool is_data_table(xmlNode* table) {
    if (text::ascii_lower(attr(table, "role")) == "presentation") return false;
    if (attr(table, "datatable") == "0") return false;
    if (!attr(table, "summary").empty()) return true;
    bool header_parts = false;
    bool nested = false;
    int rows = 0;
    int columns = 0;
    walk_tree(
        table,
        [&](xmlNode* n) {
            if (n->type != XML_ELEMENT_NODE) return false;
            const auto tag = tag_name(n);
            if (n != table && tag == "table") {
                nested = true;
                return false;
            }
            if (tag == "caption" && n->children != nullptr) header_parts = true;
            if (tag == "col" || tag == "colgroup" || tag == "tfoot" || tag == "thead" || tag == "th") {
                header_parts = true;
            }
            if (tag == "tr") {
                int cols = 0;
                for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
                    if (is_element(c, "td") || is_element(c, "th")) cols += span_attr(c, "colspan");
                }
                rows += 1;
                columns = std::max(columns, cols);
            }
            return true;
        },
        [](xmlNode*) {});
    if (header_parts) return true;
    if (nested) return false;
    if (rows == 1 || columns == 1) return false;
    if (rows >= 10 || columns > 4) return true;
    return rows * columns > 10;
}

bool is_marked_data_table(const xmlNode* node) {
    return is_element(node, "table") && attr(node, "data-oped-table") == "1";
}

bool only_suspicious_words(const xmlNode* node) {
    const std::string t = text::ascii_lower(visible_text(node));
    static constexpr std::string_view k_words[] = {"ad",         "ads",       "advertising",   "advertisement",
                                                   "publicité",  "werbung",   "anuncio",       "loading",
                                                   "loading...", "load more", "chargement...", "cargando..."};
    return std::find(std::begin(k_words), std::end(k_words), t) != std::end(k_words);
}

bool is_form_control(std::string_view tag) {
    return tag == "input" || tag == "button" || tag == "select" || tag == "textarea";
}

struct Frame {
    NodeStats stats;
    bool holds_data_table = false;
};

struct Context {
    int in_data_table = 0;
    int in_code = 0;
    int in_figure = 0;
};

// Readability's cleanConditionally, on stats of what is left of the block.
bool is_shady(const xmlNode* node, const Frame& f, const Context& ctx, const Flags& flags) {
    const auto tag = tag_name(node);
    // A layout table's cell is a block like a div (data tables are exempt below).
    if (tag != "form" && tag != "fieldset" && tag != "table" && tag != "ul" && tag != "div" && tag != "td") {
        return false;
    }
    if (is_marked_data_table(node) || ctx.in_data_table > 0 || ctx.in_code > 0 || f.holds_data_table) return false;
    const NodeStats& s = f.stats;
    bool is_list = tag == "ul" || tag == "ol";
    if (!is_list && s.chars > 0) is_list = static_cast<double>(s.list_chars) / static_cast<double>(s.chars) > 0.9;
    const int weight = flags.weight_classes ? class_weight(node) : 0;
    // A negative class is outweighed by a block's own prose, as Readability
    // weighs it against the block's content score: page builders and
    // themes put "media", "widget" or "meta" in the classes of article parts.
    const bool prose = s.commas >= 10;
    if (weight < 0 && !(prose && s.paragraphs >= 3)) return true;
    if (prose) return false;
    if (s.chars < 40 && only_suspicious_words(node)) return true;
    const double p = s.paragraphs;
    const double img = s.images;
    const double li = static_cast<double>(s.list_items) - 100;
    const double input = s.inputs;
    const double chars = static_cast<double>(s.chars);
    const double heading_density = chars == 0 ? 0 : static_cast<double>(s.heading_chars) / chars;
    const double textish_density = chars == 0 ? 0 : static_cast<double>(s.textish_chars) / chars;
    const double link_density = s.link_density();
    const bool figure = ctx.in_figure > 0;
    bool remove = false;
    if (!figure && img > 1 && p / img < 0.5) remove = true;
    if (!is_list && li > p) remove = true;
    if (input > static_cast<double>(static_cast<int>(p / 3))) remove = true;
    if (!is_list && !figure && heading_density < 0.9 && chars < 25 && (img == 0 || img > 2) && link_density > 0) {
        remove = true;
    }
    if (!is_list && weight < 25 && link_density > 0.2) remove = true;
    if (weight >= 25 && link_density > 0.5) remove = true;
    if ((s.embeds == 1 && chars < 75) || s.embeds > 1) remove = true;
    if (img == 0 && textish_density == 0) remove = true;
    // A list of images is a gallery: keep it.
    if (remove && is_list && s.images > 0 && s.images == s.list_items) return false;
    return remove;
}

bool should_remove(const xmlNode* node, const Frame& f, const Context& ctx, const Flags& flags) {
    const auto tag = tag_name(node);
    const NodeStats& s = f.stats;
    if ((tag == "h1" || tag == "h2") && flags.weight_classes && class_weight(node) < 0) return true;
    if (s.chars < 500 && is_share_hint(class_and_id(node))) return true;
    if (tag == "p" && s.chars == 0 && s.images == 0 && s.embeds == 0) return true;
    return flags.clean_conditionally && is_shady(node, f, ctx, flags);
}

} // namespace

void mark_data_tables(xmlNode* root) {
    for (xmlNode* table : find_all(root, "table")) {
        xmlSetProp(table, reinterpret_cast<const xmlChar*>("data-oped-table"),
                   reinterpret_cast<const xmlChar*>(is_data_table(table) ? "1" : "0"));
    }
}

void clean_article(xmlNode* root, const Flags& flags) {
    std::vector<Frame> frames;
    Context ctx;
    auto count = [&](const xmlNode* n, int delta) {
        const auto tag = tag_name(n);
        if (is_marked_data_table(n)) ctx.in_data_table += delta;
        if (tag == "code") ctx.in_code += delta;
        if (tag == "figure") ctx.in_figure += delta;
    };
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (node->type == XML_ELEMENT_NODE) {
                frames.emplace_back();
                count(node, +1);
                return true;
            }
            if (is_text(node) && node->content != nullptr && !frames.empty()) {
                add_text(frames.back().stats, reinterpret_cast<const char*>(node->content));
            }
            return false;
        },
        [&](xmlNode* node) {
            if (node->type != XML_ELEMENT_NODE) return;
            const Frame f = frames.back();
            frames.pop_back();
            count(node, -1);
            if (node == root) return;
            if (is_form_control(tag_name(node))) {
                // Counted (forms full of inputs are cleaned), then dropped.
                add_child(frames.back().stats, node, f.stats);
                remove_node(node);
                return;
            }
            if (should_remove(node, f, ctx, flags)) {
                remove_node(node);
                return;
            }
            Frame& parent = frames.back();
            add_child(parent.stats, node, f.stats);
            parent.holds_data_table = parent.holds_data_table || f.holds_data_table || is_marked_data_table(node);
        });
}

} // namespace oped::indexer::body
