#include <oped/indexer/body_trim.hpp>

#include <oped/indexer/bio.hpp>

#include "lexicon.hpp"

#include <oped/indexer/dates.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_dom.hpp>
#include <oped/indexer/body_stats.hpp>
#include <oped/indexer/html_doc.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace oped::indexer::body {
namespace {

constexpr std::size_t k_max_label_chars = 150;

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_affiliate_words;
using lexicon::k_commission_words;
using lexicon::k_disclaimer_phrases;
using lexicon::k_purchase_words;
using lexicon::k_tail_openers;

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

// Text after its leading pictographs, arrows and punctuation ("🚀 Sign up
// for...", "👉 Subscribe", "» Read more"): what a label opens with.
std::string_view after_leading_symbols(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (std::isalnum(c) != 0) break;
            ++i;
            continue;
        }
        // A multi-byte code point: skip it when it is a symbol or a variation
        // selector (U+2000-U+2BFF, U+FE00-U+FE0F, U+1F000-U+1FAFF, and
        // "\u00bb"), keep any letter.
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > s.size()) break;
        unsigned cp = len == 4 ? (c & 0x07U) : len == 3 ? (c & 0x0FU) : (c & 0x1FU);
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
        const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
                            (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xBB || cp == 0xA0;
        if (!symbol) break;
        i += len;
    }
    return s.substr(i);
}

bool starts_with_any(const std::string& folded, const std::vector<std::string_view>& openers) {
    const std::string_view text = after_leading_symbols(folded);
    return std::any_of(openers.begin(), openers.end(), [&](std::string_view o) { return text.starts_with(o); });
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

constexpr std::size_t k_max_disclosure_chars = 320;

template <std::size_t N>
bool contains_any(const std::string& folded, const std::string_view (&words)[N]) {
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view w) { return folded.find(w) != std::string::npos; });
}

// An affiliate disclosure: a short note that the page earns from its links.
bool is_affiliate_disclosure(const std::string& folded) {
    return contains_any(folded, k_affiliate_words) ||
           (contains_any(folded, k_commission_words) && contains_any(folded, k_purchase_words));
}

// The outlet's note that an opinion is the writer's own: short, and saying so.
bool is_views_disclaimer(const std::string& folded) {
    return folded.size() <= k_max_disclosure_chars && contains_any(folded, k_disclaimer_phrases);
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

bool is_unit(std::string_view tag) {
    return tag == "p" || is_heading(tag) || tag == "ul" || tag == "ol" || tag == "dl" || tag == "blockquote" ||
           tag == "pre" || tag == "table" || tag == "figure";
}

// The article's blocks in document order: paragraphs, headings, lists,
// quotes, tables, and any other element holding text of its own.
std::vector<xmlNode*> units_of(xmlNode* root) {
    std::vector<xmlNode*> out;
    walk_elements(root, [&](xmlNode* el, int) {
        if (el == root) return true;
        if (is_unit(tag_name(el))) {
            out.push_back(el);
            return false;
        }
        for (const xmlNode* c = el->children; c != nullptr; c = c->next) {
            if (is_text(c) && !is_blank(c)) {
                out.push_back(el);
                return false;
            }
        }
        return true;
    });
    return out;
}

bool ends_like_sentence(const std::string& text) {
    const std::string t = text::collapse_space(text);
    if (t.empty()) return false;
    const char last = t.back();
    if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || last == ':') return true;
    // Closing quotes, the ellipsis, and CJK full stops, marks and brackets.
    static constexpr std::string_view k_ends[] = {"\u201d", "\u2019", "\u2026", "\u00bb", "\u3002", "\uff01",
                                                  "\uff1f", "\uff09", "\u300d", "\u300f", "\u3011"};
    return std::any_of(std::begin(k_ends), std::end(k_ends), [&](std::string_view e) { return t.ends_with(e); });
}

constexpr std::size_t k_max_tail_label_chars = 100;
constexpr std::size_t k_max_tail_call_chars = 250;
constexpr std::size_t k_max_bio_chars = 600;
// What the tail trim always leaves of an article.
constexpr std::size_t k_min_kept_chars = 1000;

// An author box: "Jane Doe is a reporter...", "Jane writes about...".
bool is_author_bio(const std::string& folded, const Article& meta) {
    if (folded.size() > k_max_bio_chars) return false;
    return std::any_of(meta.authors.begin(), meta.authors.end(), [&](const std::string& name) {
        const std::string full = text::fold_case(name);
        // The full name, or the first name alone, as author boxes often say.
        const std::size_t space = full.find(' ');
        const std::string first = space == std::string::npos ? std::string() : full.substr(0, space);
        for (const std::string& n : {full, first}) {
            if (n.size() < 4 || !folded.starts_with(n)) continue;
            const std::string_view rest = std::string_view(folded).substr(n.size());
            if (rest.starts_with(" is ") || rest.starts_with(" was ") || rest.starts_with(" writes") ||
                rest.starts_with(" has ") || (n == full && rest.starts_with(", "))) {
                return true;
            }
        }
        return false;
    });
}

