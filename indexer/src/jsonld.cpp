#include <oped/indexer/jsonld.hpp>

#include <oped/common/text.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace oped::indexer {
namespace {

using nlohmann::json;

// Deeper JSON is not metadata; refusing it bounds every walk below.
constexpr int k_max_json_depth = 256;

bool type_is(const std::string& type, std::string_view suffix) { return type.ends_with(suffix); }

// Article types: schema.org's Article and its descendants, written with or
// without the schema.org prefix.
bool is_article_type(const std::string& t) {
    return type_is(t, "Article") || type_is(t, "BlogPosting") || type_is(t, "Posting") || type_is(t, "Report") ||
           type_is(t, "NewsArticle") || type_is(t, "Review");
}

bool is_page_type(const std::string& t) { return type_is(t, "WebPage") || type_is(t, "ItemPage"); }

std::vector<std::string> types_of(const json& obj) {
    std::vector<std::string> out;
    auto it = obj.find("@type");
    if (it == obj.end()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array()) {
        for (const auto& t : *it) {
            if (t.is_string()) out.push_back(t.get<std::string>());
        }
    }
    return out;
}

std::string clean(const std::string& s) { return text::collapse_space(s); }

std::string string_field(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (it->is_string()) return clean(it->get<std::string>());
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_array() && !it->empty() && it->front().is_string()) return clean(it->front().get<std::string>());
    return {};
}

using IdMap = std::map<std::string, const json*>;

const json* resolve(const json& v, const IdMap& ids) {
    if (v.is_object() && v.size() <= 2 && v.contains("@id") && !v.contains("name")) {
        auto id = v.find("@id");
        if (id->is_string()) {
            auto found = ids.find(id->get<std::string>());
            if (found != ids.end()) return found->second;
        }
    }
    return &v;
}

std::string name_of(const json& v, const IdMap& ids, bool* organisation) {
    if (v.is_string()) return clean(v.get<std::string>());
    const json* obj = resolve(v, ids);
    if (!obj->is_object()) return {};
    for (const auto& t : types_of(*obj)) {
        if (t.find("Organization") != std::string::npos || type_is(t, "NewsMediaOrganization") ||
            type_is(t, "Corporation")) {
            *organisation = true;
        }
    }
    std::string name = string_field(*obj, "name");
    // "name": ["Jane Doe", "John Roe"]: every name, as one byline.
    if (auto it = obj->find("name"); it != obj->end() && it->is_array() && it->size() > 1) {
        name.clear();
        for (const auto& n : *it) {
            if (n.is_string()) name += (name.empty() ? "" : ", ") + clean(n.get<std::string>());
        }
    }
    if (name.empty()) {
        const std::string given = string_field(*obj, "givenName");
        const std::string family = string_field(*obj, "familyName");
        name = clean(given + " " + family);
    }
    return name;
}

void read_authors(const json& v, const IdMap& ids, JsonLdArticle& out) {
    std::vector<const json*> items;
    if (v.is_array()) {
        for (const auto& a : v) items.push_back(&a);
    } else {
        items.push_back(&v);
    }
    // An Organization beside a Person is the outlet crediting itself: the
    // people are the authors.
    std::vector<std::string> people;
    std::vector<std::string> organisations;
    for (const json* a : items) {
        bool org = false;
        std::string name = name_of(*a, ids, &org);
        if (name.empty()) continue;
        (org ? organisations : people).push_back(std::move(name));
    }
    out.authors_are_organisations = people.empty() && !organisations.empty();
    out.authors = people.empty() ? std::move(organisations) : std::move(people);
}

std::vector<std::string> keywords_of(const json& v) {
    std::vector<std::string> out;
    auto add_split = [&](const std::string& s) {
        std::size_t start = 0;
        while (start <= s.size()) {
            auto comma = s.find(',', start);
            if (comma == std::string::npos) comma = s.size();
            std::string k = clean(s.substr(start, comma - start));
            if (!k.empty()) out.push_back(std::move(k));
            start = comma + 1;
        }
    };
    if (v.is_string()) add_split(v.get<std::string>());
    if (v.is_array()) {
        for (const auto& k : v) {
            if (k.is_string()) {
                std::string s = clean(k.get<std::string>());
                if (!s.empty()) out.push_back(std::move(s));
            }
        }
    }
    return out;
}

JsonLdArticle read_article(const json& obj, const std::string& type, const IdMap& ids) {
    JsonLdArticle a;
    a.type = type;
    a.is_article = is_article_type(type);
    a.headline = string_field(obj, "headline");
    a.name = string_field(obj, "name");
    a.description = string_field(obj, "description");
    a.published = string_field(obj, "datePublished");
    a.modified = string_field(obj, "dateModified");
    a.created = string_field(obj, "dateCreated");
    a.section = string_field(obj, "articleSection");
    a.url = string_field(obj, "url");
    if (a.url.empty() && obj.contains("mainEntityOfPage")) {
        const json& m = obj["mainEntityOfPage"];
        if (m.is_string()) a.url = clean(m.get<std::string>());
        if (m.is_object()) a.url = string_field(m, "@id");
    }
    if (auto it = obj.find("inLanguage"); it != obj.end()) {
        bool ignored = false;
        a.language = it->is_object() ? string_field(*it, "alternateName") : name_of(*it, ids, &ignored);
    }
    if (auto it = obj.find("author"); it != obj.end()) read_authors(*it, ids, a);
    if (a.authors.empty()) {
        if (auto it = obj.find("creator"); it != obj.end()) read_authors(*it, ids, a);
    }
    if (auto it = obj.find("publisher"); it != obj.end()) {
        bool ignored = false;
        a.site = name_of(it->is_array() && !it->empty() ? it->front() : *it, ids, &ignored);
    }
    if (auto it = obj.find("keywords"); it != obj.end()) a.tags = keywords_of(*it);
    return a;
}

