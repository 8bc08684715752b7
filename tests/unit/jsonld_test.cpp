#include <oped/indexer/jsonld.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

struct JsonLdRow {
    const char* name;
    const char* script;
    const char* headline;
    std::vector<std::string> authors;
    const char* published;
};

TEST(ParseJsonLd, Table) {
    const JsonLdRow rows[] = {
        {"a single NewsArticle",
         R"({"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"A B"},
            "datePublished":"2024-07-21"})",
         "H",
         {"A B"},
         "2024-07-21"},
        {"an article inside @graph, author by @id",
         R"({"@graph":[{"@type":"Person","@id":"#p","name":"A B","url":"u"},
            {"@type":"BlogPosting","headline":"H","author":{"@id":"#p"}}]})",
         "H",
         {"A B"},
         ""},
        {"a top-level array", R"([{"@type":"BreadcrumbList"},{"@type":"Article","headline":"H"}])", "H", {}, ""},
        {"an article nested in a WebPage",
         R"({"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle",
            "headline":"H","author":"A B"}})",
         "H",
         {"A B"},
         ""},
        {"a type given as an array", R"({"@type":["NewsArticle","OpinionNewsArticle"],"headline":"H"})", "H", {}, ""},
        {"an article type listed after WebPage",
         R"({"@type":["WebPage","Article"],"headline":"H","author":{"@type":"Person","name":"A B"}})",
         "H",
         {"A B"},
         ""},
        {"an author array",
         R"({"@type":"Article","headline":"H","author":[{"name":"A B"},{"name":"C D"}]})",
         "H",
         {"A B", "C D"},
         ""},
        {"an author as a plain string", R"({"@type":"Article","headline":"H","author":"A B"})", "H", {"A B"}, ""},
        {"trailing commas are forgiven", R"({"@type":"Article","headline":"H","author":["A B",],})", "H", {"A B"}, ""},
        {"CDATA and comment wrappers are forgiven",
         "//<![CDATA[\n<!-- {\"@type\":\"Article\",\"headline\":\"H\"} -->\n//]]>",
         "H",
         {},
         ""},
        {"a raw line break inside a string is forgiven",
         "{\"@type\":\"Article\",\"headline\":\"H\nI\"}",
         "H I",
         {},
         ""},
        {"an invalid escape is forgiven", R"({"@type":"Article","headline":"It\'s"})", "It's", {}, ""},
        {"two objects one after another are both read",
         "{\"@type\":\"Organization\",\"name\":\"O\"}\n"
         "{\"@type\":\"Article\",\"headline\":\"H\"}",
         "H",
         {},
         ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        const auto found = parse_jsonld(row.script);
        ASSERT_FALSE(found.empty());
        EXPECT_TRUE(found.front().is_article);
        EXPECT_EQ(found.front().headline, row.headline);
        EXPECT_EQ(found.front().authors, row.authors);
        EXPECT_EQ(found.front().published, row.published);
    }
}

TEST(ParseJsonLd, ArticlesComeBeforePages) {
    const auto found = parse_jsonld(R"([{"@type":"WebPage","name":"P"},{"@type":"NewsArticle","headline":"H"}])");
    ASSERT_EQ(found.size(), 2U);
    EXPECT_EQ(found[0].headline, "H");
    EXPECT_FALSE(found[1].is_article);
}

TEST(ParseJsonLd, ReadsTheOtherFields) {
    const auto found = parse_jsonld(R"({"@type":"NewsArticle","name":"N","headline":"H","description":"D",
        "dateModified":"2024-07-22","publisher":{"@type":"Organization","name":"Example News"},
        "articleSection":["Politics","World"],"keywords":"budget, council","inLanguage":"fr-FR",
        "mainEntityOfPage":{"@id":"https://example.com/a"}})");
    ASSERT_EQ(found.size(), 1U);
    const auto& a = found.front();
    EXPECT_EQ(a.name, "N");
    EXPECT_EQ(a.description, "D");
    EXPECT_EQ(a.modified, "2024-07-22");
    EXPECT_EQ(a.site, "Example News");
    EXPECT_EQ(a.section, "Politics");
    EXPECT_EQ(a.tags, (std::vector<std::string>{"budget", "council"}));
    EXPECT_EQ(a.language, "fr-FR");
    EXPECT_EQ(a.url, "https://example.com/a");
}

TEST(ParseJsonLd, MarksOrganisationAuthors) {
    const auto found = parse_jsonld(R"({"@type":"Article","author":{"@type":"Organization","name":"Board"}})");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_TRUE(found.front().authors_are_organisations);
    EXPECT_EQ(found.front().authors, (std::vector<std::string>{"Board"}));
}

// Issue 9: a product's or a business's customer reviews are not the page's
// article, and their reviewers are not its authors; a review that is the
// page stays one.
TEST(ParseJsonLd, ACustomersReviewOfAProductIsNoArticle) {
    EXPECT_TRUE(parse_jsonld(R"({"@type":"Product","name":"P","review":{"@type":"Review",
        "author":{"@type":"Person","name":"A B"},"reviewBody":"Works well."}})")
                    .empty());
    EXPECT_TRUE(parse_jsonld(R"({"@type":"LocalBusiness","name":"L","reviews":[{"@type":"Review",
        "author":"A B"},{"@type":"Review","author":"C D"}]})")
                    .empty());
    const auto found = parse_jsonld(R"({"@type":"Review","headline":"H","author":{"@type":"Person","name":"A B"},
        "itemReviewed":{"@type":"Product","name":"P"}})");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found.front().authors, (std::vector<std::string>{"A B"}));
}

TEST(ParseJsonLd, GivesNothingForTextThatIsNotJson) {
    EXPECT_TRUE(parse_jsonld("window.dataLayer = [];").empty());
    EXPECT_TRUE(parse_jsonld("").empty());
    EXPECT_TRUE(parse_jsonld("{\"@type\":\"Article\", \"headline\": }").empty());
}

TEST(ParseJsonLd, RefusesJsonNestedTooDeep) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    EXPECT_TRUE(parse_jsonld(deep).empty());
}

} // namespace
} // namespace oped::indexer
