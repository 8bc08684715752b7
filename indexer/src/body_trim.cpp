#include <oped/indexer/body_trim.hpp>

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

}  // namespace

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
        if (!title_seen && is_heading(tag) && !meta.title.empty() &&
            title_similarity(meta.title, text) > 0.75) {
            title_seen = true;
            doomed.push_back(el);
            return false;
        }
        if (is_byline_text(text, meta)) {
            doomed.push_back(el);
            return false;
        }
        return true;
    });
    for (xmlNode* el : doomed) remove_node(el);
}

}  // namespace oped::indexer::body
