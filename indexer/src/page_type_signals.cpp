#include <oped/indexer/page_type.hpp>

#include "lexicon.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/html_doc.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <unordered_map>
#include <vector>

namespace oped::indexer {
namespace {

using namespace std::string_view_literals; // the word lists below hold their lengths

// The language-dependent word lists are in lexicon.hpp.
using lexicon::k_cart_phrases;
using lexicon::k_cta_phrases;
using lexicon::k_i_words;
using lexicon::k_said_words;
using lexicon::k_we_words;
using lexicon::k_you_words;

// Class and id words, lower case, split at anything not a letter or digit.
constexpr std::array k_post_words = {"post"sv,     "posts"sv,    "message"sv,   "messages"sv, "reply"sv,
                                     "replies"sv,  "postbody"sv, "comment"sv,   "answer"sv,   "answers"sv,
                                     "forum"sv,    "thread"sv,   "topic"sv,     "bbp"sv,      "userinfo"sv,
                                     "username"sv, "postbit"sv,  "ipscomment"sv};
constexpr std::array k_card_words = {"card"sv,  "cards"sv,  "teaser"sv,  "teasers"sv, "tile"sv,   "tiles"sv,
                                     "promo"sv, "result"sv, "results"sv, "listing"sv, "excerpt"sv};
constexpr std::array k_button_words = {"btn"sv, "button"sv, "cta"sv};
constexpr std::array k_pager_words = {"pagination"sv, "pager"sv, "paging"sv, "pagenav"sv, "pagenavi"sv};
constexpr std::array k_time_words = {"date"sv,      "time"sv,   "timestamp"sv, "datetime"sv,
                                     "published"sv, "posted"sv, "pubdate"sv,   "ago"sv};
constexpr std::array k_service_words = {"hero"sv,     "testimonial"sv, "testimonials"sv, "features"sv,  "feature"sv,
                                        "benefits"sv, "faq"sv,         "faqs"sv,         "accordion"sv, "pricing"sv,
                                        "plans"sv,    "clients"sv,     "logos"sv,        "partners"sv};
constexpr std::array k_article_words = {"byline"sv, "headline"sv, "dateline"sv, "article"sv, "story"sv,
                                        "entry"sv,  "author"sv,   "kicker"sv,   "lede"sv,    "standfirst"sv};
constexpr std::array k_price_words = {"price"sv,    "prices"sv,   "pricing"sv, "sku"sv,   "cart"sv,    "basket"sv,
                                      "checkout"sv, "quantity"sv, "qty"sv,     "stock"sv, "variant"sv, "swatch"sv};

// schema.org types by kind, matched at the end of the type ("schema:Product").
constexpr std::array k_schema_article = {"Article", "BlogPosting",        "NewsArticle",
                                         "Report",  "OpinionNewsArticle", "Posting"};
constexpr std::array k_schema_listing = {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"};
constexpr std::array k_schema_product = {"Product", "ProductGroup", "Offer", "AggregateOffer", "IndividualProduct"};
constexpr std::array k_schema_forum = {"DiscussionForumPosting", "QAPage", "SocialMediaPosting"};
constexpr std::array k_schema_other = {
    "Service",    "LocalBusiness",  "SoftwareApplication", "Event", "Course", "JobPosting", "Recipe", "Store",
    "Restaurant", "WebApplication", "MobileApplication",   "Hotel", "Movie"};

// Path words that name what kind of page a URL is, by kind.
struct UrlKind {
    std::string_view kind;
    std::array<std::string_view, 12> words;
};
constexpr std::array k_url_kinds = {
    UrlKind{"article",
            {"news", "blog", "blogs", "article", "articles", "story", "stories", "opinion", "post", "posts", "column",
             "columns"}},
    UrlKind{"listing",
            {"tag", "tags", "category", "categories", "archive", "archives", "author", "authors", "search",
             "collections", "collection", "section"}},
    UrlKind{"product",
            {"product", "products", "shop", "store", "item", "dp", "p", "buy", "catalog", "catalogue", "", ""}},
    UrlKind{"forum",
            {"forum", "forums", "thread", "threads", "t", "community", "discussion", "discussions", "questions", "q",
             "board", "boards"}},
    UrlKind{"docs",
            {"docs", "doc", "documentation", "reference", "api", "manual", "help", "support", "kb", "guide", "guides",
             "wiki"}},
    UrlKind{"service",
            {"services", "service", "solutions", "pricing", "features", "about", "contact", "locations", "platform",
             "industries", "", ""}},
};
// The same, for the first label of the host name.
constexpr std::array k_host_kinds = {
    UrlKind{"article", {"news", "blog", "blogs", "", "", "", "", "", "", "", "", ""}},
    UrlKind{"product", {"shop", "store", "", "", "", "", "", "", "", "", "", ""}},
    UrlKind{"forum", {"forum", "forums", "community", "discuss", "discourse", "board", "boards", "", "", "", "", ""}},
    UrlKind{"docs",
            {"docs", "doc", "developer", "developers", "help", "support", "wiki", "learn", "manual", "api", "", ""}},
};

template <std::size_t N>
bool ends_with_any(std::string_view type, const std::array<const char*, N>& names) {
    for (const char* name : names) {
        const std::string_view n(name);
        if (type.size() >= n.size() && type.substr(type.size() - n.size()) == n &&
            (type.size() == n.size() || type[type.size() - n.size() - 1] == '/' ||
             type[type.size() - n.size() - 1] == ':')) {
            return true;
        }
    }
    return false;
}

void count_schema_type(std::string_view type, PageTypeSignals& s) {
    if (s.schema_types.size() < 32 && !type.empty()) s.schema_types.emplace_back(type);
    if (ends_with_any(type, k_schema_article)) ++s.schema_article;
    if (ends_with_any(type, k_schema_listing)) ++s.schema_listing;
    if (ends_with_any(type, k_schema_product)) ++s.schema_product;
    if (ends_with_any(type, k_schema_forum)) ++s.schema_forum;
    if (ends_with_any(type, k_schema_other)) ++s.schema_other;
}

// Every "@type" value in a JSON-LD script, read as text: a page's JSON that
// does not parse still says what it describes.
void scan_jsonld_types(std::string_view json, PageTypeSignals& s) {
    constexpr std::string_view k_key = "\"@type\"";
    for (std::size_t at = json.find(k_key); at != std::string_view::npos; at = json.find(k_key, at + 1)) {
        std::size_t i = at + k_key.size();
        while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n' || json[i] == '\t')) ++i;
        const bool list = i < json.size() && json[i] == '[';
        const std::size_t end = list ? json.find(']', i) : std::min(json.size(), json.find('"', i + 1) + 1);
        if (end == std::string_view::npos) return;
        std::string_view values = json.substr(i, end - i);
        for (std::size_t q = values.find('"'); q != std::string_view::npos;) {
            const std::size_t close = values.find('"', q + 1);
            if (close == std::string_view::npos) break;
            count_schema_type(values.substr(q + 1, close - q - 1), s);
            q = values.find('"', close + 1);
        }
    }
    if (json.find("\"datePublished\"") != std::string_view::npos) s.meta_published = true;
}

template <std::size_t N>
bool listed(std::string_view word, const std::array<std::string_view, N>& list) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view l) { return word == l; });
}

