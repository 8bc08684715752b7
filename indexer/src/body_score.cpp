#include <oped/indexer/body_score.hpp>

#include <oped/indexer/body_classes.hpp>
#include <oped/indexer/body_dom.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace oped::indexer::body {
namespace {

constexpr int k_ancestor_levels = 5;
constexpr std::size_t k_top_candidates = 5;
constexpr std::size_t k_min_agreeing = 3;

using Scores = std::unordered_map<const xmlNode*, double>;

bool is_scored_tag(std::string_view tag) {
    return tag == "p" || tag == "pre" || tag == "td" || tag == "section" || (is_heading(tag) && tag != "h1");
}

double tag_prior(std::string_view tag) {
    if (tag == "div") return 5;
    if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
    if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" ||
        tag == "form") {
        return -3;
    }
    if (is_heading(tag) || tag == "th") return -5;
    return 0;
}

// Markup that names the article itself: schema.org's articleBody, <article>,
// the main landmark. Worth less than it seems: listing pages wrap every
// teaser in <article>, and <main> often holds the sidebar too.
double structure_weight(const xmlNode* node) {
    const std::string itemprop = attr(node, "itemprop");
    if (itemprop.find("articleBody") != std::string::npos || itemprop.find("articlebody") != std::string::npos) {
        return 25;
    }
    const auto tag = tag_name(node);
    if (tag == "article") return 10;
    if (tag == "main" || attr(node, "role") == "main") return 5;
    return 0;
}

const NodeStats& stats_of(const StatsMap& stats, const xmlNode* node) {
    static const NodeStats k_empty;
    auto it = stats.find(node);
    return it == stats.end() ? k_empty : it->second;
}

class Scorer {
  public:
    Scorer(const StatsMap& stats, const Flags& flags) : m_stats(stats), m_flags(flags) {}

    double& score(const xmlNode* node) {
        auto [it, inserted] = m_scores.try_emplace(node, 0.0);
        if (inserted) {
            it->second =
                tag_prior(tag_name(node)) + (m_flags.weight_classes ? class_weight(node) + structure_weight(node) : 0);
            m_order.push_back(node);
        }
        return it->second;
    }
    bool has_score(const xmlNode* node) const { return m_scores.count(node) != 0; }
    double score_of(const xmlNode* node) const {
        auto it = m_scores.find(node);
        return it == m_scores.end() ? 0.0 : it->second;
    }

    void score_paragraphs(xmlNode* body) {
        walk_elements(body, [&](xmlNode* el, int) {
            if (!is_scored_tag(tag_name(el))) return true;
            const NodeStats& s = stats_of(m_stats, el);
            if (s.chars < 25) return true;
            const double points =
                1.0 + static_cast<double>(s.commas) + std::min(std::floor(static_cast<double>(s.chars) / 100), 3.0);
            int level = 0;
            for (xmlNode* a = el->parent; a != nullptr && level < k_ancestor_levels; a = a->parent, ++level) {
                if (a->type != XML_ELEMENT_NODE || a->parent == nullptr || a->parent->type != XML_ELEMENT_NODE) break;
                const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
                score(a) += points / divider;
            }
            return true;
        });
        for (const xmlNode* node : m_order) m_scores[node] *= 1.0 - stats_of(m_stats, node).link_density();
    }

    std::vector<const xmlNode*> top_candidates() const {
        std::vector<const xmlNode*> all(m_order.begin(), m_order.end());
        const std::size_t n = std::min(all.size(), k_top_candidates);
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                          [&](const xmlNode* a, const xmlNode* b) { return score_of(a) > score_of(b); });
        all.resize(n);
        return all;
    }

  private:
    const StatsMap& m_stats;
    const Flags& m_flags;
    Scores m_scores;
    std::vector<const xmlNode*> m_order;
};

std::size_t element_children(const xmlNode* node) {
    std::size_t n = 0;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) n += c->type == XML_ELEMENT_NODE ? 1 : 0;
    return n;
}

bool is_ancestor_of(const xmlNode* ancestor, const xmlNode* node) {
    int steps = 0;
    for (const xmlNode* p = node->parent; p != nullptr && steps < k_max_walk_depth; p = p->parent, ++steps) {
        if (p == ancestor) return true;
    }
    return false;
}

// Several near-best candidates under one ancestor: the content is split, take the ancestor.
xmlNode* unify_split_content(xmlNode* top, const std::vector<const xmlNode*>& tops, const Scorer& scorer,
                             const xmlNode* body) {
    const double best = scorer.score_of(top);
    std::vector<const xmlNode*> close;
    for (std::size_t i = 1; i < tops.size(); ++i) {
        if (best > 0 && scorer.score_of(tops[i]) / best >= 0.75) close.push_back(tops[i]);
    }
    if (close.size() < k_min_agreeing) return top;
    for (xmlNode* p = top->parent; p != nullptr && p != body; p = p->parent) {
        const auto agreeing =
            std::count_if(close.begin(), close.end(), [&](const xmlNode* c) { return is_ancestor_of(p, c); });
        if (static_cast<std::size_t>(agreeing) >= k_min_agreeing) return p;
    }
    return top;
}

