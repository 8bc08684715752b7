// Escaping and encoding for the web pages and the feed: one row per case.

#include <oped/http/html.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::http::html {
namespace {

struct Row {
    const char* name;
    std::string input;
    std::string expected;
};

TEST(HtmlEscape, EscapesEveryCharacterThatCouldEndTextOrAnAttribute) {
    const Row rows[] = {
        {"plain text is unchanged", "Liberty and Union", "Liberty and Union"},
        {"a script tag", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"quotes of both kinds", "a \"b\" 'c'", "a &quot;b&quot; &#39;c&#39;"},
        {"an ampersand, even in an entity", "&amp; &", "&amp;amp; &amp;"},
        {"an attribute break-out", "\" onerror=\"x", "&quot; onerror=&quot;x"},
        {"invalid UTF-8 is replaced",
         "a\xFF"
         "b",
         "a\xEF\xBF\xBD"
         "b"},
        {"valid UTF-8 is kept", "libert\xC3\xA9", "libert\xC3\xA9"},
    };
    for (const auto& row : rows) EXPECT_EQ(escape(row.input), row.expected) << row.name;
}

TEST(HtmlEscape, XmlEscapeAlsoDropsWhatXmlForbids) {
    const Row rows[] = {
        {"markup", "<b>&", "&lt;b&gt;&amp;"},
        {"C0 controls go, tab and newlines stay",
         std::string("a\x01"
                     "b\x0B"
                     "c\td\ne\rf",
                     11),
         "abc\td\ne\rf"},
        {"a NUL goes", std::string("a\0b", 3), "ab"},
        {"U+FFFE and U+FFFF go",
         "a\xEF\xBF\xBE"
         "b\xEF\xBF\xBF"
         "c",
         "abc"},
        {"other characters stay", "\xE2\x80\x9Cq\xE2\x80\x9D", "\xE2\x80\x9Cq\xE2\x80\x9D"},
    };
    for (const auto& row : rows) EXPECT_EQ(xml_escape(row.input), row.expected) << row.name;
}

TEST(HtmlEscape, UrlEncodeLeavesOnlyUnreservedCharacters) {
    const Row rows[] = {
        {"unreserved", "aZ09-._~", "aZ09-._~"},
        {"space and separators", "a b&c=d/e?f#g", "a%20b%26c%3Dd%2Fe%3Ff%23g"},
        {"quotes and angle brackets", "\"<'>", "%22%3C%27%3E"},
        {"UTF-8 bytes", "\xC3\xA9", "%C3%A9"},
        {"percent itself", "100%", "100%25"},
    };
    for (const auto& row : rows) EXPECT_EQ(url_encode(row.input), row.expected) << row.name;
}

TEST(HtmlEscape, SnippetsKeepOnlyMarksAndTheEntitiesEscapeWrites) {
    const Row rows[] = {
        {"marks and entities kept", "a <mark>b</mark> &lt;c&gt; &amp; &quot;d&quot; &#39;e&#39;",
         "a <mark>b</mark> &lt;c&gt; &amp; &quot;d&quot; &#39;e&#39;"},
        {"other tags escaped", "<b>x</b><script>y</script>", "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;y&lt;/script&gt;"},
        {"a mark with attributes is not a mark", "<mark onclick=x>y</mark>", "&lt;mark onclick=x&gt;y&lt;/mark&gt;"},
        {"other entities escaped", "&#x3c;script&#x3e; &nbsp;", "&amp;#x3c;script&amp;#x3e; &amp;nbsp;"},
        {"a nested mark is escaped", "<mark>a<mark>b</mark>", "<mark>a&lt;mark&gt;b</mark>"},
        {"a stray close is escaped", "a</mark>b", "a&lt;/mark&gt;b"},
        {"an open mark is closed", "<mark>a", "<mark>a</mark>"},
        {"bare quotes escaped", "\"'", "&quot;&#39;"},
    };
    for (const auto& row : rows) EXPECT_EQ(safe_snippet(row.input), row.expected) << row.name;
}

TEST(HtmlEscape, OnlyHttpUrlsAreLinked) {
    const Row rows[] = {
        {"https", "https://example.org/a?b=c", "https://example.org/a?b=c"},
        {"http, any case", "HTTP://example.org/", "HTTP://example.org/"},
        {"javascript", "javascript:alert(1)", ""},
        {"javascript in disguise", " javascript:alert(1)", ""},
        {"data", "data:text/html,<script>", ""},
        {"relative", "/local/path", ""},
        {"white space inside", "https://example.org/a b", ""},
        {"a control character", "https://example.org/\x01", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(external_url(row.input), row.expected) << row.name;
}

TEST(HtmlEscape, DatesReadAsPeopleWriteThem) {
    const Row rows[] = {
        {"a day", "1787-10-27", "27 October 1787"},
        {"a day with a time", "1787-10-27T09:30:00+01:00", "27 October 1787"},
        {"a month", "1787-10", "October 1787"},
        {"a year", "1787", "1787"},
        {"not a date", "soon", "soon"},
        {"month out of range", "1787-13-01", "1787-13-01"},
    };
    for (const auto& row : rows) EXPECT_EQ(readable_date(row.input), row.expected) << row.name;
}

TEST(HtmlWriter, EscapesTextAndAttributeValues) {
    Writer w;
    w.open("a", {{"href", "/?q=\"><script>"}, {"title", "it's"}}).text("<b>&</b>").close("a");
    EXPECT_EQ(w.str(), "<a href=\"/?q=&quot;&gt;&lt;script&gt;\" title=\"it&#39;s\">&lt;b&gt;&amp;&lt;/b&gt;</a>");
}

} // namespace
} // namespace oped::http::html
