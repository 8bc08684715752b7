// The Atom feed, the OpenSearch description, suggestions and the timeline
// in /api/search: socket-free handlers over the web fixture's index.

#include "support/web_fixture.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace oped::test {
namespace {

struct XmlFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// Parsed strictly: any well-formedness error is a null document.
std::unique_ptr<xmlDoc, XmlFree> parse_xml(const std::string& text) {
    return std::unique_ptr<xmlDoc, XmlFree>(xmlReadMemory(text.data(), static_cast<int>(text.size()), "feed.xml",
                                                          nullptr,
                                                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

int count_elements(xmlNode* node, const char* name) {
    int n = 0;
    for (; node != nullptr; node = node->next) {
        if (node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, BAD_CAST name) == 0) ++n;
        n += count_elements(node->children, name);
    }
    return n;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

class WebFeed : public WebFixture {};

TEST_F(WebFeed, FeedOfASearchIsWellFormedAtomNewestFirst) {
    const auto reply = http::handle_feed({{"q", "faction"}, {"sort", "oldest"}}, searcher(), "http://127.0.0.1:8080");
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/atom+xml; charset=utf-8");
    auto doc = parse_xml(reply.body);
    ASSERT_NE(doc, nullptr) << reply.body;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href), "http://www.w3.org/2005/Atom");
    EXPECT_EQ(count_elements(root->children, "entry"), 3);
    // Newest first whatever sort was asked: 1788-02-06, 1787-11-22, 1787-10-27.
    const auto first = reply.body.find("<updated>1788-02-06T00:00:00Z</updated>");
    const auto second = reply.body.find("<updated>1787-11-22T00:00:00Z</updated>");
    ASSERT_NE(first, std::string::npos);
    EXPECT_LT(first, second);
    EXPECT_TRUE(contains(
        reply.body, R"(<link rel="self" type="application/atom+xml" href="http://127.0.0.1:8080/feed?q=faction"/>)"));
    EXPECT_TRUE(contains(reply.body, "<uri>http://127.0.0.1:8080/author/James%20Madison</uri>"));
}

TEST_F(WebFeed, HostileValuesAndControlCharactersLeaveTheFeedWellFormed) {
    const auto reply =
        http::handle_feed({{"q", "zanzibar cloves"}, {"author", k_hostile_author}}, searcher(), "http://h");
    ASSERT_EQ(reply.status, 200);
    auto doc = parse_xml(reply.body);
    ASSERT_NE(doc, nullptr) << reply.body;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    EXPECT_EQ(count_elements(root->children, "entry"), 1);
    EXPECT_EQ(count_elements(root->children, "script"), 0);
    EXPECT_EQ(count_elements(root->children, "img"), 0);
    EXPECT_TRUE(contains(reply.body, "<title>&lt;script&gt;alert(1)&lt;/script&gt; Zanzibar"));
    EXPECT_FALSE(contains(reply.body, "javascript:"));
    EXPECT_FALSE(contains(reply.body, "\x01"));
}

TEST_F(WebFeed, BadParametersAreAJsonError) {
    const auto reply = http::handle_feed({{"from", "never"}}, searcher(), "http://h");
    EXPECT_EQ(reply.status, 400);
    EXPECT_TRUE(contains(reply.body, R"("param":"from")"));
}

TEST_F(WebFeed, OpenSearchDescriptionNamesTheSearchSuggestionsAndFeed) {
    const auto reply = http::handle_opensearch("http://archive.example:8080");
    EXPECT_EQ(reply.content_type, "application/opensearchdescription+xml; charset=utf-8");
    ASSERT_NE(parse_xml(reply.body), nullptr);
    EXPECT_TRUE(contains(reply.body, R"(template="http://archive.example:8080/?q={searchTerms}")"));
    EXPECT_TRUE(contains(reply.body, R"(template="http://archive.example:8080/api/suggest?q={searchTerms}")"));
    EXPECT_TRUE(contains(reply.body, R"(template="http://archive.example:8080/feed?q={searchTerms}")"));
}

TEST_F(WebFeed, APublicUrlIsAPlainHttpUrlOrRefused) {
    const struct {
        const char* url;
        const char* expected; // nullptr: refused
    } rows[] = {
        {"https://opeds.example", "https://opeds.example"},
        {"http://127.0.0.1:8080/", "http://127.0.0.1:8080"},
        {"http://[::1]:8080", "http://[::1]:8080"},
        {"https://archive.example/opeds//", "https://archive.example/opeds"},
        {"", nullptr},
        {"opeds.example", nullptr},
        {"ftp://opeds.example", nullptr},
        {"https://evil.example\"><script>", nullptr},
        {"https://a.example:123456", nullptr},
        {"https://user@a.example", nullptr},
        {"https://a.example/x?y=<z>", nullptr},
    };
    for (const auto& row : rows) {
        const auto base = http::public_base_url(row.url);
        if (row.expected == nullptr) {
            EXPECT_FALSE(base) << row.url;
        } else {
            ASSERT_TRUE(base) << row.url;
            EXPECT_EQ(base.value(), row.expected) << row.url;
        }
    }
}

TEST_F(WebFeed, SuggestionsCompleteAuthorsThenTitleWordsBounded) {
    auto reply = http::handle_suggest({{"q", "ham"}}, searcher());
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.content_type, "application/x-suggestions+json");
    auto body = nlohmann::json::parse(reply.body);
    EXPECT_EQ(body[0], "ham");
    EXPECT_EQ(body[1][0], "Alexander Hamilton");

    body = nlohmann::json::parse(http::handle_suggest({{"q", "the fed"}}, searcher()).body);
    EXPECT_EQ(body[1][0], "the federalist");

    body = nlohmann::json::parse(http::handle_suggest({{"q", ""}}, searcher()).body);
    EXPECT_TRUE(body[1].empty());

    reply = http::handle_suggest({{"q", std::string(101, 'a')}}, searcher());
    EXPECT_EQ(reply.status, 400);
}

TEST_F(WebFeed, SearchJsonHasATimelineAndKeepsItsFields) {
    const auto reply = http::handle_search({{"q", "faction"}}, searcher());
    ASSERT_EQ(reply.status, 200);
    const auto body = nlohmann::json::parse(reply.body);
    for (const char* field : {"query", "corrected", "showing_corrected", "notice", "total", "total_is_exact", "page",
                              "per_page", "took_ms", "results", "facets", "facets_exact"}) {
        EXPECT_TRUE(body.contains(field)) << field;
    }
    EXPECT_EQ(body["timeline"]["unit"], "month");
    const auto& bins = body["timeline"]["bins"];
    ASSERT_EQ(bins.size(), 5U); // 1787-10 .. 1788-02, empty months included
    EXPECT_EQ(bins[0]["period"], "1787-10");
    EXPECT_EQ(bins[0]["count"], 1);
    EXPECT_EQ(bins[2]["period"], "1787-12");
    EXPECT_EQ(bins[2]["count"], 0);
}

} // namespace
} // namespace oped::test
