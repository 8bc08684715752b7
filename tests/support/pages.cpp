#include "support/pages.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace oped::test {
namespace {

std::string escape_html(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string meta(const char* attr, const std::string& key, const std::string& value) {
    if (value.empty()) return {};
    return "<meta " + std::string(attr) + "=\"" + key + "\" content=\"" + escape_html(value) + "\">\n";
}

std::string jsonld(const PageSpec& s) {
    nlohmann::json j{{"@context", "https://schema.org"}, {"@type", "NewsArticle"}, {"headline", s.title}};
    if (!s.url.empty()) {
        j["url"] = s.url;
        j["mainEntityOfPage"] = s.url;
    }
    auto authors = nlohmann::json::array();
    for (const auto& name : s.authors) authors.push_back({{"@type", "Person"}, {"name", name}});
    if (!s.authors.empty()) j["author"] = authors;
    if (!s.published.empty()) j["datePublished"] = s.published;
    if (!s.site.empty()) j["publisher"] = {{"@type", "Organization"}, {"name", s.site}};
    if (!s.section.empty()) j["articleSection"] = s.section;
    if (!s.tags.empty()) j["keywords"] = s.tags;
    if (!s.language.empty()) j["inLanguage"] = s.language;
    if (!s.description.empty()) j["description"] = s.description;
    // "</" inside a script would end it early.
    std::string text = j.dump();
    for (std::size_t pos = 0; (pos = text.find("</", pos)) != std::string::npos; pos += 3) text.replace(pos, 2, "<\\/");
    return text;
}

} // namespace

std::string article_page(const PageSpec& s) {
    std::string html = "<!DOCTYPE html>\n<html";
    if (!s.language.empty()) html += " lang=\"" + s.language + "\"";
    html += ">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape_html(s.title) + "</title>\n";
    if (!s.url.empty()) html += "<link rel=\"canonical\" href=\"" + escape_html(s.url) + "\">\n";
    for (const auto& name : s.authors) html += meta("name", "author", name);
    html += meta("name", "description", s.description);
    html += meta("property", "og:type", "article");
    html += meta("property", "og:title", s.title);
    html += meta("property", "og:url", s.url);
    html += meta("property", "og:site_name", s.site);
    html += meta("property", "article:published_time", s.published);
    html += meta("property", "article:section", s.section);
    for (const auto& tag : s.tags) html += meta("property", "article:tag", tag);
    html += "<script type=\"application/ld+json\">" + jsonld(s) + "</script>\n";
    html += "</head>\n<body>\n<main>\n<article>\n<h1>" + escape_html(s.title) + "</h1>\n";
    for (const auto& p : s.paragraphs) html += "<p>" + escape_html(p) + "</p>\n";
    html += "</article>\n</main>\n</body>\n</html>\n";
    return html;
}

std::vector<std::string> prose(const std::string& keyword, int count) {
    static constexpr std::array<const char*, 4> k_openings{
        "The council met again on Tuesday evening, and the question of",
        "For most residents, who have watched rents climb for a decade,",
        "Critics of the plan, including several former planning officials,",
        "Whatever one thinks of the proposal, the arithmetic is stubborn:",
    };
    static constexpr std::array<const char*, 4> k_middles{
        "dominated a debate that ran long past midnight, with neighbours, builders and tenants",
        "is no longer an abstraction but a monthly reckoning, paid in longer commutes",
        "argue that the rules were written for a smaller town, in a different economy",
        "remains the one subject on which every candidate claims expertise, though few",
    };
    static constexpr std::array<const char*, 4> k_endings{
        "each insisting, politely but firmly, that the others had misread the evidence.",
        "and in children who change schools twice before they turn ten.",
        "and that amending them would cost little and help a great many families.",
        "have read the report, and fewer still have offered a plan of their own.",
    };
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        const auto k = static_cast<std::size_t>(i) % 4;
        out.push_back(std::string(k_openings[k]) + " " + keyword + " " + k_middles[(k + 1) % 4] + ", " +
                      k_endings[(k + 2) % 4] + " " + k_openings[(k + 3) % 4] + " " + k_middles[k] + ", " +
                      k_endings[(k + 1) % 4]);
    }
    return out;
}

PageSpec simple_spec(const std::string& keyword, const std::string& url) {
    PageSpec s;
    s.url = url;
    s.title = "On the matter of " + keyword;
    s.authors = {"Ada Lovelace"};
    s.published = "2020-01-15";
    s.site = "The Test Gazette";
    s.section = "Opinion";
    s.paragraphs = prose(keyword);
    return s;
}

} // namespace oped::test
