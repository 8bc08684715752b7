// libxml2 behind parse_html_checked: pages it used to give up on, and the
// attribute cap applied before it parses.

#include <oped/indexer/extract.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace oped::indexer {
namespace {

std::string nested_page(int depth) {
    std::string page = "<html><head><title>Deep</title></head><body>";
    for (int i = 0; i < depth; ++i) page += "<div>";
    page += "<p>welldepth words at the bottom</p>";
    for (int i = 0; i < depth; ++i) page += "</div>";
    return page + "<p>aftermath words past the well</p></body></html>";
}

// Regression (issue 8, item 14): past 256 levels libxml2 stopped reading and
// the page was indexed with an empty body.
TEST(ParseHtml, ReadsPagesNestedPastLibxml2sDefaultLimit) {
    for (int depth : {255, 300, 900}) {
        SCOPED_TRACE(depth);
        ParsedHtml parsed = parse_html_checked(nested_page(depth));
        EXPECT_EQ(parsed.stopped, "");
        ASSERT_NE(parsed.doc, nullptr);
        const std::string text = visible_text(root_element(parsed.doc.get()));
        EXPECT_NE(text.find("welldepth"), std::string::npos);
        EXPECT_NE(text.find("aftermath"), std::string::npos);
        auto article = extract_article(nested_page(depth), "deep.html");
        ASSERT_TRUE(article) << article.error().message;
        EXPECT_NE(article.value().body.find("welldepth"), std::string::npos);
    }
}

TEST(CapAttributes, DropsAttributesPastTheCapOfEachTag) {
    struct Row {
        const char* name;
        std::string html;
        std::optional<std::string> expected;
    };
    const std::vector<Row> rows{
        {"under the cap: nothing to do", "<p a=1 b=2>x</p>", std::nullopt},
        {"at the cap: nothing to do", "<p a=1 b c='3'>x</p>", std::nullopt},
        {"past the cap: the rest go", "<p a=1 b=2 c=3 d=4>x</p>", "<p a=1 b=2 c=3>x</p>"},
        {"quoted values with spaces and '>' count once", "<p a=\"x y\" b='>' c d>x</p>", "<p a=\"x y\" b='>' c>x</p>"},
        {"each tag has its own count", "<p a b c d><i a b c d>", "<p a b c><i a b c>"},
        {"space around '=' is one attribute", "<p a = 1 b = 2 c = 3 d = 4>", "<p a = 1 b = 2 c = 3>"},
        {"self-closing slash is no attribute", "<br a b c/>", std::nullopt},
        // Found on wcxb-dev 2920: minified script read as one tag lost the page's head.
        {"script text is skipped", "<script>if (a<b c d e f g) x();</script><p a b c>", std::nullopt},
        {"style text is skipped", "<STYLE>a<b c d e f {}</style>", std::nullopt},
        {"comments are skipped", "<!-- <p a b c d e> --><p>x</p>", std::nullopt},
        {"an end tag is no start tag", "</p a b c d>", std::nullopt},
        {"text with '<' is not a tag", "a < b c d e f", std::nullopt},
        {"an unterminated tag at the end", "<p a b c d e", "<p a b c"},
        {"a slash after a dropped name goes with it", "<p a b c d/>", "<p a b c>"},
    };
    for (const auto& row : rows) EXPECT_EQ(cap_attributes(row.html, 3), row.expected) << row.name;
}

// Regression (issue 8, item 14): 200,000 attributes on one element took
// libxml2 over a minute (it checks each one against all before it).
TEST(ParseHtml, KeepsOnlyTheFirstAttributesOfAnOverloadedTag) {
    std::string page = "<html><head><title>Many</title></head><body><div id=keep";
    for (int i = 0; i < 200000; ++i) page += " a" + std::to_string(i) + "=v";
    page += "><p>attributeword text</p></div></body></html>";
    ParsedHtml parsed = parse_html_checked(page);
    EXPECT_EQ(parsed.stopped, "");
    xmlNode* div = find_first(root_element(parsed.doc.get()), "div");
    ASSERT_NE(div, nullptr);
    std::size_t count = 0;
    for (xmlAttr* a = div->properties; a != nullptr; a = a->next) ++count;
    EXPECT_EQ(count, k_max_attributes_per_tag);
    EXPECT_EQ(attr(div, "id"), "keep");
    EXPECT_NE(visible_text(div).find("attributeword"), std::string::npos);
}

TEST(Attr, ReadsTheValueAsTheParserLeftIt) {
    struct Row {
        const char* name;
        const char* html;
        const char* attribute;
        std::string expected;
    };
    const Row rows[] = {
        {"a plain value", "<p id=keep>x</p>", "id", "keep"},
        {"entities decoded", "<p title='a &amp; b &lt; c'>x</p>", "title", "a & b < c"},
        {"names are lower case", "<p CLASS='Lead'>x</p>", "class", "Lead"},
        {"an empty value", "<p title=''>x</p>", "title", ""},
        {"a bare attribute", "<p hidden>x</p>", "hidden", ""},
        {"an absent attribute", "<p id=a>x</p>", "title", ""},
        {"the first of several", "<p lang=en title=t id=i>x</p>", "id", "i"},
    };
    for (const auto& row : rows) {
        XmlDocPtr doc = parse_html(std::string("<html><body>") + row.html + "</body></html>");
        xmlNode* p = find_first(root_element(doc.get()), "p");
        ASSERT_NE(p, nullptr) << row.name;
        EXPECT_EQ(attr(p, row.attribute), row.expected) << row.name;
    }
}

} // namespace
} // namespace oped::indexer