bool is_tail_teaser(xmlNode* el, const StatsMap& stats, const Article& meta) {
    const auto it = stats.find(el);
    if (it == stats.end()) return false;
    const NodeStats& s = it->second;
    const auto tag = tag_name(el);
    if (s.chars == 0) return s.images == 0 || tag != "figure";
    if (is_heading(tag) && s.chars <= k_max_label_chars) return true;
    if (s.link_chars >= 0.8 * static_cast<double>(s.chars)) return true;
    const std::string text = visible_text(el);
    const std::string folded = text::fold_case(text::collapse_space(text));
    if (s.chars <= k_max_tail_call_chars && std::any_of(std::begin(k_tail_openers), std::end(k_tail_openers),
                                                        [&](std::string_view o) { return folded.starts_with(o); })) {
        return true;
    }
    if (tag != "ul" && tag != "ol" && s.chars <= k_max_tail_label_chars && !ends_like_sentence(text)) return true;
    return is_author_bio(folded, meta) || is_views_disclaimer(folded);
}

// `word` in s between non-alphanumerics ("btn-primary", "et_pb_button_0").
bool has_class_word(std::string_view s, std::string_view word) {
    const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
        const std::size_t end = pos + word.size();
        if ((pos == 0 || !alnum(s[pos - 1])) && (end == s.size() || !alnum(s[end]))) return true;
    }
    return false;
}

// A link styled as a button ("btn btn-primary", "wp-block-button__link",
// "cta__btn"): a call to action ("BUY NOW", "Shop all houseplants", "Get a
// quote"), not the article's text. role="button" alone marks a script's
// control ("Next" in a slideshow), which may belong to the article.
bool is_button_link(const xmlNode* el) {
    if (tag_name(el) != "a") return false;
    const std::string cls = text::ascii_lower(attr(el, "class"));
    return has_class_word(cls, "btn") || has_class_word(cls, "button") || has_class_word(cls, "cta");
}

// The block el sits in holds no text but el's: a button on a line of its own.
bool stands_alone(const xmlNode* el, const xmlNode* root) {
    const xmlNode* block = el->parent;
    while (block != nullptr && block != root && !is_block(tag_name(block))) block = block->parent;
    if (block == nullptr) return false;
    const std::size_t own = text_length(text::collapse_space(visible_text(el)));
    const std::size_t all = text_length(text::collapse_space(visible_text(block)));
    return all <= own + 3;
}

} // namespace

void remove_buttons(xmlNode* root) {
    std::vector<xmlNode*> doomed;
    walk_elements(root, [&](xmlNode* el, int) {
        if (el == root || !is_button_link(el)) return true;
        const std::size_t chars = text_length(text::collapse_space(visible_text(el)));
        if (chars > 0 && chars <= k_max_label_chars && stands_alone(el, root)) doomed.push_back(el);
        return false;
    });
    remove_nodes(root, doomed);
}

void trim_tail(xmlNode* root, const Article& meta) {
    const StatsMap stats = compute_stats(root);
    const std::vector<xmlNode*> units = units_of(root);
    const auto chars_of = [&](const xmlNode* n) {
        const auto it = stats.find(n);
        return it == stats.end() ? std::size_t{0} : it->second.chars;
    };
    std::size_t left = chars_of(root);
    std::vector<xmlNode*> doomed;
    // Never below half of the blocks nor below k_min_kept_chars: a short
    // article of labels and lists stays whole.
    const std::size_t keep = units.size() / 2;
    for (std::size_t i = units.size(); i > keep; --i) {
        xmlNode* unit = units[i - 1];
        const std::size_t chars = chars_of(unit);
        // A bio line stays for extract.cpp to take apart (bio.hpp), counted
        // as gone like the author boxes cut here.
        if (chars <= left && !bio_line(visible_text(unit), meta.authors).empty()) {
            left -= chars;
            continue;
        }
        if (left < chars + k_min_kept_chars || !is_tail_teaser(unit, stats, meta)) break;
        left -= chars;
        doomed.push_back(unit);
    }
    remove_nodes(root, doomed);
}

void remove_link_lists(xmlNode* root) {
    const StatsMap stats = compute_stats(root);
    std::vector<xmlNode*> doomed;
    walk_elements(root, [&](xmlNode* el, int) {
        const auto tag = tag_name(el);
        if (el == root || !(is_block(tag) || tag == "strong" || tag == "b")) return true;
        const auto it = stats.find(el);
        if (it == stats.end() || it->second.chars == 0 || it->second.chars > k_max_disclosure_chars) return true;
        const std::string folded = text::fold_case(visible_text(el));
        if ((tag == "p" || tag == "div") && is_affiliate_disclosure(folded)) {
            doomed.push_back(el);
            return false;
        }
        if (it->second.chars > k_max_label_chars) return true;
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