// Bytes that are not white space: a length that markup indentation does not
// change.
std::size_t solid_chars(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return c != ' ' && c != '\n' && c != '\t' && c != '\r'; }));
}

// Whether a line of text ends a sentence: its last character, closing quotes
// and brackets aside, is a full stop, a question or exclamation mark or an
// ellipsis, in the Latin, CJK, Arabic or Devanagari script.
bool ends_sentence(std::string_view line) {
    // What may follow the stop: white space (French sets a space, often a
    // no-break one, before its closing quote), closing quotes and brackets.
    constexpr std::array<std::string_view, 12> k_after = {
        " ", "\t", "\r", "\n", "\xC2\xA0", "\xE2\x80\xAF", "\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
    constexpr std::array<std::string_view, 9> k_stops = {".",
                                                         "!",
                                                         "?",
                                                         "\xE2\x80\xA6",  // …
                                                         "\xE3\x80\x82",  // 。
                                                         "\xEF\xBC\x81",  // ！
                                                         "\xEF\xBC\x9F",  // ？
                                                         "\xD8\x9F",      // ؟
                                                         "\xE0\xA5\xA4"}; // ।
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (std::string_view tail : k_after) {
            if (line.ends_with(tail)) {
                line.remove_suffix(tail.size());
                trimmed = true;
            }
        }
    }
    return std::any_of(k_stops.begin(), k_stops.end(), [&](std::string_view stop) { return line.ends_with(stop); });
}