// Every object in the document, pre-order, without recursion. `reviews`
// gets the objects under a "review" or "reviews" property: a customer's
// review of the product or business that holds it, not the page's article.
std::vector<const json*> all_objects(const json& root, std::vector<const json*>* reviews = nullptr) {
    std::vector<const json*> out;
    std::vector<std::pair<const json*, bool>> stack{{&root, false}};
    while (!stack.empty()) {
        const auto [v, review] = stack.back();
        stack.pop_back();
        if (v->is_object()) {
            out.push_back(v);
            if (review && reviews != nullptr) reviews->push_back(v);
        }
        if (v->is_object() || v->is_array()) {
            // Push in reverse so children come out in document order.
            std::vector<std::pair<const json*, bool>> children;
            for (auto it = v->begin(); it != v->end(); ++it) {
                if (!it->is_object() && !it->is_array()) continue;
                const bool under_review = v->is_object() ? (it.key() == "review" || it.key() == "reviews") : review;
                children.emplace_back(&*it, under_review);
            }
            for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
        }
    }
    return out;
}

int max_depth(std::string_view s) {
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        if (c == '{' || c == '[') deepest = std::max(deepest, ++depth);
        if (c == '}' || c == ']') --depth;
    }
    return deepest;
}

} // namespace

std::string repair_json(std::string_view text) {
    std::string s(text);
    // Wrappers: CDATA and HTML comments around or inside the script.
    for (std::string_view marker : {"<![CDATA[", "]]>", "<!--", "-->", "//<![CDATA[", "//]]>"}) {
        for (auto pos = s.find(marker); pos != std::string::npos; pos = s.find(marker, pos))
            s.erase(pos, marker.size());
    }
    std::string out;
    out.reserve(s.size());
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto u = static_cast<unsigned char>(c);
        if (in_string) {
            if (c == '\\' && i + 1 < s.size()) {
                // Invalid escapes ("\'", "\/" is valid) lose their backslash.
                const char n = s[i + 1];
                if (std::string_view("\"\\/bfnrtu").find(n) == std::string_view::npos) {
                    continue;
                }
                out.push_back(c);
                out.push_back(n);
                ++i;
                continue;
            }
            if (c == '"') in_string = false;
            // Raw control characters inside strings become spaces.
            out.push_back(u < 0x20 ? ' ' : c);
            continue;
        }
        if (c == '"') in_string = true;
        if (c == ',') {
            // A trailing comma before } or ] goes.
            std::size_t j = i + 1;
            while (j < s.size() && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t')) ++j;
            if (j < s.size() && (s[j] == '}' || s[j] == ']')) continue;
        }
        out.push_back(u < 0x20 && c != '\n' && c != '\r' && c != '\t' ? ' ' : c);
    }
    // What is left of the wrappers ("//", "/* */", ";") sits outside the
    // outermost brackets.
    const auto first = out.find_first_of("{[");
    const auto last = out.find_last_of("}]");
    if (first == std::string::npos || last == std::string::npos || last < first) return {};
    return out.substr(first, last - first + 1);
}

std::vector<JsonLdArticle> parse_jsonld(std::string_view script) {
    const std::string repaired = repair_json(script);
    if (max_depth(repaired) > k_max_json_depth) return {};
    json root = json::parse(repaired, nullptr, false);
    if (root.is_discarded()) {
        // Several objects one after another: read them as an array.
        root = json::parse("[" + repaired + "]", nullptr, false);
        if (root.is_discarded()) {
            std::string joined = repaired;
            for (auto pos = joined.find("}\n{"); pos != std::string::npos; pos = joined.find("}\n{", pos)) {
                joined.replace(pos, 3, "},{");
            }
            root = json::parse("[" + joined + "]", nullptr, false);
            if (root.is_discarded()) return {};
        }
    }
    std::vector<const json*> reviews;
    const auto objects = all_objects(root, &reviews);
    IdMap ids;
    for (const json* o : objects) {
        auto id = o->find("@id");
        if (id != o->end() && id->is_string() && o->size() > 2) ids.emplace(id->get<std::string>(), o);
    }
    std::vector<JsonLdArticle> articles;
    std::vector<JsonLdArticle> pages;
    for (const json* o : objects) {
        if (std::find(reviews.begin(), reviews.end(), o) != reviews.end()) continue;
        // "@type": ["WebPage", "Article"] is an article: its article type
        // wins wherever it is listed.
        const auto types = types_of(*o);
        const auto article = std::find_if(types.begin(), types.end(), is_article_type);
        const auto page = std::find_if(types.begin(), types.end(), is_page_type);
        if (article != types.end()) {
            articles.push_back(read_article(*o, *article, ids));
        } else if (page != types.end()) {
            pages.push_back(read_article(*o, *page, ids));
        }
    }
    articles.insert(articles.end(), pages.begin(), pages.end());
    return articles;
}

} // namespace oped::indexer
