// The end of the article: the run of teasers after the text is cut.

#include "body_ferry_text.hpp"

#include <oped/indexer/bio.hpp>
#include <oped/indexer/body.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

// Over the 1,000 characters the tail trim always leaves.
const std::string k_text =
    test_text::k_ferry_paragraphs +
    "<p>The board will review the timetable in October, when the winter crossings are planned, and may add a "
    "fourth boat if demand keeps growing, a spokesman said.</p>"
    "<p>Fares will not change this year, the board added, though a new monthly pass for students is being "
    "discussed with the university and the two colleges in town.</p>"
    "<p>Local shops near the pier expect more custom in the evenings, and two cafes have already said they "
    "will stay open until the last boat leaves.</p>"
    "<p>The island council, for its part, wants the board to publish how full each boat is, so that "
    "passengers can choose a quieter crossing.</p>"
    "<p>The first boats on the new timetable sail on the first Monday of May.</p>";
const std::string k_last_words = "The first boats on the new timetable sail";

struct TailCase {
    const char* name;
    std::string tail;
    std::vector<std::string> wanted;
    std::vector<std::string> unwanted;
    std::vector<std::string> authors = {};
};

std::ostream& operator<<(std::ostream& os, const TailCase& c) { return os << c.name; }

class BodyTail : public testing::TestWithParam<TailCase> {};

TEST_P(BodyTail, CutsTheTeasersAfterTheText) {
    const TailCase& c = GetParam();
    Article meta;
    meta.authors = c.authors;
    XmlDocPtr doc =
        parse_html("<html><body><article><h1>Ferry timetable</h1>" + k_text + c.tail + "</article></body></html>");
    ASSERT_TRUE(doc);
    const std::string body = extract_body(doc.get(), meta);
    EXPECT_NE(body.find(k_last_words), std::string::npos) << body;
    for (const auto& s : c.wanted) EXPECT_NE(body.find(s), std::string::npos) << "missing: " << s << "\n" << body;
    for (const auto& s : c.unwanted) EXPECT_EQ(body.find(s), std::string::npos) << "kept: " << s << "\n" << body;
}

const TailCase k_tail_cases[] = {
    {"a_newsletter_call_goes", "<p>Sign up for our morning newsletter and never miss a story.</p>", {}, {"Sign up"}},
    {"a_trailing_label_and_its_links_go",
     "<h3>You might like</h3><p><a href='/a'>Tram line delayed again</a></p><p><a href='/b'>New bridge "
     "opens</a></p>",
     {},
     {"You might like", "Tram line delayed", "New bridge opens"}},
    {"short_lines_that_are_no_sentence_go", "<p>Newsletters</p><p>SHARE</p><p>Post a comment</p>", {}, {"SHARE"}},
    // A bio line is left for split_bio (bio.hpp), which takes it out of the
    // text into author_bio: see TheAuthorsBioLineLeavesTheTextAsItsBio.
    {"an_authors_bio_line_stays_for_split_bio",
     "<p>Jane Doe is a transport reporter who has covered the harbour for ten years.</p>",
     {"Jane Doe is a transport reporter"},
     {},
     {"Jane Doe"}},
    {"an_author_box_naming_the_author_by_first_name_goes",
     "<p>Jane has been a transport reporter for ten years and lives by the harbour.</p>",
     {},
     {"transport reporter"},
     {"Jane Doe"}},
    {"an_opinion_disclaimer_goes",
     "<p>Image source: the harbour board</p><p>Note: The views expressed in this column are the writer's own and "
     "do not necessarily reflect those of the Island Gazette.</p>",
     {},
     {"views expressed", "Image source"}},
    {"a_french_opinion_disclaimer_goes",
     "<p>Les opinions exprimées dans cette tribune n'engagent que leur auteur.</p>",
     {},
     {"engagent"}},
    // A long closing paragraph that mentions views is the writer's own text.
    {"a_closing_paragraph_on_views_expressed_stays",
     "<p>The views expressed at the meeting ranged from delight to anger: some islanders said the new boats "
     "would bring the tourists the town needs, others that the pier could not take more traffic, and the "
     "chairman promised a second meeting before the summer, with the board's engineers there to answer "
     "questions about the pier, the car park and the noise from the engines late at night.</p>",
     {"The views expressed at the meeting"},
     {}},
    {"a_closing_sentence_on_someone_with_a_like_name_stays",
     "<p>Janet has sold tickets at the pier since 1990.</p>",
     {"Janet has sold tickets"},
     {},
     {"Jane Doe"}},
    {"a_closing_sentence_stays", "<p>Tickets go on sale next week.</p>", {"Tickets go on sale next week."}, {}},
    {"a_closing_cjk_sentence_stays", "<p>新时刻表五月生效。</p>", {"新时刻表五月生效。"}, {}},
    {"a_teaser_before_the_last_sentence_stays",
     "<p>Share this story with a friend.</p><p>Tickets go on sale next week.</p>",
     {"Share this story with a friend.", "Tickets go on sale next week."},
     {}},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyTail, testing::ValuesIn(k_tail_cases),
                         [](const auto& row) { return std::string(row.param.name); });

TEST(BodyTail, TheAuthorsBioLineLeavesTheTextAsItsBio) {
    // As extract_article does: the body, then its bio line split off.
    Article meta;
    meta.authors = {"Jane Doe"};
    XmlDocPtr doc = parse_html("<html><body><article><h1>Ferry timetable</h1>" + k_text +
                               "<p>Jane Doe is a transport reporter who has covered the harbour for ten "
                               "years.</p></article></body></html>");
    ASSERT_TRUE(doc);
    std::string body = extract_body(doc.get(), meta);
    std::string bio;
    split_bio(body, meta.authors, bio);
    EXPECT_EQ(bio, "Jane Doe is a transport reporter who has covered the harbour for ten years.");
    EXPECT_EQ(body.find("transport reporter"), std::string::npos) << body;
    EXPECT_NE(body.find(k_last_words), std::string::npos) << body;
}

TEST(BodyTail, AShortArticleKeepsItsLastLines) {
    XmlDocPtr doc = parse_html(
        "<html><body><article><p>The ferry board met on Monday to discuss timetables, "
        "fares and the winter crossings, and agreed on nothing.</p><p>More soon</p>"
        "<h2>Next meeting</h2></article></body></html>");
    ASSERT_TRUE(doc);
    const std::string body = extract_body(doc.get(), Article{});
    EXPECT_NE(body.find("More soon"), std::string::npos) << body;
    EXPECT_NE(body.find("Next meeting"), std::string::npos) << body;
}

} // namespace
} // namespace oped::indexer