// Climb while the ancestors' scores do not fall below a third of the
// candidate's; stop at the first ancestor scoring higher than the last step.
xmlNode* climb_rising_scores(xmlNode* top, Scorer& scorer, const xmlNode* body) {
    double last = scorer.score(top);
    const double threshold = last / 3;
    for (xmlNode* p = top->parent; p != nullptr && p != body; p = p->parent) {
        if (!scorer.has_score(p)) continue;
        const double s = scorer.score_of(p);
        if (s < threshold) break;
        if (s > last) return p;
        last = s;
    }
    return top;
}

bool ends_sentence(const std::string& text) {
    for (std::size_t pos = text.find('.'); pos != std::string::npos; pos = text.find('.', pos + 1)) {
        if (pos + 1 == text.size() || text[pos + 1] == ' ') return true;
    }
    return false;
}

std::vector<xmlNode*> join_siblings(xmlNode* top, Scorer& scorer, const StatsMap& stats) {
    const double top_score = scorer.score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class = attr(top, "class");
    std::vector<xmlNode*> out;
    for (xmlNode* s = top->parent->children; s != nullptr; s = s->next) {
        if (s->type != XML_ELEMENT_NODE) continue;
        bool append = s == top;
        if (!append) {
            const double bonus = !top_class.empty() && attr(s, "class") == top_class ? top_score * 0.2 : 0.0;
            if (scorer.has_score(s) && scorer.score_of(s) + bonus >= threshold) {
                append = true;
            } else if (tag_name(s) == "p") {
                const NodeStats& st = stats_of(stats, s);
                const double density = st.link_density();
                if (st.chars > 80 && density < 0.25) {
                    append = true;
                } else if (st.chars < 80 && st.chars > 0 && density == 0 && ends_sentence(visible_text(s))) {
                    append = true;
                }
            }
        }
        if (append) out.push_back(s);
    }
    return out;
}

// An article cut into parts by boxes between them (a pull quote, a gallery,
// an ad, a sign-up form) often sets each part in its own block of one kind,
// each in its own wrapper, so the parts are cousins, not siblings. Blocks
// of the best one's tag and class that hold prose are taken to be its other
// parts, and their nearest common ancestor is the article, as long as the
// parts make up most of that ancestor's text (it is not the whole page).
constexpr std::size_t k_min_part_chars = 150;
constexpr double k_max_part_link_density = 0.25;
constexpr double k_min_parts_share = 0.6;
// Two more blocks like the best one at least: one alone is as often a
// footer's small print set in the same class.
constexpr std::size_t k_min_parts = 2;
// Parts sit near each other: their common ancestor is a few levels up (the
// block, its wrapper, a column, a row). A block of the same class further
// away is another part of the page (a footer's small print).
constexpr int k_max_parts_levels = 4;

xmlNode* merge_split_parts(xmlNode* top, const StatsMap& stats, xmlNode* body) {
    const std::string cls = attr(top, "class");
    if (cls.empty()) return nullptr;
    const auto tag = tag_name(top);
    std::vector<xmlNode*> parts;
    walk_elements(body, [&](xmlNode* el, int) {
        if (el == top) return false;
        if (tag_name(el) != tag || attr(el, "class") != cls || is_ancestor_of(el, top)) return true;
        const NodeStats& s = stats_of(stats, el);
        if (s.chars >= k_min_part_chars && s.paragraphs > 0 && s.link_density() < k_max_part_link_density)
            parts.push_back(el);
        return false;
    });
    if (parts.size() < k_min_parts) return nullptr;
    xmlNode* common = top->parent;
    int levels = 1;
    std::size_t parts_chars = stats_of(stats, top).chars;
    for (const xmlNode* p : parts) {
        while (common != nullptr && common != body && !is_ancestor_of(common, p)) {
            common = common->parent;
            ++levels;
        }
        parts_chars += stats_of(stats, p).chars;
    }
    if (common == nullptr || common == body || levels > k_max_parts_levels) return nullptr;
    for (const xmlNode* p : parts) {
        int up = 0;
        for (const xmlNode* a = p->parent; a != common; a = a->parent) ++up;
        if (up >= k_max_parts_levels) return nullptr;
    }
    const double whole = static_cast<double>(stats_of(stats, common).chars);
    return static_cast<double>(parts_chars) >= k_min_parts_share * whole ? common : nullptr;
}