// Amounts with a currency sign: "$12", "£9.99", "12,50 €", "€ 30".
int count_prices(std::string_view s) {
    int n = 0;
    constexpr std::array<std::string_view, 5> k_signs = {"$", "\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "\xE2\x82\xB9"};
    for (std::string_view sign : k_signs) {
        for (std::size_t at = s.find(sign); at != std::string_view::npos; at = s.find(sign, at + 1)) {
            std::size_t after = at + sign.size();
            while (after < s.size() && s[after] == ' ') ++after;
            std::size_t before = at;
            while (before > 0 && s[before - 1] == ' ') --before;
            const bool digit_after = after < s.size() && std::isdigit(static_cast<unsigned char>(s[after])) != 0;
            const bool digit_before = before > 0 && std::isdigit(static_cast<unsigned char>(s[before - 1])) != 0;
            n += (digit_after || digit_before) ? 1 : 0;
        }
    }
    return n;
}

bool is_heading(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6';
}

bool inside(const xmlNode* node, std::string_view name, int levels) {
    for (const xmlNode* p = node->parent; p != nullptr && levels > 0; p = p->parent, --levels) {
        if (is_element(p, name)) return true;
    }
    return false;
}

// What an element's subtree holds, as bits.
enum Holds : unsigned { k_holds_link = 1, k_holds_heading = 2, k_holds_image = 4, k_holds_time = 8 };

// An element met on the walk: its own text (not its children's).
struct Visit {
    xmlNode* node;
    int depth;
    std::size_t text;
    std::size_t links;
    std::string_view cls;
    unsigned holds; // the element's own Holds bits
};

// Children of one parent with the same tag and class.
struct SiblingKey {
    const xmlNode* parent;
    std::string_view tag;
    std::string_view cls;
    bool operator==(const SiblingKey&) const = default;
};
struct SiblingKeyHash {
    std::size_t operator()(const SiblingKey& k) const noexcept {
        const std::size_t h = std::hash<const void*>{}(k.parent);
        return h ^ (std::hash<std::string_view>{}(k.tag) * 31) ^ (std::hash<std::string_view>{}(k.cls) * 131);
    }
};
struct Siblings {
    int teasers = 0; // each holding a link and a heading or an image
    int dated = 0;   // each holding a time
    std::size_t teaser_chars = 0;
};

// A year (1900-2099) standing alone, or "... ago": a date stamp's text.
bool has_date_stamp(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const bool starts = (s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0');
        if (!starts || (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) != 0)) continue;
        const bool digits = std::isdigit(static_cast<unsigned char>(s[i + 2])) != 0 &&
                            std::isdigit(static_cast<unsigned char>(s[i + 3])) != 0;
        if (digits && (i + 4 == s.size() || std::isdigit(static_cast<unsigned char>(s[i + 4])) == 0)) return true;
    }
    const std::size_t ago = s.find(" ago");
    return ago != std::string_view::npos &&
           std::any_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(ago),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// The attributes the signals read, in one pass over the element's; values
// made of one text node are read in place.
struct Attributes {
    std::string_view cls, id, itemprop, itemtype, rel, role, type;
};

std::string_view value_of(const xmlAttr* a) {
    const xmlNode* v = a->children;
    if (v == nullptr || v->next != nullptr || v->type != XML_TEXT_NODE || v->content == nullptr) return {};
    return reinterpret_cast<const char*>(v->content);
}

Attributes attributes_of(const xmlNode* el) {
    Attributes out;
    for (const xmlAttr* a = el->properties; a != nullptr; a = a->next) {
        const std::string_view name(reinterpret_cast<const char*>(a->name));
        if (text::iequals(name, "class")) out.cls = value_of(a);
        if (text::iequals(name, "id")) out.id = value_of(a);
        if (text::iequals(name, "itemprop")) out.itemprop = value_of(a);
        if (text::iequals(name, "itemtype")) out.itemtype = value_of(a);
        if (text::iequals(name, "rel")) out.rel = value_of(a);
        if (text::iequals(name, "role")) out.role = value_of(a);
        if (text::iequals(name, "type")) out.type = value_of(a);
    }
    return out;
}

// Calls fn with each run of ASCII letters and digits in a class or id, in
// lower case.
template <class Fn>
void for_each_word(std::string_view value, Fn&& fn) {
    std::string word;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ' ';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else if (c >= 'A' && c <= 'Z') {
            word.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (!word.empty()) {
            fn(std::string_view(word));
            word.clear();
        }
    }
}

void read_meta(const xmlNode* el, const Attributes& a, PageTypeSignals& s) {
    const std::string key = text::ascii_lower(attr(el, has_attr(el, "property") ? "property" : "name"));
    if (key == "og:type") s.og_type = text::ascii_lower(text::collapse_space(attr(el, "content")));
    if (key == "article:published_time") s.meta_published = true;
    if (a.itemprop == "price" || a.itemprop == "priceCurrency") ++s.price_marks;
}

void read_url(const std::string& url, PageTypeSignals& s) {
    std::string_view rest(url);
    const std::size_t scheme = rest.find("://");
    if (scheme == std::string_view::npos) return;
    rest.remove_prefix(scheme + 3);
    const std::size_t slash = rest.find('/');
    const std::string host = text::ascii_lower(rest.substr(0, std::min(rest.find('.'), slash)));
    for (const auto& kind : k_host_kinds) {
        if (std::find(kind.words.begin(), kind.words.end(), host) != kind.words.end() && !host.empty()) {
            s.host_kind = std::string(kind.kind);
        }
    }
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    rest = rest.substr(0, rest.find_first_of("?#"));
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start < rest.size()) {
        std::size_t end = rest.find('/', start);
        if (end == std::string_view::npos) end = rest.size();
        if (end > start) segments.push_back(text::ascii_lower(rest.substr(start, end - start)));
        start = end + 1;
    }
    s.url_depth = static_cast<int>(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& seg = segments[i];
        const bool year = seg.size() == 4 && (seg.starts_with("19") || seg.starts_with("20")) &&
                          std::all_of(seg.begin(), seg.end(), [](char c) { return std::isdigit(c) != 0; });
        if (year && i + 1 < segments.size() && segments[i + 1].size() <= 2) s.url_has_date = true;
        int run = 0;
        for (char c : seg) {
            run = std::isdigit(static_cast<unsigned char>(c)) != 0 ? run + 1 : (c == '-' && run > 0 ? run : 0);
            if (run >= 8 && (seg.find("-19") != std::string::npos || seg.find("-20") != std::string::npos ||
                             seg.starts_with("20") || seg.starts_with("19"))) {
                s.url_has_date = true;
            }
        }
        if (s.url_kind.empty()) {
            for (const auto& kind : k_url_kinds) {
                if (std::find(kind.words.begin(), kind.words.end(), seg) != kind.words.end() && !seg.empty()) {
                    s.url_kind = std::string(kind.kind);
                    break;
                }
            }
        }
    }
    if (segments.empty()) return;
    std::string last = segments.back();
    last = last.substr(0, last.find('.'));
    int words = 0;
    bool in_word = false;
    for (char c : last) {
        const bool alpha = std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
        if (alpha && !in_word) ++words;
        in_word = alpha || (in_word && std::isdigit(static_cast<unsigned char>(c)) != 0);
    }
    s.url_slug_words = words;
}

