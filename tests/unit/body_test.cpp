#include <oped/indexer/body.hpp>

#include <oped/indexer/body_clean.hpp>
#include <oped/indexer/body_dom.hpp>
#include <oped/indexer/body_text.hpp>
#include <oped/indexer/body_trim.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>
#include <libxml/HTMLtree.h>

#include <algorithm>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace oped::indexer {
namespace {

// The four paragraphs every fixture in tests/fixtures/body/ carries.
const std::string k_first = "The city council voted on Tuesday to expand the night bus network";
const std::string k_second = "Opponents argued that the money, roughly four million a year";
const std::string k_third = "The mayor, who had campaigned on the promise of better transport";
const std::string k_fourth = "Residents of the outer districts, who rely most on the service";

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(OPED_FIXTURES_DIR) + "/body/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string body_of(const std::string& html, const Article& meta = {}) {
    XmlDocPtr doc = parse_html(html);
    return doc ? extract_body(doc.get(), meta) : std::string();
}

std::vector<std::string> paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t pos = body.find("\n\n"); pos != std::string::npos; pos = body.find("\n\n", start)) {
        out.push_back(body.substr(start, pos - start));
        start = pos + 2;
    }
    out.push_back(body.substr(start));
    return out;
}

struct FixtureCase {
    const char* name;
    const char* fixture;
    std::vector<std::string> wanted;
    std::vector<std::string> unwanted;
    std::string title = "";
    std::vector<std::string> authors = {};
};

std::ostream& operator<<(std::ostream& os, const FixtureCase& c) { return os << c.name; }

class BodyFixtures : public testing::TestWithParam<FixtureCase> {};

TEST_P(BodyFixtures, KeepsTheArticleAndDropsTheRest) {
    const FixtureCase& c = GetParam();
    Article meta;
    meta.title = c.title;
    meta.authors = c.authors;
    const std::string body = body_of(read_fixture(c.fixture), meta);
    ASSERT_FALSE(body.empty()) << c.fixture;
    for (const auto& s : {k_first, k_second, k_third, k_fourth}) EXPECT_NE(body.find(s), std::string::npos) << s;
    for (const auto& s : c.wanted) EXPECT_NE(body.find(s), std::string::npos) << "missing: " << s << "\n" << body;
    for (const auto& s : c.unwanted) EXPECT_EQ(body.find(s), std::string::npos) << "kept: " << s << "\n" << body;
    EXPECT_EQ(body.find("\n\n\n"), std::string::npos);
}

const FixtureCase k_fixture_cases[] = {
    {"a_table_layout_loses_its_navigation_cell_bold_headline_and_posted_line",
     "table_layout.html",
     {},
     {"Front Page", "Fair, light winds", "Council expands night bus network", "Posted:", "Printer-friendly"},
     "Council expands night bus network"},
    {"navigation_header_and_footer_are_removed",
     "nav_header_footer.html",
     {},
     {"Your local news since 1901", "Sport", "All rights reserved", "Privacy policy"}},
    {"asides_and_share_bars_are_removed",
     "aside_share_bar.html",
     {},
     {"Share on Facebook", "Email this story", "Most read", "sourdough"}},
    {"a_newsletter_box_is_removed", "newsletter_box.html", {}, {"morning briefing", "Sign up for", "Subscribe"}},
    {"labels_after_brackets_arrows_and_pictographs_are_removed",
     "symbol_labels.html",
     {},
     {"Read more", "tram line", "Related", "Cycle lanes", "morning briefing"}},
    {"links_styled_as_buttons_on_their_own_line_are_removed",
     "button_links.html",
     {"See the new routes before they open", "Next map"},
     {"BUY NOW", "Shop all season passes"}},
    {"the_comments_section_is_removed", "comments_section.html", {}, {"12 comments", "Reader123", "common sense"}},
    {"read_more_and_related_link_lists_are_removed",
     "related_links.html",
     {},
     {"Read more", "tram line", "Related", "strike next month", "Cycle lanes"}},
    {"figure_captions_and_credits_are_removed",
     "captions.html",
     {},
     {"waits at the central depot", "Jane Lens", "speaks to reporters", "Credit:"}},
    {"hidden_elements_are_removed",
     "hidden_elements.html",
     {},
     {"Hidden attribute text", "Aria hidden text", "Display none text", "Visibility hidden text"}},
    {"text_separated_by_br_is_kept", "br_separated.html", {}, {}},
    {"div_text_without_p_is_found", "div_text_no_p.html", {}, {"Weather", "Traffic"}},
    {"content_split_across_sibling_containers_is_joined", "sibling_containers.html", {}, {"Advertisement"}},
    {"clutter_inside_main_is_removed",
     "main_with_clutter.html",
     {},
     {"Home", "Tweet", "You may also like", "Parking fees", "cookies"}},
    {"the_article_of_a_listing_page_wins_over_teasers",
     "article_in_listing.html",
     {},
     {"Library hours extended", "riverside park", "fresh fruit"}},
    {"a_data_table_is_kept", "tables.html", {"Route | First bus | Last bus", "N2 University | 23:30 | 05:30"}, {}},
    {"nested_blockquotes_are_kept",
     "nested_blockquote.html",
     {"We asked for this for ten years", "the loneliest job in town"},
     {}},
    {"the_repeated_headline_and_byline_are_removed",
     "headline_byline.html",
     {},
     {"Council expands night bus network", "Maria Example"},
     "Council expands night bus network",
     {"Maria Example"}},
    {"headings_lists_and_pre_are_kept",
     "sections_lists_pre.html",
     {"What changes", "Buses every twenty minutes after midnight", "route  first  last\nN1     23:00  05:00"},
     {}},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyFixtures, testing::ValuesIn(k_fixture_cases),
                         [](const testing::TestParamInfo<FixtureCase>& row) { return row.param.name; });

