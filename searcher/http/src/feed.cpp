// "/feed?q=...": an Atom feed (RFC 4287) of any search, newest first. Every
// value goes through xml_escape, which also drops characters XML forbids,
// so the feed is well-formed whatever the index holds.

#include <oped/http/pages.hpp>

#include "links.hpp"
#include "parts.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/html.hpp>
#include <oped/http/rfc3339.hpp>

namespace oped::http {
namespace {

constexpr unsigned k_feed_entries = 20;
constexpr std::string_view k_epoch = "1970-01-01T00:00:00Z";

void element(std::string& out, std::string_view tag, std::string_view text) {
    out += "<" + std::string(tag) + ">" + html::xml_escape(text) + "</" + std::string(tag) + ">";
}

std::string feed_title(const SearchLink& link) {
    std::string what;
    const std::string q = link.get("q");
    if (!q.empty()) what += "\xE2\x80\x9C" + q + "\xE2\x80\x9D";
    for (const auto& a : link.all("author")) what += (what.empty() ? "by " : ", by ") + a;
    for (const auto& s : link.all("site")) what += (what.empty() ? "in " : ", in ") + s;
    for (const auto& t : link.all("tag")) what += (what.empty() ? "tagged " : ", tagged ") + t;
    return what.empty() ? "oped: newest articles" : "oped: " + what;
}

} // namespace

Reply handle_feed(const ParamMap& params, searcher::Searcher& searcher, const std::string& base_url) {
    ParamMap feed_params;
    for (const auto& [k, v] : params) {
        if (k != "sort" && k != "page" && k != "per_page") feed_params.emplace(k, v);
    }
    feed_params.emplace("sort", "newest");
    feed_params.emplace("per_page", std::to_string(k_feed_entries));
    auto request = parse_search_params(feed_params);
    if (!request) return error_reply(request.error());
    request.value().facets = false;
    auto response = searcher.search(request.value());
    if (!response) return error_reply(response.error());
    const auto& r = response.value();

    SearchLink link(params);
    link.remove("page").remove("sort").remove("per_page");
    const std::string self = base_url + SearchLink(link).path("/feed").url();
    const std::string page = base_url + link.url();

    std::string updated;
    for (const auto& hit : r.results) updated = std::max(updated, rfc3339_utc(hit.article.published));
    if (updated.empty()) updated = std::string(k_epoch);

    std::string out = R"(<?xml version="1.0" encoding="utf-8"?>)"
                      "\n"
                      R"(<feed xmlns="http://www.w3.org/2005/Atom">)";
    element(out, "title", feed_title(link));
    element(out, "id", self);
    out += R"(<link rel="self" type="application/atom+xml" href=")" + html::xml_escape(self) + R"("/>)";
    out += R"(<link rel="alternate" type="text/html" href=")" + html::xml_escape(page) + R"("/>)";
    element(out, "updated", updated);
    out += "<author><name>oped</name></author>";
    out += R"(<generator uri="https://xapian.org/">oped</generator>)";
    for (const auto& hit : r.results) {
        const Article& a = hit.article;
        const std::string archived = base_url + doc_url(hit.id, "");
        const std::string original = html::external_url(a.url);
        const std::string when = rfc3339_utc(a.published);
        out += "<entry>";
        element(out, "title", a.title.empty() ? "(untitled)" : a.title);
        element(out, "id", original.empty() ? archived : original);
        // The archive's page is the entry's link: the original may move or die.
        out += R"(<link rel="alternate" type="text/html" href=")" + html::xml_escape(archived) + R"("/>)";
        if (!original.empty())
            out += R"(<link rel="via" type="text/html" href=")" + html::xml_escape(original) + R"("/>)";
        element(out, "updated", when.empty() ? std::string(k_epoch) : when);
        if (!when.empty()) element(out, "published", when);
        for (const auto& author : a.authors) {
            out += "<author>";
            element(out, "name", author);
            out += "<uri>" + html::xml_escape(base_url + author_url(author)) + "</uri></author>";
        }
        for (const auto& tag : a.tags) out += R"(<category term=")" + html::xml_escape(tag) + R"("/>)";
        // The snippet is HTML (escaped text with <mark>), sent as escaped HTML.
        out += R"(<summary type="html">)" + html::xml_escape(html::safe_snippet(hit.snippet)) + "</summary>";
        out += "</entry>";
    }
    out += "</feed>\n";
    return Reply{200, "application/atom+xml; charset=utf-8", std::move(out), {}};
}

} // namespace oped::http