void read_body_text(const std::string& body, PageTypeSignals& s) {
    s.body_chars = solid_chars(body);
    std::size_t words = 0;
    std::size_t we = 0;
    std::size_t you = 0;
    std::size_t said = 0;
    std::size_t me = 0;
    std::string word;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        const char c = i < body.size() ? body[i] : ' ';
        if (c == ' ' || c == '\n' || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
            c == '(' || c == ')') {
            if (!word.empty()) {
                ++words;
                we += listed(word, k_we_words) ? 1 : 0;
                you += listed(word, k_you_words) ? 1 : 0;
                said += listed(word, k_said_words) ? 1 : 0;
                me += listed(word, k_i_words) ? 1 : 0;
                word.clear();
            }
        } else {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    if (words > 0) {
        const double per = 1000.0 / static_cast<double>(words);
        s.we_rate = static_cast<double>(we) * per;
        s.you_rate = static_cast<double>(you) * per;
        s.said_rate = static_cast<double>(said) * per;
        s.i_rate = static_cast<double>(me) * per;
    }
    for (std::size_t start = 0; start < body.size();) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        const std::string_view line = std::string_view(body).substr(start, end - start);
        if (ends_sentence(line)) s.body_sentence_chars += solid_chars(line);
        start = end + 1;
    }
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find("\n\n", start);
        if (end == std::string::npos) end = body.size();
        const std::size_t chars = solid_chars(std::string_view(body).substr(start, end - start));
        if (chars >= 150) {
            ++s.body_paragraphs;
            s.body_long_chars += chars;
        }
        start = end + 2;
    }
}

