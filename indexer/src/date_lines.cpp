#include <oped/indexer/date_lines.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/title.hpp>

#include <libxml/xmlstring.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace oped::indexer {
namespace {

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_published_words;
using lexicon::k_updated_words;

// A date line is short: a longer line is prose that mentions a date.
constexpr std::size_t k_max_line_bytes = 160;
// A label may stand alone on the line before the date ("Last updated" / "Aug 4").
constexpr std::size_t k_max_label_line_bytes = 40;
constexpr std::size_t k_max_lines = 400;
constexpr std::size_t k_max_dates_per_line = 4;
constexpr std::size_t k_max_text_bytes = 4000;

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// A button's text is a label ("Menu", "Share"). One holding more text than
// this is one the page left open ("<button><div></button>": a stray tag for
// the closing one): the parser then nests the rest of the page, headline and
// byline included, inside it.
constexpr std::size_t k_max_button_text_bytes = 400;

// Whether the text below node passes max bytes (the walk stops there).
bool text_passes(const xmlNode* node, std::size_t max) {
    std::size_t bytes = 0;
    const xmlNode* cur = node->children;
    while (cur != nullptr && cur != node) {
        if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) && cur->content != nullptr) {
            bytes += static_cast<std::size_t>(xmlStrlen(cur->content));
            if (bytes > max) return true;
        }
        if (cur->type == XML_ELEMENT_NODE && cur->children != nullptr) {
            cur = cur->children;
            continue;
        }
        while (cur != node && cur->next == nullptr) cur = cur->parent;
        if (cur == node) break;
        cur = cur->next;
    }
    return false;
}

bool is_skipped(const xmlNode* node, std::string_view name) {
    if (name == "button") return !text_passes(node, k_max_button_text_bytes);
    return name == "script" || name == "style" || name == "noscript" || name == "template" || name == "svg" ||
           name == "select" || name == "head" || name == "option";
}

// Elements that start a new line of text.
bool is_block(std::string_view name) {
    static constexpr std::array<std::string_view, 31> k_blocks{
        "p",   "div",  "li",    "td",         "th",       "h1",     "h2",      "h3",
        "h4",  "h5",   "h6",    "section",    "header",   "footer", "ul",      "ol",
        "tr",  "dd",   "dt",    "figcaption", "address",  "br",     "article", "aside",
        "nav", "main", "table", "blockquote", "fieldset", "legend", "form",
    };
    return std::find(k_blocks.begin(), k_blocks.end(), name) != k_blocks.end();
}

std::string class_and_id(const xmlNode* el) {
    if (!has_attr(el, "class") && !has_attr(el, "id")) return {};
    std::string ci = text::ascii_lower(attr(el, "class") + " " + attr(el, "id"));
    for (auto pos = ci.find("authorit"); pos != std::string::npos; pos = ci.find("authorit", pos))
        ci.replace(pos, 6, "xxxxxx");
    return ci;
}

// Containers whose dates belong to something else than the article: reader
// comments, lists of other articles, page footers, side columns and
// embedded posts (a quoted tweet shows the day it was posted). Class
// names are read part by part ("comment-list", "post_related"), so that
// utility classes that merely contain a word ("[--sidebar-width:18rem]",
// "nocomments") do not count.
constexpr std::array<std::string_view, 13> k_aside_parts{
    "comment", "comments", "related", "recommended", "recommendations", "sidebar", "footer",
    "widget",  "widgets",  "popular", "trending",    "readnext",        "tweet",
};
// Two parts in a row that name a list of other articles.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> k_aside_pairs{{
    {"read", "next"},
    {"read", "more"},
    {"more", "stories"},
}};

