#include "support/pages.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>

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
    // Short clauses in an order drawn from the keyword: pages about other
    // keywords share words but hardly a run of five of them, so the indexer
    // does not take them for syndicated copies of one piece (fingerprint.hpp).
    static constexpr std::array<const char*, 24> k_clauses{
        "rents have climbed for a decade",
        "the arithmetic is stubborn",
        "tenants lined up to speak",
        "builders wanted fewer rules",
        "the debate ran past midnight",
        "commutes grew longer",
        "children changed schools twice",
        "few had read the report",
        "the rules were written long ago",
        "amending them would cost little",
        "every candidate claims expertise",
        "the evidence was misread",
        "neighbours argued politely",
        "the plan lacked numbers",
        "former officials objected",
        "the town is larger now",
        "families paid the difference",
        "the hearing dragged on",
        "wages did not keep pace",
        "the mayor stayed silent",
        "a vote was put off",
        "landlords asked for patience",
        "buses ran late again",
        "the budget could not stretch",
    };
    std::uint64_t state = 1469598103934665603ULL;
    for (const char c : keyword) state = (state ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    const auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) {
        std::string paragraph = "The council met again, and " + keyword + " was the question";
        for (int c = 0; c < 9; ++c) {
            paragraph += c % 3 == 2 ? ". Still, " : ", ";
            paragraph += k_clauses[next() % k_clauses.size()];
        }
        out.push_back(paragraph + ".");
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