TEST(BodyParagraphs, ParagraphsAreSeparatedByABlankLine) {
    const std::string body = body_of(read_fixture("nav_header_footer.html"));
    EXPECT_EQ(body.find("  "), std::string::npos) << "white space is collapsed";
    const auto ps = paragraphs(body);
    ASSERT_EQ(ps.size(), 4u);
    EXPECT_EQ(ps[0].rfind(k_first, 0), 0u);
    EXPECT_EQ(ps[3].rfind(k_fourth, 0), 0u);
}

TEST(BodyParagraphs, DoubleBrBreaksParagraphsAndSingleBrBreaksLines) {
    const auto ps = paragraphs(body_of(read_fixture("br_separated.html")));
    ASSERT_EQ(ps.size(), 3u);
    EXPECT_EQ(ps[0].rfind(k_first, 0), 0u);
    EXPECT_EQ(ps[1].rfind(k_second, 0), 0u);
    EXPECT_NE(ps[1].find(".\n" + k_third), std::string::npos) << ps[1];
    EXPECT_EQ(ps[2].rfind(k_fourth, 0), 0u);
}

TEST(BodyParagraphs, HeadingsAndListItemsStandApart) {
    const auto ps = paragraphs(body_of(read_fixture("sections_lists_pre.html")));
    EXPECT_NE(std::find(ps.begin(), ps.end(), "What changes"), ps.end());
    EXPECT_NE(std::find(ps.begin(), ps.end(),
                        "Buses every twenty minutes after midnight\nThree new routes to the outer districts"),
              ps.end());
}

// serialise() on small snippets: one row per rule.
struct TextCase {
    const char* name;
    const char* html;
    const char* expected;
};

std::ostream& operator<<(std::ostream& os, const TextCase& c) { return os << c.name; }

class BodyText : public testing::TestWithParam<TextCase> {};

TEST_P(BodyText, SerialisesBlocksAsParagraphs) {
    XmlDocPtr doc = parse_html(GetParam().html);
    ASSERT_TRUE(doc);
    xmlNode* root = find_first(root_element(doc.get()), "body");
    body::mark_data_tables(root);
    EXPECT_EQ(body::serialise(root), GetParam().expected);
}