bool is_aside(std::string_view name, const std::string& ci) {
    if (name == "footer" || name == "aside" || name == "nav") return true;
    // The page's own containers describe its layout ("has-sidebar").
    if (name == "html" || name == "body" || name == "main" || name == "article") return false;
    std::size_t i = 0;
    while (i < ci.size()) {
        std::size_t j = ci.find(' ', i);
        if (j == std::string::npos) j = ci.size();
        const std::string_view token(ci.data() + i, j - i);
        i = j + 1;
        // Utility classes ("lg:w-[--sidebar-width]") style, they do not name.
        if (token.find_first_of("[:(") != std::string_view::npos) continue;
        std::string_view previous;
        std::size_t k = 0;
        while (k < token.size()) {
            std::size_t e = token.find_first_of("-_", k);
            if (e == std::string_view::npos) e = token.size();
            const std::string_view part = token.substr(k, e - k);
            k = e + 1;
            if (part.empty()) continue;
            // "has-sidebar", "no-comments": a state of the layout.
            const bool state = previous == "has" || previous == "with" || previous == "no" || previous == "without";
            if (!state && std::find(k_aside_parts.begin(), k_aside_parts.end(), part) != k_aside_parts.end()) {
                return true;
            }
            for (const auto& [first, second] : k_aside_pairs) {
                if (previous == first && part == second) return true;
            }
            previous = part;
        }
    }
    return false;
}

bool is_byline(const std::string& ci) { return contains(ci, "byline") || contains(ci, "author"); }

struct Flags {
    bool h1 = false;
    bool byline = false;
    bool aside = false;
};

class LineReader {
  public:
    void text(const char* s, const Flags& flags) {
        if (m_current.text.empty()) {
            m_current.h1 = flags.h1;
            m_current.byline = flags.byline;
            m_current.aside = flags.aside;
        }
        // Text nodes apart: inline elements often glue a label or a
        // section name to a date ("Mental HealthDECEMBER 22, 2022",
        // "Updated onFebruary 16").
        if (m_current.text.size() < k_max_text_bytes) m_current.text.append(" ").append(s);
        m_current.h1 = m_current.h1 || flags.h1;
        m_current.byline = m_current.byline || flags.byline;
    }
    void datetime(std::string value) {
        if (m_current.datetime.empty()) m_current.datetime = std::move(value);
    }
    void flush() {
        std::string collapsed = text::collapse_space(m_current.text);
        if (!collapsed.empty() && m_lines.size() < k_max_lines * 20) {
            m_current.text = std::move(collapsed);
            m_lines.push_back(std::move(m_current));
        }
        m_current = TextLine{};
    }
    std::vector<TextLine>& lines() { return m_lines; }

  private:
    TextLine m_current;
    std::vector<TextLine> m_lines;
};

// Every date dates.cpp reads has a four-digit year: lines without four
// digits in a row are not tokenized.
bool has_year_digits(std::string_view text) {
    int run = 0;
    for (char c : text) {
        run = c >= '0' && c <= '9' ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

} // namespace

std::vector<TextLine> read_text_lines(xmlDoc* doc) {
    LineReader reader;
    xmlNode* root = root_element(doc);
    if (root == nullptr) return {};
    // What holds the page is never an aside, whatever it is called.
    const std::vector<const xmlNode*> holders = page_holders(root);
    std::vector<Flags> stack{Flags{}};
    xmlNode* node = root;
    while (node != nullptr) {
        bool descend = false;
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != nullptr) reader.text(reinterpret_cast<const char*>(node->content), stack.back());
        } else if (node->type == XML_ELEMENT_NODE) {
            const auto name = tag_name(node);
            if (!is_skipped(node, name)) {
                if (is_block(name)) reader.flush();
                const std::string ci = class_and_id(node);
                Flags f = stack.back();
                f.h1 = f.h1 || name == "h1";
                f.byline = f.byline || is_byline(ci);
                f.aside =
                    f.aside || (is_aside(name, ci) && std::find(holders.begin(), holders.end(), node) == holders.end());
                if (name == "time") {
                    std::string when = attr(node, "datetime");
                    if (!when.empty()) reader.datetime(std::move(when));
                }
                stack.push_back(f);
                descend = true;
            }
        }
        if (descend && node->children != nullptr) {
            node = node->children;
            continue;
        }
        if (descend) stack.pop_back();
        while (node != nullptr && node != root && node->next == nullptr) {
            node = node->parent;
            if (node != nullptr && node->type == XML_ELEMENT_NODE && stack.size() > 1) {
                stack.pop_back();
                if (is_block(tag_name(node))) reader.flush();
            }
        }
        if (node == nullptr || node == root) break;
        node = node->next;
    }
    reader.flush();
    return std::move(reader.lines());
}