// Page builders (Elementor, Gutenberg groups, Divi) set an article in
// sections of one kind, one after another: the opening in one, the rest in
// the next, a box between them. The best candidate then sits in one section,
// and its siblings are the other parts. Climbing from it a few levels, a
// section whose siblings share its tag and most of its class tokens (the
// builder's own, not the per-section id) and hold prose is such a part: the
// parts, from the first to the last, are the article, as long as they make
// up most of their parent's text.
constexpr int k_max_section_levels = 6;
constexpr double k_min_section_class_share = 0.5;

bool same_kind_of_section(const xmlNode* a, const std::vector<std::string_view>& a_tokens, const xmlNode* b) {
    if (tag_name(a) != tag_name(b)) return false;
    const std::string b_class = attr(b, "class");
    const auto b_tokens = class_tokens(b_class);
    std::vector<std::string_view> shared;
    std::set_intersection(a_tokens.begin(), a_tokens.end(), b_tokens.begin(), b_tokens.end(),
                          std::back_inserter(shared));
    const std::size_t all = a_tokens.size() + b_tokens.size() - shared.size();
    return !shared.empty() &&
           static_cast<double>(shared.size()) >= k_min_section_class_share * static_cast<double>(all);
}

// A section that is a part of the article holds several paragraphs of prose
// (a box of one paragraph set in the same kind of section, an author's bio or
// a call to action, is not one), and at least a quarter of the part found's
// text: on WCXB's even pages the sections that added less (+2% to +19%) were
// a disclaimer, a sign-up form or the next story's teaser.
constexpr std::size_t k_min_section_chars = 500;
constexpr std::uint32_t k_min_section_paragraphs = 2;
constexpr double k_min_section_share = 0.25;

bool holds_prose(const NodeStats& s) {
    return s.chars >= k_min_section_chars && s.paragraphs >= k_min_section_paragraphs &&
           s.link_density() < k_max_part_link_density;
}

std::vector<xmlNode*> join_sibling_sections(xmlNode* top, const StatsMap& stats, xmlNode* body) {
    xmlNode* section = top;
    for (int level = 0; level < k_max_section_levels && section->parent != nullptr && section->parent != body;
         ++level, section = section->parent) {
        const std::string cls = attr(section, "class");
        if (cls.empty()) continue;
        const auto tokens = class_tokens(cls);
        const std::size_t own_chars = stats_of(stats, section).chars;
        std::size_t parts_chars = own_chars;
        xmlNode* first = section;
        xmlNode* last = section;
        bool before = true;
        for (xmlNode* s = section->parent->children; s != nullptr; s = s->next) {
            if (s == section) before = false;
            if (s == section || s->type != XML_ELEMENT_NODE || !same_kind_of_section(section, tokens, s)) continue;
            const NodeStats& st = stats_of(stats, s);
            if (!holds_prose(st) ||
                static_cast<double>(st.chars) < k_min_section_share * static_cast<double>(own_chars))
                continue;
            if (before && first == section) first = s;
            if (!before) last = s;
            parts_chars += st.chars;
        }
        if (first == section && last == section) continue;
        const double whole = static_cast<double>(stats_of(stats, section->parent).chars);
        if (static_cast<double>(parts_chars) < k_min_parts_share * whole) return {};
        // The parts and what lies between them (a heading, a box the
        // cleaning takes out), not the sections before or after them.
        std::vector<xmlNode*> out;
        for (xmlNode* s = first; s != nullptr; s = s->next) {
            out.push_back(s);
            if (s == last) break;
        }
        return out;
    }
    return {};
}

} // namespace

std::vector<xmlNode*> select_article(xmlNode* body, const StatsMap& stats, const Flags& flags) {
    if (body == nullptr) return {};
    Scorer scorer(stats, flags);
    scorer.score_paragraphs(body);
    const auto tops = scorer.top_candidates();
    if (tops.empty() || tops.front() == body) {
        std::vector<xmlNode*> all;
        for (xmlNode* c = body->children; c != nullptr; c = c->next) all.push_back(c);
        return all;
    }
    xmlNode* top = const_cast<xmlNode*>(tops.front());
    top = unify_split_content(top, tops, scorer, body);
    top = climb_rising_scores(top, scorer, body);
    while (top->parent != nullptr && top->parent != body && element_children(top->parent) == 1) top = top->parent;
    if (top->parent == nullptr) return {top};
    if (xmlNode* whole = merge_split_parts(top, stats, body); whole != nullptr) return {whole};
    if (auto parts = join_sibling_sections(top, stats, body); !parts.empty()) return parts;
    return join_siblings(top, scorer, stats);
}

} // namespace oped::indexer::body