const TextCase k_text_cases[] = {
    {"inline_elements_join_without_added_space", "<p>news<b>paper</b> <i>op</i>-ed</p>", "newspaper op-ed"},
    {"white_space_collapses_within_a_paragraph", "<p>  a \n\t b   c </p>", "a b c"},
    {"blocks_are_separated_by_a_blank_line", "<h2>Head</h2><p>one</p><div>two</div>", "Head\n\none\n\ntwo"},
    {"a_single_br_breaks_the_line", "<p>one<br>two</p>", "one\ntwo"},
    {"two_brs_break_the_paragraph", "<div>one<br> <br>two</div>", "one\n\ntwo"},
    {"list_items_are_lines", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
    {"pre_keeps_its_lines_and_spacing", "<pre>a  b\n  c</pre>", "a  b\n  c"},
    {"data_table_rows_are_lines_of_cells",
     "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr>"
     "<tr><td>c</td><td>3</td></tr><tr><td>d</td><td>4</td></tr><tr><td>e</td><td>5</td></tr></table>",
     "k | v\na | 1\nb | 2\nc | 3\nd | 4\ne | 5"},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyText, testing::ValuesIn(k_text_cases),
                         [](const testing::TestParamInfo<TextCase>& row) { return row.param.name; });

TEST(BodyTitle, SimilarityIsTheShareOfHeadingWordsInTheTitle) {
    EXPECT_DOUBLE_EQ(body::title_similarity("Night buses return", "Night buses return"), 1.0);
    EXPECT_DOUBLE_EQ(body::title_similarity("Night buses return", "Cats"), 0.0);
    EXPECT_GT(body::title_similarity("Night buses return - The Daily Example", "Night buses return"), 0.75);
}

// Regression: wcxb-dev pages 2951, 3002 and 3029 aborted `oped index` with a
// double free. A "Related" label dooms the link list after it, and the walk
// then dooms a "Read more" paragraph inside that list as well.
TEST(BodyLinkLists, ALabelledListHoldingALinkLabelIsFreedOnce) {
    XmlDocPtr doc = parse_html(
        "<html><body><div id=a><h3>Related</h3><div>"
        "<p><a href=/1>Other stories from the week</a></p>"
        "<p><a href=/2>Read more about the night buses</a></p></div>"
        "<p>" +
        k_first + "</p></div></body></html>");
    ASSERT_TRUE(doc);
    xmlNode* root = find_first(root_element(doc.get()), "div");
    body::remove_link_lists(root);
    const std::string left = visible_text(root);
    EXPECT_EQ(left.find("Related"), std::string::npos);
    EXPECT_EQ(left.find("Other stories"), std::string::npos);
    EXPECT_EQ(left.find("Read more"), std::string::npos);
    EXPECT_NE(left.find(k_first), std::string::npos);
}

TEST(BodyDom, RemoveNodesFreesNestedAndRepeatedNodesOnce) {
    XmlDocPtr doc = parse_html(
        "<html><body><div id=outer><p id=inner>in</p></div><p id=keep>kept</p>"
        "<p id=twice>twice</p></body></html>");
    ASSERT_TRUE(doc);
    xmlNode* body = find_first(root_element(doc.get()), "body");
    std::vector<xmlNode*> doomed;
    for (xmlNode* p : find_all(body, "p")) {
        if (attr(p, "id") != "keep") doomed.push_back(p);
    }
    doomed.push_back(find_first(body, "div"));
    doomed.push_back(doomed.back()); // listed twice
    body::remove_nodes(body, doomed);
    EXPECT_EQ(visible_text(body), "kept");
}

// Pathological pages: they must finish without crashing (no timing asserted).
TEST(BodyStress, AHundredThousandNestedElementsDoNotOverflowTheStack) {
    XmlDocPtr doc(htmlNewDocNoDtD(nullptr, nullptr));
    xmlNode* html = xmlNewDocNode(doc.get(), nullptr, BAD_CAST "html", nullptr);
    xmlDocSetRootElement(doc.get(), html);
    xmlNode* node = xmlNewChild(html, nullptr, BAD_CAST "body", nullptr);
    for (int i = 0; i < 100000; ++i) node = xmlNewChild(node, nullptr, BAD_CAST(i % 2 ? "div" : "section"), nullptr);
    const std::string text = k_first + ", and then some more words, to make a paragraph that scores.";
    for (int i = 0; i < 8; ++i) xmlNewTextChild(node, nullptr, BAD_CAST "p", BAD_CAST text.c_str());
    const std::string body = extract_body(doc.get(), Article{});
    EXPECT_NE(body.find(k_first), std::string::npos);
}

TEST(BodyStress, TwoHundredThousandParagraphsAreExtracted) {
    std::string html = "<html><body><article>";
    for (int i = 0; i < 200000; ++i) {
        html += "<p>Paragraph " + std::to_string(i) + ", with a comma and enough words to count as text.</p>";
    }
    html += "</article></body></html>";
    const std::string body = body_of(html);
    EXPECT_NE(body.find("Paragraph 0,"), std::string::npos);
    EXPECT_NE(body.find("Paragraph 199999,"), std::string::npos);
}

} // namespace
} // namespace oped::indexer
