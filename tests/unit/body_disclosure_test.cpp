// Affiliate disclosures ("This post contains affiliate links...") are no part
// of the article, wherever the page puts them in it.

#include <oped/indexer/body_trim.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace oped::indexer {
namespace {

const std::string k_text =
    "The harbour board approved the new ferry timetable on Monday, after two years of complaints from "
    "commuters who said the morning boats were always full.";

struct DisclosureCase {
    const char* name;
    std::string block;
    bool kept;
};

std::ostream& operator<<(std::ostream& os, const DisclosureCase& c) { return os << c.name; }

class BodyDisclosure : public testing::TestWithParam<DisclosureCase> {};

TEST_P(BodyDisclosure, RemovesAffiliateNotesOnly) {
    const DisclosureCase& c = GetParam();
    XmlDocPtr doc = parse_html("<html><body><div id=a>" + c.block + "<p>" + k_text + "</p></div></body></html>");
    ASSERT_TRUE(doc);
    xmlNode* root = find_first(root_element(doc.get()), "div");
    body::remove_link_lists(root);
    const std::string left = visible_text(root);
    EXPECT_NE(left.find(k_text), std::string::npos) << left;
    EXPECT_EQ(left.find("links") != std::string::npos || left.find("commission") != std::string::npos, c.kept) << left;
}

const DisclosureCase k_cases[] = {
    {"an_affiliate_note_goes", "<p>This post may contain affiliate links. Read my full disclosure.</p>", false},
    {"a_commission_note_goes",
     "<div>Purchases made through our links may earn us a small commission, at no extra cost to you.</div>", false},
    {"a_compensation_note_goes", "<p>Purchases made through these links may provide compensation to us.</p>", false},
    {"commission_in_the_story_stays", "<p>The commission will publish the links between the two boards.</p>", true},
    {"a_list_item_stays", "<ul><li>Growth plan: affiliate links, a commission report and more</li></ul>", true},
    {"a_long_paragraph_stays",
     "<p>Readers asked how the board pays for the crossings. " + std::string(300, 'x') +
         " Some of it comes from affiliate links on the ticket site.</p>",
     true},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyDisclosure, testing::ValuesIn(k_cases),
                         [](const auto& row) { return std::string(row.param.name); });

} // namespace
} // namespace oped::indexer
