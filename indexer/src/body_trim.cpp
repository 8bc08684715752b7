#include <oped/indexer/body_trim.hpp>

#include <oped/indexer/dates.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_dom.hpp>
#include <oped/indexer/body_stats.hpp>
#include <oped/indexer/html_doc.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace oped::indexer::body {
namespace {

// A paragraph this long starts the article proper: nothing after it is trimmed.
constexpr std::size_t k_lead_chars = 150;
constexpr std::size_t k_max_byline_chars = 100;

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (const char ch : text::fold_case(s)) {
        if (is_word_byte(static_cast<unsigned char>(ch))) {
            cur.push_back(ch);
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::size_t joined_length(const std::vector<std::string>& ws) {
    std::size_t n = 0;
    for (const auto& w : ws) n += w.size();
    return ws.empty() ? 0 : n + ws.size() - 1;
}

bool is_byline_text(const std::string& text, const Article& meta) {
    if (text.empty() || text_length(text) > k_max_byline_chars) return false;
    const std::string folded = text::fold_case(text);
    for (std::string_view lead : {"by ", "par ", "por ", "von ", "door "}) {
        if (folded.rfind(lead, 0) == 0) return true;
    }
    return std::any_of(meta.authors.begin(), meta.authors.end(), [&](const std::string& name) {
        const std::string n = text::fold_case(name);
        return n.size() >= 4 && folded.find(n) != std::string::npos && folded.size() < n.size() + 40;
    });
}

constexpr std::size_t k_max_label_chars = 150;

bool starts_with_any(const std::string& folded, const std::vector<std::string_view>& openers) {
    return std::any_of(openers.begin(), openers.end(), [&](std::string_view o) { return folded.rfind(o, 0) == 0; });
}

// Labels of link lists: removed with the list they head, or when they are links.
bool starts_like_link_list(const std::string& folded) {
    static const std::vector<std::string_view> k_openers = {
        "read more",      "related",        "more from", "more on",           "recommended",
        "see also",       "also read",      "read also", "you may also like", "you might also like",
        "most popular",   "most read",      "trending",  "lire aussi",        "à lire aussi",
        "lesen sie auch", "mehr zum thema", "leer más",  "lee también",       "leia também",
        "leia mais"};
    return starts_with_any(folded, k_openers);
}

// Calls to action: removed whenever they are short.
bool starts_like_call_to_action(const std::string& folded) {
    static const std::vector<std::string_view> k_openers = {"sign up for", "subscribe to", "get our newsletter",
                                                            "follow us on", "click here to"};
    return starts_with_any(folded, k_openers);
}

bool is_link_block(const xmlNode* node, const StatsMap& stats) {
    const auto tag = tag_name(node);
    if (tag != "ul" && tag != "ol" && tag != "div" && tag != "p" && tag != "section") return false;
    const auto it = stats.find(node);
    return it != stats.end() && it->second.chars > 0 && it->second.link_density() > 0.5;
}

xmlNode* next_element(xmlNode* node) {
    for (xmlNode* n = node->next; n != nullptr; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) return n;
    }
    return nullptr;
}

} // namespace

void remove_link_lists(xmlNode* root) {
    const StatsMap stats = compute_stats(root);
    std::vector<xmlNode*> doomed;
    walk_elements(root, [&](xmlNode* el, int) {
        const auto tag = tag_name(el);
        if (el == root || !(is_block(tag) || tag == "strong" || tag == "b")) return true;
        const auto it = stats.find(el);
        if (it == stats.end() || it->second.chars == 0 || it->second.chars > k_max_label_chars) return true;
        const std::string folded = text::fold_case(visible_text(el));
        if (starts_like_call_to_action(folded)) {
            doomed.push_back(el);
            return false;
        }
        if (!starts_like_link_list(folded)) return true;
        xmlNode* next = next_element(el);
        const bool labels_list = next != nullptr && is_link_block(next, stats);
        if (labels_list) doomed.push_back(next);
        if (labels_list || it->second.link_density() > 0.3 || is_heading(tag)) {
            doomed.push_back(el);
            return false;
        }
        return true;
    });
    // A list may be doomed twice (labelled and link-opening), or hold a label
    // doomed on its own: remove_nodes frees each node once.
    remove_nodes(root, doomed);
}

double title_similarity(std::string_view title, std::string_view heading) {
    const auto a = words(title);
    const auto b = words(heading);
    if (a.empty() || b.empty()) return 0;
    std::vector<std::string> unique_b;
    for (const auto& w : b) {
        if (std::find(a.begin(), a.end(), w) == a.end()) unique_b.push_back(w);
    }
    return 1.0 - static_cast<double>(joined_length(unique_b)) / static_cast<double>(joined_length(b));
}

// (Nearly) all of the element's text is inside links.
bool is_link_only(const xmlNode* node, const StatsMap& stats) {
    const auto it = stats.find(node);
    // Separators between the links (" | ") are allowed.
    return it != stats.end() && it->second.chars > 0 &&
           it->second.link_chars >= 0.8 * static_cast<double>(it->second.chars);
}

// "Posted: 11/12/1714", "Published 3 May 2024": a dateline, even when its
// numbers are ambiguous.
bool is_posted_line(const std::string& text) {
    const std::string folded = text::ascii_lower(text);
    return text.size() <= 60 && (folded.starts_with("posted") || folded.starts_with("published") ||
                                 folded.starts_with("updated") || !find_date_in_text(text).empty());
}

void trim_head(xmlNode* root, const Article& meta) {
    const StatsMap stats = compute_stats(root);
    std::vector<xmlNode*> doomed;
    bool title_seen = false;
    bool lead_found = false;
    walk_elements(root, [&](xmlNode* el, int) {
        if (lead_found || el == root) return !lead_found;
        const auto it = stats.find(el);
        const std::size_t chars = it == stats.end() ? 0 : it->second.chars;
        const auto tag = tag_name(el);
        if ((tag == "p" || tag == "pre" || tag == "blockquote" || tag == "li") && chars >= k_lead_chars) {
            lead_found = true;
            return false;
        }
        if (chars == 0 || chars > k_max_byline_chars + 200) return true;
        const std::string text = visible_text(el);
        // Old layouts set the headline in bold or a big <font>, not <h1>.
        const bool heading_like = is_heading(tag) || tag == "b" || tag == "strong" || tag == "font";
        if (!title_seen && heading_like && !meta.title.empty() && title_similarity(meta.title, text) > 0.75) {
            title_seen = true;
            doomed.push_back(el);
            return false;
        }
        // Between headline and lead: a "Posted: <date>" line and utility
        // links ("Printer-friendly version | E-mail this story").
        if (title_seen && text.size() <= k_max_byline_chars && (is_link_only(el, stats) || is_posted_line(text))) {
            doomed.push_back(el);
            return false;
        }
        if (is_byline_text(text, meta)) {
            doomed.push_back(el);
            return false;
        }
        return true;
    });
    remove_nodes(root, doomed);
}

} // namespace oped::indexer::body
