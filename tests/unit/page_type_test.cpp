#include <oped/indexer/page_type.hpp>

#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>

namespace oped::indexer {
namespace {

PageTypeSignals signals_of(const std::string& html, const std::string& url = {}, const std::string& body = {}) {
    XmlDocPtr doc = parse_html(html);
    Article article;
    article.url = url;
    article.body = body;
    return gather_page_type_signals(doc.get(), article);
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

const std::string k_sentences = repeat("The council met again and the debate ran long past midnight. ", 3);
const std::string k_prose = "<p>" + k_sentences + "</p>";

struct SignalRow {
    const char* name;
    std::string html;
    std::string url;
    std::function<int(const PageTypeSignals&)> measure;
    int expected;
};

TEST(PageTypeSignals, CountsWhatThePageShows) {
    const SignalRow rows[] = {
        {"every JSON-LD @type is counted, lists included",
         R"(<script type="application/ld+json">{"@graph":[{"@type":["Product","Thing"]},{"@type":"Offer"}]}</script>)",
         "", [](const PageTypeSignals& s) { return s.schema_product; }, 2},
        {"JSON-LD that does not parse still names its types",
         R"(<script type="application/ld+json">{"@type": "NewsArticle", broken</script>)", "",
         [](const PageTypeSignals& s) { return s.schema_article; }, 1},
        {"a microdata itemtype counts as a schema.org type",
         R"(<div itemscope itemtype="https://schema.org/DiscussionForumPosting">x</div>)", "",
         [](const PageTypeSignals& s) { return s.schema_forum; }, 1},
        {"og:type is read in lower case", R"(<head><meta property="og:type" content="Article"></head>)", "",
         [](const PageTypeSignals& s) { return s.og_type == "article" ? 1 : 0; }, 1},
        {"a heading that is a link, or sits in one, is a teaser headline",
         R"(<h2><a href="/a">One</a></h2><a href="/b"><h3>Two</h3></a><h2>Three</h2>)", "",
         [](const PageTypeSignals& s) { return s.linked_headings; }, 2},
        {"prose paragraphs under one parent make one run",
         "<div>" + k_prose + k_prose + k_prose + "</div><div>" + k_prose + "</div>", "",
         [](const PageTypeSignals& s) { return static_cast<int>(s.prose_run); }, 3},
        {"a paragraph that is mostly a link is not prose", "<div><p><a href='/x'>" + k_sentences + "</a></p></div>", "",
         [](const PageTypeSignals& s) { return static_cast<int>(s.prose_paragraphs); }, 0},
        {"amounts with a currency sign on either side are prices", "<p>$12.99, 12,50 \xE2\x82\xAC and $ alone</p>", "",
         [](const PageTypeSignals& s) { return s.prices; }, 2},
        {"class and id words are read in any case, split at any sign",
         R"(<div class="ipsComment_body">a</div><div id="Forum-Thread">b</div><div class="postcard">c</div>)", "",
         [](const PageTypeSignals& s) { return s.post_marks; }, 2},
        {"an add-to-cart button", "<button>Add to Cart</button><a href='/'>Add to favourites</a>", "",
         [](const PageTypeSignals& s) { return s.cart_marks; }, 1},
        {"hidden inputs and search boxes are not form controls",
         "<input type=hidden><input type=search><input type=email><select></select>", "",
         [](const PageTypeSignals& s) { return s.form_controls; }, 2},
        {"a year and a month in the path are a date", "", "https://x.example/2024/03/a-long-slug-here",
         [](const PageTypeSignals& s) { return s.url_has_date ? 1 : 0; }, 1},
        {"a dated slug is a date", "", "https://x.example/news/2024-03-12-budget",
         [](const PageTypeSignals& s) { return s.url_has_date ? 1 : 0; }, 1},
        {"a product number is not a date", "", "https://x.example/p/12345678",
         [](const PageTypeSignals& s) { return s.url_has_date ? 1 : 0; }, 0},
        {"the slug's words are counted", "", "https://x.example/opinion/why-the-town-needs-a-plan.html?x=1",
         [](const PageTypeSignals& s) { return s.url_slug_words; }, 6},
        {"a path word names the kind of page", "", "https://x.example/en/category/opinion/",
         [](const PageTypeSignals& s) { return s.url_kind == "listing" ? 1 : 0; }, 1},
        {"the host's first label names the kind of page", "", "https://docs.x.example/guide",
         [](const PageTypeSignals& s) { return s.host_kind == "docs" ? 1 : 0; }, 1},
        {"like siblings each with a link and a heading or an image are teaser blocks",
         R"(<ul><li class="t"><a href="/1"><h3>One</h3></a>Teaser</li><li class="t"><a href="/2"><img src="x"></a>Two</li>)"
         R"(<li class="t"><a href="/3">Three</a></li><li class="u"><h3><a href="/4">Four</a></h3></li></ul>)",
         "", [](const PageTypeSignals& s) { return s.teaser_blocks; }, 2},
        {"the text of three or more teaser blocks is counted, one or two are not",
         R"(<div><div class="c"><h2><a href="/1">Alpha</a></h2></div><div class="c"><h2><a href="/2">Betas</a></h2></div>)"
         R"(<div class="c"><h2><a href="/3">Gamma</a></h2></div></div><div><div><h2><a href="/4">Delta</a></h2></div></div>)",
         "", [](const PageTypeSignals& s) { return static_cast<int>(s.teaser_chars); }, 15},
        {"like siblings each holding a time or a date-classed element are dated blocks",
         R"(<div class="post"><time>May 2</time>Hi</div><div class="post"><span class="post-date">May 3</span>Yo</div>)"
         R"(<div class="post">No date</div>)",
         "", [](const PageTypeSignals& s) { return s.dated_blocks; }, 2},
        {"short texts with a year or an age are date stamps, long ones and other numbers are not",
         "<span>May 2, 2024</span><span>3 days ago</span><span>12024</span><p>" + k_sentences + " 2024</p>", "",
         [](const PageTypeSignals& s) { return s.date_stamps; }, 2},
        {"rel=next links and pager classes are pagination",
         R"(<link rel="next" href="/p2"><div class="page-numbers pagination"><a rel="next" href="/p2">2</a></div>)", "",
         [](const PageTypeSignals& s) { return s.pagination_marks; }, 3},
        {"short link and button labels that sell are calls to action",
         R"(<a href="/c">Get started</a><button>Request a demo</button><a href="/l">Learn more about how the )"
         R"(council debated the budget</a><a href="/x">Read on</a>)",
         "", [](const PageTypeSignals& s) { return s.cta_links; }, 2},
        {"tel: links are phone links", R"(<a href="TEL:+15551234">Call</a><a href="/tel:x">x</a>)", "",
         [](const PageTypeSignals& s) { return s.phone_links; }, 1},
        {"hero, feature, testimonial and FAQ classes are service markup",
         R"(<div class="hero-banner"></div><div id="faq"></div><div class="testimonials"></div><div class="heroic"></div>)",
         "", [](const PageTypeSignals& s) { return s.service_marks; }, 3},
        {"byline and story classes are article markup",
         R"(<div class="article-body"></div><span class="byline"></span><div class="stories-list"></div>)", "",
         [](const PageTypeSignals& s) { return s.article_marks; }, 2},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(row.measure(signals_of("<html><body>" + row.html + "</body></html>", row.url)), row.expected);
    }
}

TEST(PageTypeSignals, MeasuresTheTextFromTheHeadlineToTheProse) {
    struct Row {
        const char* name;
        std::string html;
        std::size_t distance;
        bool after_h1;
    };
    const Row rows[] = {
        {"prose right under the h1", "<h1>Title</h1><div>By Ann</div>" + k_prose, 5, true},
        {"the last h1 before the prose counts", "<h1>Site</h1><p>Menu</p><h1>Title</h1>" + k_prose, 0, true},
        {"no h1: from the page's start", "<div>Menu items</div>" + k_prose, 9, false},
        {"no prose: all the text after the last h1", "<h1>Shop</h1><div>Item one</div><div>Item two</div>", 14, false},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        const PageTypeSignals s = signals_of("<html><body>" + row.html + "</body></html>");
        EXPECT_EQ(s.h1_to_prose, row.distance);
        EXPECT_EQ(s.prose_after_h1, row.after_h1);
    }
}

TEST(PageTypeSignals, ReadsTheBodyExtractionFound) {
    const std::string body = repeat("We said that our plan works. ", 10) + "\n\nShort.";
    const PageTypeSignals s = signals_of("<html><body><p>x</p></body></html>", "", body);
    EXPECT_EQ(s.body_paragraphs, 1u);
    // 61 words: "we" and "our" 20 times, "said" 10 times.
    EXPECT_NEAR(s.said_rate, 10 * 1000.0 / 61, 1e-9);
    EXPECT_NEAR(s.we_rate, 20 * 1000.0 / 61, 1e-9);
    EXPECT_EQ(s.body_long_chars, s.body_chars - 6); // all but "Short."
    const PageTypeSignals me = signals_of("<html><body></body></html>", "", "I think my view is mine. Me too.");
    EXPECT_NEAR(me.i_rate, 3 * 1000.0 / 8, 1e-9);
}

TEST(PageTypeSignals, CountsTheBodyTextThatEndsSentences) {
    struct Row {
        const char* name;
        std::string body;
        std::size_t sentence_chars;
    };
    // Characters are counted as bytes outside white space, as body_chars is.
    const std::vector<Row> rows = {
        {"a full stop", "It rained.", 9},
        {"a question and a closing quote", "\"Why not?\"", 9},
        {"a curly quote after the stop", "He left.\u201D", 10},
        {"French guillemets", "\u00AB Non. \u00BB", 8},
        {"an ellipsis", "And then\u2026", 10},
        {"a CJK full stop", "\u4ECA\u65E5\u3002", 9},
        {"a heading, a label and a list item", "Our Services\nCall now:\nFast repairs", 0},
        {"only the lines that end one", "Pricing\n\nWe fix roofs. Call us.\nFree quotes", 18},
        {"spaces after the stop", "Done.  \t", 5},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.name);
        const PageTypeSignals s = signals_of("<html><body></body></html>", "", row.body);
        EXPECT_EQ(s.body_sentence_chars, row.sentence_chars);
    }
}

struct ClassifyRow {
    const char* name;
    std::function<void(PageTypeSignals&)> set;
    std::string_view expected;
};

TEST(ClassifyPage, WeighsTheEvidence) {
    const ClassifyRow rows[] = {
        {"a page that shows nothing either way is an article", [](PageTypeSignals&) {}, k_type_article},
        {"a news article: schema.org, og:type, a date, a byline and a long run of prose",
         [](PageTypeSignals& s) {
             s.schema_article = 1;
             s.og_type = "article";
             s.has_date = s.has_authors = true;
             s.body_chars = s.prose_chars = s.prose_run_chars = s.text_chars = 6000;
             s.prose_run = s.prose_paragraphs = s.body_paragraphs = 12;
             s.link_chars = 600;
             s.url_slug_words = 6;
         },
         k_type_article},
        {"a section front: teaser headlines and cards, little prose, a listing URL",
         [](PageTypeSignals& s) {
             s.schema_listing = 1;
             s.og_type = "website";
             s.text_chars = 4000;
             s.link_chars = 2500;
             s.headings = s.linked_headings = 20;
             s.card_marks = 20;
             s.time_elements = 20;
             s.url_kind = "listing";
         },
         k_type_listing},
        {"a product: schema.org Product, prices, price markup and add to cart",
         [](PageTypeSignals& s) {
             s.schema_product = 2;
             s.og_type = "product";
             s.text_chars = 3000;
             s.link_chars = 1200;
             s.prices = 6;
             s.price_marks = 8;
             s.cart_marks = 1;
             s.form_controls = 4;
             s.url_kind = "product";
         },
         k_type_other},
        {"a forum thread: schema.org posts, post markup and many dates",
         [](PageTypeSignals& s) {
             s.schema_forum = 1;
             s.has_date = s.has_authors = true;
             s.text_chars = 5000;
             s.link_chars = 1500;
             s.post_marks = 40;
             s.time_elements = 20;
             s.url_kind = "forum";
         },
         k_type_other},
        {"documentation: a docs host, code blocks and inline code",
         [](PageTypeSignals& s) {
             s.host_kind = "docs";
             s.text_chars = 8000;
             s.link_chars = 3000;
             s.code_blocks = 10;
             s.inline_code = 40;
             s.nav_links = 200;
         },
         k_type_other},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        PageTypeSignals s;
        row.set(s);
        EXPECT_EQ(classify_page(s), row.expected);
    }
}

TEST(ClassifyPage, ExplainsEachSignalsShare) {
    PageTypeSignals s;
    s.schema_product = 1;
    s.cart_marks = 1;
    Explanation explain;
    const std::string type = classify_page(s, &explain);
    const FieldEvidence* field = explain.find("type");
    ASSERT_NE(field, nullptr);
    EXPECT_EQ(field->chosen, type);
    EXPECT_NE(field->reason.find("article score"), std::string::npos) << field->reason;
    bool product = false;
    for (const auto& c : field->candidates) {
        if (c.source.starts_with("schema.org product")) {
            product = true;
            EXPECT_LT(c.score, 0) << "a product counts against an article";
            EXPECT_EQ(c.value, "not article");
        }
    }
    EXPECT_TRUE(product);
}

// scripts/fit-page-type refits the table from the values --explain shows, so
// every signal is there, with enough digits.
TEST(ClassifyPage, ExplainListsEverySignalWithItsValue) {
    struct Row {
        const char* name;
        std::function<void(PageTypeSignals&)> set;
        std::string source;
    };
    const Row rows[] = {
        {"a signal the page lacks is listed at 0", [](PageTypeSignals&) {}, "a date in the URL = 0"},
        {"a count is shown as the table reads it, log2 of one more", [](PageTypeSignals& s) { s.nav_links = 3; },
         "navigation links (log2) = 2"},
        {"a share keeps four digits",
         [](PageTypeSignals& s) {
             s.text_chars = 3;
             s.link_chars = 1;
         },
         "share of the page's text in links = 0.3333"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        PageTypeSignals s;
        row.set(s);
        Explanation explain;
        classify_page(s, &explain);
        const FieldEvidence* field = explain.find("type");
        ASSERT_NE(field, nullptr);
        const bool listed = std::any_of(field->candidates.begin(), field->candidates.end(),
                                        [&](const Candidate& c) { return c.source == row.source; });
        EXPECT_TRUE(listed);
    }
}

} // namespace
} // namespace oped::indexer
