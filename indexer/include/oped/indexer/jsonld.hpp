#pragma once

// schema.org JSON-LD (<script type="application/ld+json">) read into the
// fields extraction uses. Pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

// One schema.org object that describes the page: an article type
// (Article, NewsArticle, OpinionNewsArticle, ReportageNewsArticle,
// BlogPosting, Report, ...) or a WebPage. Strings are as written, white
// space collapsed; empty when absent.
struct JsonLdArticle {
    std::string type;
    bool is_article = false; // an article type rather than a WebPage
    std::string headline;
    std::string name;
    std::string description;
    std::string published;
    std::string modified;
    std::string created;
    std::string site; // publisher.name
    std::string section;
    std::string language;
    std::string url; // url, else mainEntityOfPage
    std::vector<std::string> authors;
    bool authors_are_organisations = false; // every author is an Organization
    std::vector<std::string> tags;
};

// The page-describing objects in one script's text, articles first, each
// group in document order. Finds them at the top level, in top-level
// arrays, in "@graph" and nested in other objects; resolves "@id"
// references for authors and publishers. Tolerates what pages get wrong:
// CDATA wrappers, HTML comments, trailing commas, raw control characters.
// Text that still does not parse gives nothing.
std::vector<JsonLdArticle> parse_jsonld(std::string_view script);

// The repairs parse_jsonld applies before parsing.
std::string repair_json(std::string_view text);

} // namespace oped::indexer
