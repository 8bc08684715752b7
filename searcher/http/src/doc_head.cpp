#include "doc_head.hpp"

#include "parts.hpp"

#include <oped/common/text.hpp>
#include <oped/http/html.hpp>

#include <nlohmann/json.hpp>

namespace oped::http {
namespace {

constexpr std::size_t k_description_bytes = 200;

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

void meta(html::Writer& w, std::string_view attr, std::string_view name, std::string_view content) {
    if (content.empty()) return;
    w.open("meta", {{attr, std::string(name)}, {"content", std::string(content)}});
}

std::string json_ld(const Article& a, const std::string& archive_url) {
    nlohmann::json j = {{"@context", "https://schema.org"},
                        {"@type", "NewsArticle"},
                        {"headline", a.title.empty() ? "(untitled)" : a.title},
                        {"url", archive_url},
                        {"mainEntityOfPage", archive_url}};
    if (!a.authors.empty()) {
        nlohmann::json people = nlohmann::json::array();
        for (const auto& name : a.authors) people.push_back({{"@type", "Person"}, {"name", name}});
        j["author"] = people;
    }
    if (!a.published.empty()) j["datePublished"] = a.published;
    if (!a.updated.empty()) j["dateModified"] = a.updated;
    if (!a.site.empty()) j["publisher"] = {{"@type", "Organization"}, {"name", a.site}};
    if (const std::string original = html::external_url(a.url); !original.empty()) j["isBasedOn"] = original;
    if (!a.language.empty()) j["inLanguage"] = a.language;
    if (const std::string d = excerpt(a.body, k_description_bytes); !d.empty()) j["description"] = d;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::string highwire_date(std::string_view iso) {
    if (iso.size() < 4 || !digits(iso.substr(0, 4))) return {};
    std::string out(iso.substr(0, 4));
    if (iso.size() >= 7 && iso[4] == '-' && digits(iso.substr(5, 2))) {
        out += "/" + std::string(iso.substr(5, 2));
        if (iso.size() >= 10 && iso[7] == '-' && digits(iso.substr(8, 2))) out += "/" + std::string(iso.substr(8, 2));
    }
    return out;
}

std::string excerpt(const std::string& body, std::size_t max_bytes) {
    std::string text = text::collapse_space(body);
    if (text.size() <= max_bytes) return text;
    auto cut = text.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut == 0) return {};
    while (cut > 0 && (text[cut - 1] == ',' || text[cut - 1] == ';' || text[cut - 1] == ':')) --cut;
    return text.substr(0, cut) + "\xE2\x80\xA6";
}

std::string json_ld_script(const std::string& json) {
    std::string out = R"(<script type="application/ld+json">)";
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
                   (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out + "</script>";
}

std::string doc_head(const Article& a, const std::string& base_url, const std::string& archive_url) {
    const std::string title = a.title.empty() ? "(untitled)" : a.title;
    const std::string description = excerpt(a.body, k_description_bytes);
    html::Writer w;
    w.open("link", {{"rel", "canonical"}, {"href", archive_url}});
    meta(w, "name", "description", description);
    // Highwire Press tags, as Zotero and Google Scholar read them.
    meta(w, "name", "citation_title", title);
    for (const auto& author : a.authors) meta(w, "name", "citation_author", author);
    meta(w, "name", "citation_publication_date", highwire_date(a.published));
    meta(w, "name", "citation_journal_title", a.site);
    meta(w, "name", "citation_language", a.language);
    meta(w, "name", "citation_public_url", archive_url);
    // Open Graph, for link previews.
    meta(w, "property", "og:title", title);
    meta(w, "property", "og:type", "article");
    meta(w, "property", "og:url", archive_url);
    meta(w, "property", "og:description", description);
    meta(w, "property", "og:site_name", "oped");
    meta(w, "property", "article:published_time", a.published);
    meta(w, "property", "article:modified_time", a.updated);
    for (const auto& author : a.authors) meta(w, "property", "article:author", base_url + author_url(author));
    w.raw(json_ld_script(json_ld(a, archive_url)));
    return w.take();
}

} // namespace oped::http
