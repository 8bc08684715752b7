#include <oped/indexer/body.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_clean.hpp>
#include <oped/indexer/body_dom.hpp>
#include <oped/indexer/body_prepare.hpp>
#include <oped/indexer/body_score.hpp>
#include <oped/indexer/body_stats.hpp>
#include <oped/indexer/body_text.hpp>
#include <oped/indexer/body_trim.hpp>
#include <oped/indexer/html_doc.hpp>

#include <vector>

namespace oped::indexer {
namespace {

// Below this many characters an attempt is taken to have missed the
// article, and the next, less strict one runs.
constexpr std::size_t k_min_article_chars = 500;

// A page with a second <html> further down (a template pasted whole into
// another), or content after </body>, leaves libxml2 with elements outside
// the body: beside it under <html>, in a nested <html>, or in a second root
// element. The article is often among them, so they join the body.
void gather_strays(xmlNode* html, xmlNode* page) {
    std::vector<xmlNode*> pending{html};
    while (!pending.empty()) {
        xmlNode* from = pending.back();
        pending.pop_back();
        for (xmlNode* c = from->children; c != nullptr;) {
            xmlNode* next = c->next;
            if (c != page && c->type == XML_ELEMENT_NODE && !is_element(c, "head")) {
                if (is_element(c, "html") || is_element(c, "body")) {
                    pending.push_back(c);
                } else if (from != page) {
                    xmlUnlinkNode(c);
                    xmlAddChild(page, c);
                }
            }
            c = next;
        }
    }
}

void gather_later_roots(const xmlNode* root, xmlNode* page) {
    for (const xmlNode* other = root->next; other != nullptr; other = other->next) {
        if (other->type == XML_ELEMENT_NODE) body::append_copy(other, page);
    }
}

// One pass on a fresh copy of the page: the caller's doc is left as it is.
std::string attempt(xmlNode* root, const Article& meta, const body::Flags& flags) {
    XmlDocPtr work = body::copy_to_document(root);
    xmlNode* html = root_element(work.get());
    if (html == nullptr) return {};
    xmlNode* page = find_first(html, "body");
    if (page == nullptr) page = html;
    if (page != html) {
        gather_later_roots(root, page);
        gather_strays(html, page);
    }
    body::prune(html, flags);
    body::restructure(html);
    const std::vector<xmlNode*> nodes = body::select_article(page, body::compute_stats(html), flags);
    xmlNode* article = xmlNewDocNode(work.get(), nullptr, reinterpret_cast<const xmlChar*>("div"), nullptr);
    xmlAddChild(html, article);
    for (xmlNode* n : nodes) {
        xmlUnlinkNode(n);
        xmlAddChild(article, n);
    }
    body::mark_data_tables(article);
    body::clean_article(article, flags);
    body::remove_link_lists(article);
    body::remove_buttons(article);
    body::trim_head(article, meta);
    body::trim_tail(article, meta);
    return body::serialise(article);
}

std::string describe(const body::Flags& flags) {
    return std::string("attempt (strip unlikely ") + (flags.strip_unlikely ? "yes" : "no") + ", weight classes " +
           (flags.weight_classes ? "yes" : "no") + ", clean conditionally " +
           (flags.clean_conditionally ? "yes" : "no") + ")";
}

} // namespace

std::string extract_body(xmlDoc* doc, const Article& meta, Explanation* explain) {
    xmlNode* root = root_element(doc);
    if (root == nullptr) return {};
    static constexpr body::Flags k_attempts[] = {
        {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
    std::string best;
    std::size_t best_chars = 0;
    for (const body::Flags& flags : k_attempts) {
        std::string text = attempt(root, meta, flags);
        const std::size_t chars = body::text_length(text);
        explain_add(explain, "body",
                    Candidate{oped::text::head_of(text, 80), describe(flags), static_cast<double>(chars),
                              std::to_string(chars) + " characters"});
        if (chars >= k_min_article_chars) {
            explain_choose(explain, "body", oped::text::head_of(text, 80),
                           "the first attempt with 500 characters or more");
            return text;
        }
        if (chars > best_chars) {
            best = std::move(text);
            best_chars = chars;
        }
    }
    explain_choose(explain, "body", oped::text::head_of(best, 80), "no attempt reached 500 characters: the longest");
    return best;
}

} // namespace oped::indexer
