#include <oped/indexer/metadata.hpp>

#include <oped/indexer/charset.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace oped::indexer {
namespace {

Article extract_fixture(const std::string& name) {
    std::ifstream in(std::string(OPED_FIXTURES_DIR) + "/metadata/" + name, std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string bytes = read.str();
    EXPECT_FALSE(bytes.empty()) << name;
    XmlDocPtr doc = parse_html(decode_to_utf8(bytes).utf8);
    Article article;
    extract_metadata(doc.get(), article);
    return article;
}

using Strings = std::vector<std::string>;

struct AuthorRow {
    const char* name;
    const char* file;
    Strings authors;
};

TEST(ExtractMetadata, Authors) {
    const AuthorRow rows[] = {
        {"a JSON-LD @graph author is resolved by @id", "jsonld-graph.html", {"Jane Q. Doe"}},
        {"a JSON-LD author array gives every author", "jsonld-author-array.html", {"Stella Kim", "Jennifer Jett"}},
        {"an Organization author stands when nothing better exists",
         "jsonld-organization-author.html",
         {"The Editorial Board"}},
        {"broken JSON-LD is still read", "jsonld-broken.html", {"John Smith"}},
        {"article:author that is a URL is skipped for the name", "opengraph-only.html", {"Mary Major"}},
        {"DC.creator Last, First turns round", "dublin-core.html", {"Anna Smith"}},
        {"the parsely-page author", "parsely.html", {"Lee Chan"}},
        {"a microdata author's name", "microdata.html", {"Omar Haddad"}},
        {"a rel=author link", "rel-author.html", {"Kim Lee"}},
        {"By A and B", "byline-and.html", {"Jane Doe", "John Smith"}},
        {"A, B and C", "byline-list.html", {"Jane Doe", "John Smith", "Mary Major"}},
        {"a dash byline", "byline-dash.html", {"Jane Doe"}},
        {"an all-capitals byline", "byline-all-caps.html", {"Jeffrey Gettleman"}},
        {"a byline with a job title", "byline-job-title.html", {"Jane Doe"}},
        {"a byline with an e-mail address", "byline-email.html", {"Jane Doe"}},
        {"a The writer is bio", "bio-writer-is.html", {"Amira Hassan"}},
        {"an A is a columnist bio", "bio-is-a-columnist.html", {"Daniel Okafor"}},
        {"a page without any author has none", "title-suffix.html", {}},
        {"a short By line after the h1 beats one in a teaser before it", "byline-by-line.html", {"Jane Doe"}},
        {"a lone Written by label names the next element", "byline-written-by-label.html", {"Edzel Tabing"}},
        {"a link to an author page", "byline-author-link.html", {"Mary Major"}},
        {"twitter:label Written by with its twitter:data", "byline-twitter-label.html", {"Omar Haddad"}},
        {"a JSON-LD Organization beside a Person is not an author",
         "jsonld-person-and-organization.html",
         {"Jagpreet Chhatwal"}},
        {"the outlet's name run into a byline goes", "byline-outlet-run-in.html", {"Jane Doe"}},
        {"a JSON-LD author whose name is a list", "jsonld-author-name-list.html", {"Chengcheng Pei", "Yuan Lin"}},
        {"a JSON-LD object typed both WebPage and Article is the article",
         "jsonld-webpage-article.html",
         {"Mary Major"}},
        {"a one-word byline stands when it is all a byline element holds", "byline-one-word.html", {"HarbourWatch"}},
        // Issue 9: the byline a reader is shown names the writer.
        {"a By line under the headline beats a declared author it does not name",
         "byline-shown-beats-declared.html",
         {"Jane Doe"}},
        {"a name beside a date under the headline beats a declared author it does not name",
         "byline-shown-name-and-date.html",
         {"Jane Doe"}},
        {"a By line under the headline beats a byline element in a teaser",
         "byline-shown-beats-teaser-byline.html",
         {"Jane Doe"}},
        {"a title alone beside a date under the headline does not beat an author link",
         "byline-title-line-loses-to-author-link.html",
         {"Jane Doe"}},
        {"a By line naming one of the declared authors leaves the declared list",
         "byline-shown-names-declared.html",
         {"Jane Doe", "John Roe"}},
        {"a By line is its own element, not the box holding it with the job title and date",
         "byline-by-line-in-a-box.html",
         {"Jane Doe"}},
        // wcxb-dev 4880: a byline box holding only the page's topic.
        {"a link to a tag page in a byline names no one", "byline-topic-link.html", {}},
        // wcxb-dev 4430: "..., software, and science" had become part of a name.
        {"a byline that links its names to author pages names those links",
         "byline-linked-names.html",
         {"Adrien Ramirez", "Joanna Nelius"}},
        // wcxb-dev 0386: "Corti Joakim Edin".
        {"the outlet's name run into a byline before the name goes", "byline-outlet-run-in-before.html", {"Jane Doe"}},
        {"the outlet's desk keeps the outlet's name", "byline-outlet-desk.html", {"Coastal Times Editorial Team"}},
        // wcxb-dev 4373: a personal blog named after its author.
        {"a byline naming the outlet beats a bio found in the text", "byline-outlet-blog.html", {"Mara Quill"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(extract_fixture(row.file).authors, row.authors);
    }
}

struct FieldRow {
    const char* name;
    const char* file;
    std::string Article::*field;
    const char* expected;
};

Article extract_html(const std::string& html) {
    XmlDocPtr doc = parse_html(html);
    Article article;
    extract_metadata(doc.get(), article);
    return article;
}

const std::string k_prose_paragraphs = [] {
    std::string out;
    for (int i = 0; i < 6; ++i) {
        out +=
            "<p>The harbour board met on Tuesday to agree the summer timetable, which adds two crossings a "
            "day and a late boat on Fridays.</p>";
    }
    return out;
}();

// libxml2 nests what follows a <nav> left open inside it; the byline of a
// page swallowed that way is still the page's.
TEST(ExtractMetadata, BylineInsideANavigationThatSwallowedThePage) {
    const Article a = extract_html(
        "<html><body><nav><ul><li><a href=/a>Home</a><div class=menu-dropdown><h1>Ferry timetable</h1>"
        "<p>By Jane Doe</p>" +
        k_prose_paragraphs + "</div></li></ul></nav></body></html>");
    EXPECT_EQ(a.authors, Strings{"Jane Doe"});
    // A navigation that holds only links is still navigation.
    const Article b = extract_html(
        "<html><body><nav><p>By Site Staff</p><a href=/a>Home</a></nav><h1>Ferry "
        "timetable</h1>" +
        k_prose_paragraphs + "</body></html>");
    EXPECT_EQ(b.authors, Strings{});
}

// "By signing up you agree to our Terms and Privacy Policy": a clause that
// opens with "By", not a byline.
TEST(ExtractMetadata, ByClausesAreNoBylines) {
    for (const char* line : {"By signing up you agree to our Terms and Privacy Policy.",
                             "By checking out you agree to our Terms and Privacy Policy.",
                             "By continuing to browse, you accept our use of cookies.",
                             // A number opens a date or an amount: the conjunct
                             // after "and" named "Emerging Markets." the author.
                             "by 2032, reflecting broader adoption across both developed and emerging markets.",
                             "By 50 percent and more"}) {
        const Article a = extract_html("<html><body><h1>Ferry timetable</h1>" + k_prose_paragraphs + "<p>" + line +
                                       "</p></body></html>");
        EXPECT_EQ(a.authors, Strings{}) << line;
    }
    const Article named = extract_html("<html><body><h1>Ferry timetable</h1><p>By Manning Marable</p>" +
                                       k_prose_paragraphs + "</body></html>");
    EXPECT_EQ(named.authors, Strings{"Manning Marable"});
}

TEST(ExtractMetadata, Fields) {
    const FieldRow rows[] = {
        {"the JSON-LD headline is the title", "jsonld-graph.html", &Article::title, "Council Approves the Budget"},
        {"JSON-LD datePublished keeps its offset", "jsonld-graph.html", &Article::published,
         "2024-07-21T09:12:00-05:00"},
        {"JSON-LD dateModified is the modified date", "jsonld-graph.html", &Article::modified,
         "2024-07-22T10:00:00-05:00"},
        {"the JSON-LD publisher is the site", "jsonld-graph.html", &Article::site, "Example News"},
        {"the JSON-LD articleSection is the section", "jsonld-graph.html", &Article::section, "Politics"},
        {"broken JSON-LD gives its date", "jsonld-broken.html", &Article::published, "2022-02-28"},
        {"og:title is the title", "opengraph-only.html", &Article::title, "Harbour Plan Faces New Delay"},
        {"a headline in application-name is no site name", "title-in-application-name.html", &Article::title,
         "Ferry Timetable Changes Next Month After the Council Vote"},
        {"og:site_name is the site", "opengraph-only.html", &Article::site, "The Coastal Times"},
        {"og:url is the URL", "opengraph-only.html", &Article::url, "https://coastal.example.org/news/harbour-plan"},
        {"article:published_time is the date", "opengraph-only.html", &Article::published, "2021-11-01T10:52:50+01:00"},
        {"article:modified_time is the modified date", "opengraph-only.html", &Article::modified,
         "2021-11-02T08:00:00+01:00"},
        {"article:section is the section", "opengraph-only.html", &Article::section, "Local"},
        {"og:description is the description", "opengraph-only.html", &Article::description,
         "The harbour plan is late again."},
        {"og:locale gives the language", "opengraph-only.html", &Article::language, "en"},
        {"DC.title is the title", "dublin-core.html", &Article::title, "Annual Water Quality Report"},
        {"DC.date.issued is the date", "dublin-core.html", &Article::published, "2014-12-15"},
        {"DC.language gives the language", "dublin-core.html", &Article::language, "de"},
        {"the parsely-page title", "parsely.html", &Article::title, "Parsely Headline"},
        {"the parsely-page date", "parsely.html", &Article::published, "2019-05-04T12:00:00+00:00"},
        {"the parsely-page section", "parsely.html", &Article::section, "Tech"},
        {"a microdata headline", "microdata.html", &Article::title, "River Levels Rise Across the Valley"},
        {"a microdata datePublished", "microdata.html", &Article::published, "2020-02-03"},
        {"time datetime pubdate", "time-datetime.html", &Article::published, "2018-06-12T23:00:00+00:00"},
        {"a date in the canonical URL", "url-date.html", &Article::published, "2016-07-29"},
        {"the canonical URL's host stands for the site", "url-date.html", &Article::site, "news.example.com"},
        {"a visible dateline", "visible-dateline.html", &Article::published, "2024-07-21"},
        {"a date line inside a button the page left open is read", "date-button-left-open.html", &Article::published,
         "2025-03-04"},
        {"a URL naming the month between year and day dates the page", "date-named-month-in-url.html",
         &Article::published, "2023-10-03"},
        {"html lang gives the language", "byline-and.html", &Article::language, "en"},
        {"a site suffix is stripped from the title", "title-suffix.html", &Article::title,
         "Council Approves the Budget After Long Delay"},
        {"a site prefix is stripped when the h1 confirms the headline", "title-prefix.html", &Article::title,
         "Council Approves the Budget After Long Delay"},
        {"a separator inside the headline stays", "title-separator-in-headline.html", &Article::title,
         "Dune - Part Two review: a triumph of scale"},
        {"a bold headline picks the headline out of Outlet :: Section :: Headline",
         "title-outlet-section-headline.html", &Article::title, "Why the Harbour Needs a New Breakwater"},
        {"the title segment spelling the domain is the site", "title-outlet-section-headline.html", &Article::site,
         "Harbour Gazette"},
        {"the visible h1 wins over a meta title that confirms it", "title-h1-over-meta.html", &Article::title,
         "Top 10 Health and Nutrition Trends to Watch"},
        {"an h2 entry title wins over an h1 masthead", "title-masthead-h1.html", &Article::title,
         "The Quiet Case for Night Trains"},
        {"a date meta tag with only a month gives the month", "date-month-only.html", &Article::published, "1780-03"},
        {"a /YYYY/MM/ URL gives the month when nothing else dates the page", "date-month-in-url.html",
         &Article::published, "1781-11"},
        {"the masthead segment of the title is the site", "title-masthead-h1.html", &Article::site,
         "Rail Review Archive"},
        // Issue 9, section 3: the visible headline.
        {"a hidden h1 is no visible headline, and the title loses site and section", "title-hidden-h1.html",
         &Article::title, "How to Help Toddlers Sleep Through the Night"},
        {"an h1 marked as the headline wins over meta titles in other words", "title-marked-h1.html", &Article::title,
         "Find an Efficient Vehicle That Is Right for You"},
        {"a hero slogan in an h1 is no headline mark", "title-hero-h1.html", &Article::title,
         "Data Analytics Consulting"},
        {"an entity escaped twice in the h1 is decoded", "title-h1-double-escaped.html", &Article::title,
         "Twelve Data Analysis Tools for 2026: Python, SQL & AI"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(extract_fixture(row.file).*row.field, row.expected);
    }
}

TEST(ExtractMetadata, TagsFromEveryArticleTag) {
    EXPECT_EQ(extract_fixture("opengraph-only.html").tags, (Strings{"harbour", "planning"}));
    EXPECT_EQ(extract_fixture("jsonld-graph.html").tags, (Strings{"budget", "council"}));
    EXPECT_EQ(extract_fixture("parsely.html").tags, (Strings{"ai", "chips"}));
}

TEST(ExtractMetadata, SurvivesOneHundredThousandNestedElements) {
    constexpr int k_depth = 100000;
    std::string html = "<html><head><title>Deep</title></head><body>";
    for (int i = 0; i < k_depth; ++i) html += "<div class=\"byline\">";
    html += "<p>By Jane Doe</p><time datetime=\"2024-07-21\">x</time>";
    for (int i = 0; i < k_depth; ++i) html += "</div>";
    html += "</body></html>";
    XmlDocPtr doc = parse_html(html);
    ASSERT_NE(doc, nullptr);
    Article article;
    extract_metadata(doc.get(), article);
    EXPECT_EQ(article.title, "Deep");
}

} // namespace
} // namespace oped::indexer
