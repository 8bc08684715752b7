// The publication date weighed from every source: declared metadata, the
// date shown near the headline or byline, revision dates, UTC time stamps.

#include <oped/indexer/date_lines.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/metadata.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::indexer {
namespace {

Article extract(const std::string& html, Explanation* explain = nullptr) {
    XmlDocPtr doc = parse_html(html);
    Article article;
    extract_metadata(doc.get(), article, explain);
    return article;
}

std::string page(const std::string& head, const std::string& body) {
    return "<html><head><title>A Headline</title>" + head + "</head><body>" + body + "</body></html>";
}

const std::string k_prose = "<p>" + std::string(30, 'x') + " words of the article go on for a while here.</p>";

struct PublishedRow {
    const char* name;
    std::string html;
    const char* expected;
};

TEST(PickPublished, Table) {
    const PublishedRow rows[] = {
        {"a date line under the headline when metadata has none",
         page("", "<h1>A Headline</h1><div class=meta>July 17, 2016</div>" + k_prose), "2016-07-17"},
        {"a month-first numeric date line", page("", "<h1>A Headline</h1><p>07/17/2016</p>" + k_prose), "2016-07-17"},
        {"a day-first dotted date line", page("", "<h1>A Headline</h1><span>17.07.2016</span>" + k_prose),
         "2016-07-17"},
        {"a day before the month name", page("", "<h1>A Headline</h1><p>17 July 2016</p>" + k_prose), "2016-07-17"},
        {"a French month name", page("", "<h1>A Headline</h1><p>Publié le 17 juillet 2016</p>" + k_prose),
         "2016-07-17"},
        {"a German month name", page("", "<h1>A Headline</h1><p>17. Juli 2016</p>" + k_prose), "2016-07-17"},
        {"a date beside the byline",
         page("", "<h1>A Headline</h1>" + k_prose + k_prose +
                      "<div class=byline>By Jane Doe</div><div>Mar 27, 2024</div>" + k_prose),
         "2024-03-27"},
        {"a date line by a headline set in a paragraph, on a page with no <h1>",
         page("", "<div class=hero><p>A Headline</p></div><p>Jane Doe</p><p>Feb 16, 2026</p>" + k_prose), "2026-02-16"},
        {"a date line by an <h1> the parser empties (<h1><p>...</p></h1>)",
         page("", "<h1><p>A Headline</p></h1><p>By Jane Doe</p><p>Dec 17, 2025</p>" + k_prose), "2025-12-17"},
        {"a line that merely contains the headline's words is not the headline",
         page("", "<p>A Headline and more words</p><p>Feb 16, 2026</p>" + k_prose), ""},
        {"the date near the headline beats one in the comments",
         page("", "<div class=comments><p>March 1, 2020</p></div><h1>A Headline</h1><p>July 17, 2016</p>" + k_prose),
         "2016-07-17"},
        {"a date in the footer alone is not the article's",
         page("", "<h1>A Headline</h1>" + k_prose + "<footer><p>January 3, 2021</p></footer>"), ""},
        {"a date in a related list is not the article's",
         page("", "<h1>A Headline</h1>" + k_prose + "<ul class=related-posts><li>May 2, 2019</li></ul>"), ""},
        {"declared metadata that agrees with the shown day keeps its time",
         page(R"(<meta property="article:published_time" content="2016-07-17T09:00:00+02:00">)",
              "<h1>A Headline</h1><p>July 17, 2016</p>" + k_prose),
         "2016-07-17T09:00:00+02:00"},
        {"a UTC stamp on the day after the shown local day gives the local day",
         page(R"(<meta property="article:published_time" content="2016-07-18T02:00:00Z">)",
              "<h1>A Headline</h1><p>July 17, 2016</p>" + k_prose),
         "2016-07-17"},
        {"a UTC stamp on the day after another source's local day gives that day",
         page(R"(<meta property="article:published_time" content="2016-07-18T02:00:00Z">)"
              R"(<meta name="date" content="2016-07-17">)",
              "<h1>A Headline</h1>" + k_prose),
         "2016-07-17"},
        {"a UTC stamp with no other source stays",
         page(R"(<meta property="article:published_time" content="2016-07-18T02:00:00Z">)",
              "<h1>A Headline</h1>" + k_prose),
         "2016-07-18T02:00:00+00:00"},
        {"a revision date shown under the headline does not replace the declared publication",
         page(R"(<meta property="article:published_time" content="2015-04-06T13:52:00Z">)"
              R"(<meta property="article:modified_time" content="2025-09-28T06:58:21Z">)",
              "<h1>A Headline</h1><div>Updated September 28, 2025</div>" + k_prose),
         "2015-04-06T13:52:00+00:00"},
        {"a labelled publication date beats an updated one beside it",
         page("", "<h1>A Headline</h1><div>Published Apr 26, 2023</div><div>Updated May 1, 2024</div>" + k_prose),
         "2023-04-26"},
        {"a label on the line above the date counts",
         page("", "<h1>A Headline</h1><p>Last updated</p><time>Aug 04, 2025</time><p>Published</p><p>Jul 1, 2025</p>" +
                      k_prose),
         "2025-07-01"},
        {"a <time datetime> on the shown day gives its time",
         page("", R"(<h1>A Headline</h1><time datetime="2016-07-17T10:00:00-04:00">July 17, 2016</time>)" + k_prose),
         "2016-07-17T10:00:00-04:00"},
        {"a <time datetime> whose text is ambiguous gives the day",
         page("", R"(<h1>A Headline</h1><time datetime="2017-03-01T12:00:00Z">03/01/2017</time>)" + k_prose),
         "2017-03-01T12:00:00+00:00"},
        {"a copyright year is not a date", page("", "<h1>A Headline</h1><p>© 2019 Example</p>" + k_prose), ""},
        {"a date meta tag with a month alone keeps the month",
         page(R"(<meta name="date" content="2016-07">)", "<h1>A Headline</h1>" + k_prose), "2016-07"},
        {"a date meta tag with a year alone keeps the year",
         page(R"(<meta name="citation_date" content="2016">)", "<h1>A Headline</h1>" + k_prose), "2016"},
        {"a label glued to the date by markup still labels it",
         page("",
              "<h1>A Headline</h1><p><span>Health</span>DECEMBER 22, 2022<span>Updated:</span> JANUARY 02, "
              "2026</p>" +
                  k_prose),
         "2022-12-22"},
        {"two dates on one line each take the label before them",
         page("",
              "<h1>A Headline</h1><p>Updated November 11, 2022 Originally published November 9, 2022</p>" + k_prose),
         "2022-11-09"},
        {"a date labelled published far down the article counts",
         page("", "<h1>A Headline</h1>" + k_prose + k_prose + k_prose + k_prose + k_prose + k_prose + k_prose +
                      k_prose + k_prose + k_prose + k_prose + k_prose + k_prose + "<p>Posted on the 15/12/2025</p>"),
         "2025-12-15"},
        // libxml2 nests what follows a <nav> left open inside it: the nav
        // that holds the headline and most of the text is the page.
        {"a date line inside a navigation left open that swallowed the page",
         page("",
              "<nav><ul><li><a href=/a>Home</a><div class=menu-dropdown><h1>A Headline</h1><p>July 17, "
              "2016</p>" +
                  k_prose + k_prose + k_prose + "</div></li></ul></nav>"),
         "2016-07-17"},
        {"a layout wrapper named for its sidebar that holds the article",
         page("", "<div class=content-sidebar-wrap><h1>A Headline</h1><p>July 17, 2016</p>" + k_prose + k_prose +
                      k_prose + "</div><div class=sidebar><p>March 1, 2020</p></div>"),
         "2016-07-17"},
        {"a date in a navigation that does not hold the page stays out",
         page("", "<nav><h1>A Headline</h1><p>March 1, 2020</p></nav>" + k_prose + k_prose + k_prose), ""},
        {"the day a quoted tweet was posted is not the article's",
         page(R"(<meta property="article:published_time" content="2025-12-19T10:00:00Z">)"
              R"(<meta property="article:modified_time" content="2025-12-19T10:00:00Z">)",
              "<h1>A Headline</h1><blockquote class=twitter-tweet><p>A post.</p>— Jane Doe (@jdoe) October 16, "
              "2024</blockquote>" +
                  k_prose),
         "2025-12-19T10:00:00+00:00"},
        {"a layout class naming a sidebar does not hide the header",
         page("",
              "<div class=\"has-sidebar w-[--sidebar-width]\"><h1>A Headline</h1><p>July 17, 2016</p></div>" + k_prose),
         "2016-07-17"},
        {"a declared publication on the revision day yields to an earlier shown date",
         page(R"(<meta property="article:published_time" content="2025-11-05T10:00:00Z">)"
              R"(<meta property="article:modified_time" content="2025-11-05T10:00:00Z">)",
              "<h1>A Headline</h1><p>January 31, 2024</p>" + k_prose),
         "2024-01-31"},
        {"a declared publication before the revision day stands against an earlier date shown farther down",
         page(R"(<meta property="article:published_time" content="2025-06-01T10:00:00Z">)"
              R"(<meta property="article:modified_time" content="2025-11-05T10:00:00Z">)",
              "<h1>A Headline</h1><p>A standfirst.</p><p>A caption.</p><p>January 31, 2024</p>" + k_prose),
         "2025-06-01T10:00:00+00:00"},
        {"a date written right under the headline beats a declared publication nothing shown agrees with",
         page(R"(<meta property="article:published_time" content="2025-06-01T10:00:00Z">)",
              "<h1>A Headline</h1><p>January 31, 2024</p>" + k_prose),
         "2024-01-31"},
        {"a date written right after the byline beats a declared publication nothing shown agrees with",
         page(R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-08-12"}</script>)",
              "<h1>A Headline</h1>" + k_prose + "<div class=byline>By Jane Doe</div><div>Feb 22, 2025</div>" + k_prose),
         "2025-02-22"},
        {"a relative date with a machine time beside the headline does not replace the declared publication",
         page(R"(<meta property="article:published_time" content="2024-01-29T10:00:00Z">)",
              R"(<h1>A Headline</h1><p><time datetime="2025-12-17T08:00:00Z">3 days ago</time></p>)" + k_prose),
         "2024-01-29T10:00:00+00:00"},
        {"a numeric date shown day first is the declared one read month first, not another date",
         page(R"(<meta property="article:published_time" content="2024-09-10T10:00:00Z">)",
              "<h1>A Headline</h1><p>09.10.2024</p>" + k_prose),
         "2024-09-10T10:00:00+00:00"},
        {"an earlier shown date labelled as a revision does not replace a re-saved publication",
         page(R"(<meta property="article:published_time" content="2025-11-05T10:00:00Z">)"
              R"(<meta property="article:modified_time" content="2025-11-05T10:00:00Z">)",
              "<h1>A Headline</h1><p>Updated January 31, 2024</p>" + k_prose),
         "2025-11-05T10:00:00+00:00"},
        {"a shown date one day before a re-saved publication is its local day, and the day shown stands",
         page(R"(<meta property="article:published_time" content="2025-11-05T20:00:00Z">)"
              R"(<meta property="article:modified_time" content="2025-11-05T20:00:00Z">)",
              "<h1>A Headline</h1><p>November 4, 2025</p>" + k_prose),
         "2025-11-04"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(extract(row.html).published, row.expected);
    }
}

TEST(PickPublished, ExplainsTheCandidatesAndTheChoice) {
    Explanation explain;
    extract(page(R"(<meta property="article:published_time" content="2016-07-18T02:00:00Z">)",
                 "<h1>A Headline</h1><p>July 17, 2016</p>" + k_prose),
            &explain);
    const FieldEvidence* published = explain.find("published");
    ASSERT_NE(published, nullptr);
    EXPECT_EQ(published->chosen, "2016-07-17");
    EXPECT_NE(published->reason.find("UTC"), std::string::npos) << published->reason;
    bool declared = false;
    bool visible = false;
    for (const auto& c : published->candidates) {
        declared = declared || (c.source == "meta article:published_time" && c.value == "2016-07-18T02:00:00+00:00");
        visible = visible || (c.source.starts_with("visible line") && c.value == "2016-07-17");
    }
    EXPECT_TRUE(declared);
    EXPECT_TRUE(visible);
}

struct LabelRow {
    const char* text;
    DateLabel expected;
};

TEST(DateLabel, Table) {
    const LabelRow rows[] = {
        {"Updated Sep 17, 2025", DateLabel::updated},
        {"Last modified: 2025-01-01", DateLabel::updated},
        {"Mis à jour le 3 mars 2024", DateLabel::updated},
        {"Published Apr 26, 2023", DateLabel::published},
        {"Posted on the 15/12/2025", DateLabel::published},
        {"Publicado el 3 de marzo de 2024", DateLabel::published},
        {"Published May 1, 2023, updated June 2, 2024", DateLabel::published},
        {"By Jane Doe · Mar 27, 2024", DateLabel::none},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.text);
        EXPECT_EQ(date_label(row.text), row.expected);
    }
}

TEST(FindDateLines, DistanceFromTheHeadlineAndAsides) {
    XmlDocPtr doc = parse_html("<html><body><h1>Head</h1><p>by Jane</p><p>July 17, 2016</p>" + k_prose +
                               "<div class=comment-list><p>July 18, 2016</p></div></body></html>");
    const auto lines = find_date_lines(doc.get());
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].distance, 2);
    EXPECT_FALSE(lines[0].aside);
    EXPECT_EQ(lines[0].date.day, 17);
    EXPECT_TRUE(lines[1].aside);
}

TEST(FindDateLines, ButtonLeftOpenIsReadAndAShortOneIsNot) {
    // "<div>" where "</div>" belongs keeps the button open: the parser nests
    // the rest of the page inside it.
    std::string article;
    for (int i = 0; i < 8; ++i) article += k_prose;
    XmlDocPtr open = parse_html("<html><body><button class=menu><div></button><h1>Head</h1><p>July 17, 2016</p>" +
                                article + "</body></html>");
    const auto read = find_date_lines(open.get());
    ASSERT_EQ(read.size(), 1U);
    EXPECT_EQ(read[0].date.day, 17);
    EXPECT_EQ(read[0].distance, 1);
    XmlDocPtr closed =
        parse_html("<html><body><h1>Head</h1><button>Remind me July 18, 2016</button>" + k_prose + "</body></html>");
    EXPECT_TRUE(find_date_lines(closed.get()).empty());
}

} // namespace
} // namespace oped::indexer