DateLabel date_label(std::string_view line) {
    const std::string folded = text::fold_case(line);
    std::size_t updated = std::string::npos;
    std::size_t published = std::string::npos;
    for (auto w : k_updated_words) updated = std::min(updated, folded.find(w));
    for (auto w : k_published_words) published = std::min(published, folded.find(w));
    if (updated == std::string::npos && published == std::string::npos) return DateLabel::none;
    return published < updated ? DateLabel::published : DateLabel::updated;
}

std::vector<DateLine> find_date_lines(xmlDoc* doc, std::string_view headline) {
    return find_date_lines(read_text_lines(doc), headline);
}

std::vector<DateLine> find_date_lines(const std::vector<TextLine>& lines, std::string_view headline) {
    const std::string headline_key = title_key(headline);
    auto shows_headline = [&](const TextLine& l) {
        return !headline_key.empty() && l.text.size() <= 2 * headline.size() + 16 && title_key(l.text) == headline_key;
    };
    std::vector<int> anchors;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if ((lines[i].h1 || lines[i].byline || shows_headline(lines[i])) && !lines[i].aside)
            anchors.push_back(static_cast<int>(i));
    }
    std::vector<DateLine> out;
    for (std::size_t i = 0; i < lines.size() && out.size() < k_max_lines; ++i) {
        const TextLine& l = lines[i];
        if (l.text.size() > k_max_line_bytes && l.datetime.empty()) continue;
        std::vector<FoundDate> found;
        if (l.text.size() <= k_max_line_bytes && has_year_digits(l.text)) {
            found = dates_in_text(l.text, k_max_dates_per_line);
        }
        if (!l.datetime.empty()) {
            // The machine-readable time, when it falls on the day the text
            // shows (a UTC time may fall on the next day: the text's day
            // stands then), or when the text has no date.
            const auto machine = parse_date(l.datetime);
            if (machine && found.empty()) {
                found.push_back({*machine, 0, 0});
            } else if (machine && machine->year == found.front().date.year &&
                       machine->month == found.front().date.month && machine->day == found.front().date.day) {
                found.front().date = *machine;
            }
        }
        int distance = -1;
        bool above = false;
        for (int a : anchors) {
            const int gap = a > static_cast<int>(i) ? a - static_cast<int>(i) : static_cast<int>(i) - a;
            if (distance < 0 || gap < distance) {
                distance = gap;
                above = a > static_cast<int>(i);
            }
        }
        std::size_t label_from = 0;
        for (std::size_t k = 0; k < found.size(); ++k) {
            DateLine dl;
            dl.date = found[k].date;
            dl.text = l.text.substr(0, k_max_line_bytes);
            dl.aside = l.aside;
            dl.line = static_cast<int>(i);
            dl.distance = distance;
            dl.above = above;
            dl.written = found[k].end != 0;
            // The label: the words between the previous date and this one,
            // or, for the first date, alone on the line above.
            const std::size_t begin = std::max(found[k].begin, label_from);
            dl.label = found[k].end == 0 ? date_label(l.text)
                                         : date_label(std::string_view(l.text).substr(label_from, begin - label_from));
            if (dl.label == DateLabel::none && k == 0 && i > 0 && lines[i - 1].text.size() <= k_max_label_line_bytes) {
                dl.label = date_label(lines[i - 1].text);
            }
            label_from = std::max(label_from, found[k].end);
            out.push_back(std::move(dl));
        }
    }
    return out;
}

} // namespace oped::indexer