// The text between the first prose paragraph and the last h1 before it (or
// the page's start); all the text when there is no prose paragraph. An
// article's text follows its headline.
void read_h1_distance(const std::vector<Visit>& order, const std::vector<char>& prose_at, PageTypeSignals& s) {
    std::size_t since = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (prose_at[i] != 0) {
            s.h1_to_prose = since;
            return;
        }
        if (tag_name(order[i].node) == "h1") {
            s.prose_after_h1 = true;
            since = 0;
        } else {
            since += order[i].text;
        }
    }
    s.prose_after_h1 = false;
    s.h1_to_prose = since;
}

} // namespace

PageTypeSignals gather_page_type_signals(xmlDoc* doc, const Article& article) {
    PageTypeSignals s;
    s.has_date = !article.published.empty();
    s.has_authors = !article.authors.empty();
    read_body_text(article.body, s);
    read_url(article.url, s);
    {
        std::size_t words = 0;
        bool in_word = false;
        for (char c : article.title) {
            const bool space = c == ' ';
            if (!space && !in_word) ++words;
            in_word = !space;
        }
        s.title_words = words;
    }
    xmlNode* root = root_element(doc);
    if (root == nullptr) return s;

    std::vector<Visit> order; // elements in document order, hidden containers and their content excluded
    int nav_depth = -1;       // depth of the <nav>, <aside> or role=navigation we are in, or -1
    walk_elements(root, [&](xmlNode* el, int depth) {
        const std::string_view name = tag_name(el);
        const Attributes a = attributes_of(el);
        if (name == "script") {
            if (text::iequals(a.type, "application/ld+json")) scan_jsonld_types(raw_text(el), s);
            return false;
        }
        if (name == "meta") {
            read_meta(el, a, s);
            return false;
        }
        if (name == "style" || name == "noscript" || name == "template") return false;
        if ((name == "link" || name == "a") && text::ascii_lower(a.rel).find("next") != std::string::npos) {
            ++s.pagination_marks;
        }
        if (nav_depth >= 0 && depth <= nav_depth) nav_depth = -1;
        if (nav_depth < 0 && (name == "nav" || name == "aside" || text::iequals(a.role, "navigation"))) {
            nav_depth = depth;
        }
        if (!a.itemtype.empty()) count_schema_type(a.itemtype, s);
        if (a.itemprop == "price" || a.itemprop == "offers" || a.itemprop == "priceCurrency") ++s.price_marks;
        if (a.itemprop == "datePublished") s.meta_published = true;
        Visit v{el, depth, 0, 0, a.cls, 0};
        for (xmlNode* c = el->children; c != nullptr; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
                const std::string_view text(reinterpret_cast<const char*>(c->content));
                const std::size_t solid = solid_chars(text);
                v.text += solid;
                s.prices += count_prices(text);
                if (solid > 0 && solid <= 40 && has_date_stamp(text)) ++s.date_stamps;
            }
        }
        bool post = false;
        bool card = false;
        bool price = false;
        bool button = false;
        bool pager = false;
        bool service = false;
        bool article_mark = false;
        bool time = name == "time";
        for (std::string_view value : {a.cls, a.id}) {
            for_each_word(value, [&](std::string_view w) {
                post = post || listed(w, k_post_words);
                card = card || listed(w, k_card_words);
                price = price || listed(w, k_price_words);
                button = button || listed(w, k_button_words);
                pager = pager || listed(w, k_pager_words);
                service = service || listed(w, k_service_words);
                article_mark = article_mark || listed(w, k_article_words);
                time = time || listed(w, k_time_words);
            });
        }
        s.post_marks += post ? 1 : 0;
        s.card_marks += card ? 1 : 0;
        s.price_marks += price ? 1 : 0;
        s.pagination_marks += pager ? 1 : 0;
        s.service_marks += service ? 1 : 0;
        s.article_marks += article_mark ? 1 : 0;
        if (name == "a" && text::ascii_lower(attr(el, "href")).starts_with("tel:")) ++s.phone_links;
        v.holds = (name == "a" ? k_holds_link : 0U) | (is_heading(name) || name == "h1" ? k_holds_heading : 0U) |
                  (name == "img" || name == "picture" ? k_holds_image : 0U) | (time ? k_holds_time : 0U);
        order.push_back(v);
        const bool clickable = name == "button" || ((name == "a" || name == "input") && button);
        if (clickable || name == "a") {
            const std::string label = text::fold_case(visible_text(el) + " " + attr(el, "value"));
            if (label.size() <= 40 && std::any_of(k_cta_phrases.begin(), k_cta_phrases.end(), [&](std::string_view p) {
                    return label.find(p) != std::string::npos;
                })) {
                ++s.cta_links;
            }
            if (clickable) {
                ++s.buttons;
                const bool cart =
                    std::any_of(k_cart_phrases.begin(), k_cart_phrases.end(),
                                [&](std::string_view phrase) { return label.find(phrase) != std::string::npos; });
                s.cart_marks += cart ? 1 : 0;
            }
        }
        if (name == "h1") ++s.h1s;
        if (name == "article") ++s.article_elements;
        if (name == "time") ++s.time_elements;
        if (name == "pre") ++s.code_blocks;
        if (name == "code" && !inside(el, "pre", 3)) ++s.inline_code;
        if (name == "table") ++s.tables;
        if (name == "a" && nav_depth >= 0) ++s.nav_links;
        if (name == "select" || name == "textarea" ||
            (name == "input" && !text::iequals(a.type, "hidden") && !text::iequals(a.type, "search"))) {
            ++s.form_controls;
        }
        return true;
    });
    // Backwards, each element comes after all that lie inside it: per depth,
    // the sums of the children seen so far of the element still to come.
    struct Below {
        std::size_t text = 0;
        std::size_t links = 0;
        std::size_t prose = 0;       // prose paragraphs among the children
        std::size_t prose_chars = 0; // and their characters
        unsigned holds = 0;
    };
    std::vector<Below> below;
    std::vector<char> prose_at(order.size(), 0); // per element of order: a prose paragraph
    std::unordered_map<SiblingKey, Siblings, SiblingKeyHash> siblings;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto d = static_cast<std::size_t>(it->depth);
        if (below.size() < d + 2) below.resize(d + 2);
        Below& children = below[d + 1];
        const std::string_view name = tag_name(it->node);
        const std::size_t text = it->text + children.text;
        const std::size_t links = name == "a" ? text : it->links + children.links;
        const unsigned holds = it->holds | children.holds;
        if (children.prose > s.prose_run) s.prose_run = children.prose;
        s.prose_run_chars = std::max(s.prose_run_chars, children.prose_chars);
        children = Below{};
        Below& here = below[d];
        const bool mostly_words = links * 10 < text * 3;
        if (name == "p" && text >= 150 && mostly_words) {
            ++s.prose_paragraphs;
            s.prose_chars += text;
            prose_at[static_cast<std::size_t>(order.rend() - it - 1)] = 1;
        }
        if (it->node->parent != nullptr && text > 0) {
            Siblings& like = siblings[SiblingKey{it->node->parent, name, it->cls}];
            if ((holds & k_holds_link) != 0 && (holds & (k_holds_heading | k_holds_image)) != 0) {
                ++like.teasers;
                like.teaser_chars += text;
            }
            like.dated += (holds & k_holds_time) != 0 ? 1 : 0;
        }
        if (name == "p" && text >= 80 && mostly_words) {
            ++here.prose;
            here.prose_chars += text;
        }
        if (is_heading(name) && text > 0) {
            ++s.headings;
            if (links * 10 >= text * 6 || inside(it->node, "a", 3)) ++s.linked_headings;
        }
        if (name == "body") {
            s.text_chars = text;
            s.link_chars = links;
        }
        here.text += text;
        here.links += links;
        here.holds |= holds;
    }
    for (const auto& [key, like] : siblings) {
        s.teaser_blocks = std::max(s.teaser_blocks, like.teasers);
        s.dated_blocks = std::max(s.dated_blocks, like.dated);
        if (like.teasers >= 3) s.teaser_chars += like.teaser_chars;
    }
    read_h1_distance(order, prose_at, s);
    return s;
}

} // namespace oped::indexer
