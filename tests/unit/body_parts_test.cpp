// An article split into parts by boxes between them, each part a block of
// one kind in its own wrapper: the parts are taken together.

#include "body_ferry_text.hpp"

#include <oped/indexer/body.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

std::string row(const std::string& inner) {
    return "<div class='row layout'><div class='col-12'><div class='wrapper'>" + inner + "</div></div></div>";
}

std::string text_block(const std::string& paragraphs) {
    return row("<div class='text-block'>" + paragraphs + "</div>");
}

const std::string k_intro = text_block(
    "<p>Commuters will have to wait until spring for the heated shelter, the board "
    "said, because the pier must first be repaired.</p>"
    "<p>The shelter, a glass room with benches for forty people, will cost less "
    "than the repairs, which are paid for by the port.</p>");
const std::string k_main = text_block(test_text::k_ferry_paragraphs);
const std::string k_quote_box =
    row("<blockquote>We waited in the rain for years, said one commuter, and now we will wait in a glass "
        "room.</blockquote>");
const std::string k_photo_box = row("<figure><img src='pier.jpg' alt=''><figcaption>The pier</figcaption></figure>");
const std::string k_closing = text_block(
    "<p>The board will review the timetable again in October, when the winter "
    "crossings are planned, and may add a fourth boat.</p>"
    "<p>Fares will not change this year, though a monthly pass for students is "
    "being discussed with the university.</p>");
const std::string k_small_print =
    "<div class='legal'>" +
    text_block(
        "<p>All material on this site is provided for information only and may be reused with "
        "permission, within the limits set out in our terms, which may change at any time.</p>") +
    "</div>";

// A page builder's sections: the same classes but for each one's own id, and
// the text nested deep inside each.
std::string section(const std::string& id, const std::string& inner) {
    return "<div class='builder-element builder-element-" + id +
           " builder-flex builder-container'><div class='builder-inner'><div class='builder-column'>"
           "<div class='builder-widget'><div class='builder-widget-container'><div class='builder-text'>" +
           inner + "</div></div></div></div></div></div>";
}

const std::string k_opening_section =
    section("7f3a",
            "<p>For two years the island's commuters have stood on the pier in the dark, in the rain and in the "
            "wind, waiting for boats that were full before they reached them.</p>"
            "<p>That is to change. The board's plan, drawn up with the unions and the port, adds boats in the "
            "morning, moves the last crossing later and promises a shelter, though not before the spring.</p>"
            "<p>Here is what the new timetable means for those who cross every day, from the first boat to "
            "the last, and what it leaves for later: the fares, the shelter and the winter crossings.</p>");
const std::string k_main_section = section("c21b", test_text::k_ferry_paragraphs +
                                                       "<p>The board will review the timetable again in October, "
                                                       "when the winter crossings are planned.</p>");
const std::string k_bio_section =
    section("9e04",
            "<p>Ann Lee covers transport and the harbour for the paper, and before that covered the "
            "city council for six years.</p>");

struct PartsCase {
    const char* name;
    std::string page;
    std::vector<std::string> wanted;
    std::vector<std::string> unwanted;
};

std::ostream& operator<<(std::ostream& os, const PartsCase& c) { return os << c.name; }

class BodyParts : public testing::TestWithParam<PartsCase> {};

TEST_P(BodyParts, TakesTheArticlesPartsTogether) {
    const PartsCase& c = GetParam();
    XmlDocPtr doc =
        parse_html("<html><body><h1>Ferry timetable</h1><div class='page'>" + c.page + "</div></body></html>");
    ASSERT_TRUE(doc);
    const std::string body = extract_body(doc.get(), Article{});
    for (const auto& s : c.wanted) EXPECT_NE(body.find(s), std::string::npos) << "missing: " << s << "\n" << body;
    for (const auto& s : c.unwanted) EXPECT_EQ(body.find(s), std::string::npos) << "kept: " << s << "\n" << body;
}

const PartsCase k_parts_cases[] = {
    {"parts_split_by_a_quote_and_a_photo_are_joined",
     k_intro + k_quote_box + k_main + k_photo_box + k_closing,
     {"Commuters will have to wait", "The harbour board approved", "The board will review"},
     {}},
    {"one_block_of_the_same_kind_in_the_footer_stays_out",
     k_main + "<div class='site-end'>" + k_small_print + "</div>",
     {"The harbour board approved"},
     {"All material on this site"}},
    {"a_page_builders_section_holding_the_opening_is_joined",
     k_opening_section + k_main_section,
     {"For two years the island", "The harbour board approved", "The board will review"},
     {}},
    {"a_page_builders_section_holding_one_box_stays_out",
     k_opening_section + k_main_section + k_bio_section,
     {"For two years the island", "The harbour board approved"},
     {"Ann Lee covers transport"}},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyParts, testing::ValuesIn(k_parts_cases),
                         [](const auto& row) { return std::string(row.param.name); });

} // namespace
} // namespace oped::indexer
