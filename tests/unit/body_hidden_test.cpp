// Hidden content: which class tokens, attributes and styles hide an element,
// and when hidden or furniture-marked parts are kept because they are the page.

#include "body_ferry_text.hpp"

#include <oped/indexer/body.hpp>
#include <oped/indexer/body_classes.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

// Long enough for the strict first attempt (500 characters) to keep it.
const std::string k_article = test_text::k_ferry_paragraphs;
// A second part, in a box of its own.
const std::string k_second_part =
    "The board will review the timetable in October, when the winter crossings are planned, and may add a "
    "fourth boat if demand keeps growing, a spokesman said.";
// Prose with many commas, in several paragraphs.
const std::string k_article_two =
    "<p>In the winter, the crossing takes longer, the boats are older, and the queues, the captains say, are "
    "longer.</p><p>On Fridays, when the market is open, the first boat is full, the second is late, and the "
    "third, if it sails, is empty.</p><p>Still, the island, the town and the board agree, more or less, on the "
    "plan.</p>";
const std::string k_two_words = "In the winter, the crossing takes longer";
const std::string k_first_words = "The harbour board approved the new ferry timetable";
const std::string k_last_words = "asked for a heated shelter at the pier";

std::string body_of(const std::string& html) {
    XmlDocPtr doc = parse_html(html);
    return doc ? extract_body(doc.get(), Article{}) : std::string();
}

struct HiddenClassCase {
    const char* name;
    const char* class_attr;
    bool hidden;
};

std::ostream& operator<<(std::ostream& os, const HiddenClassCase& c) { return os << c.name; }

class BodyHiddenClass : public testing::TestWithParam<HiddenClassCase> {};

TEST_P(BodyHiddenClass, OnlyWholeTokensThatMeanHiddenHide) {
    EXPECT_EQ(body::is_hidden_class(GetParam().class_attr), GetParam().hidden) << GetParam().class_attr;
}

const HiddenClassCase k_hidden_class_cases[] = {
    {"hidden_alone", "hidden", true},
    {"hidden_among_other_tokens", "menu  hidden\tmobile", true},
    {"is_hidden", "panel is-hidden", true},
    {"visually_hidden", "visually-hidden", true},
    {"sr_only", "sr-only", true},
    {"screen_reader_text", "screen-reader-text", true},
    {"bootstrap_d_none", "d-none", true},
    {"a_library_namespace_before_hidden", "vjs-control vjs-hidden", true},
    {"overflow_hidden_hides_nothing", "relative overflow-hidden", false},
    {"overflow_x_hidden_hides_nothing", "overflow-x-hidden", false},
    {"field_label_hidden_hides_nothing", "field field--label-hidden", false},
    {"ad_hidden_wrapper_hides_nothing", "ad-hidden-wrapper", false},
    {"lazy_hidden_hides_nothing", "brxe-section bricks-lazy-hidden", false},
    {"hide_bottom_border_hides_nothing", "block-wrapper hide-bottom-border", false},
    {"tailwind_hidden_shown_from_md_up", "hidden md:block", false},
    {"bootstrap_d_none_shown_from_lg_up", "d-none d-lg-flex", false},
    {"no_class", "", false},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyHiddenClass, testing::ValuesIn(k_hidden_class_cases),
                         [](const auto& row) { return std::string(row.param.name); });

struct HiddenPageCase {
    const char* name;
    std::string html;
    std::vector<std::string> wanted;
    std::vector<std::string> unwanted;
};

std::ostream& operator<<(std::ostream& os, const HiddenPageCase& c) { return os << c.name; }

class BodyHiddenPage : public testing::TestWithParam<HiddenPageCase> {};

TEST_P(BodyHiddenPage, KeepsTheArticle) {
    const HiddenPageCase& c = GetParam();
    const std::string body = body_of(c.html);
    for (const auto& s : c.wanted) EXPECT_NE(body.find(s), std::string::npos) << "missing: " << s << "\n" << body;
    for (const auto& s : c.unwanted) EXPECT_EQ(body.find(s), std::string::npos) << "kept: " << s << "\n" << body;
}

const HiddenPageCase k_hidden_page_cases[] = {
    {"a_wrapper_with_overflow_hidden_is_read",
     "<html><body><div class='mx-auto overflow-hidden'><article><h1>Ferry timetable</h1>" + k_article +
         "</article></div></body></html>",
     {k_first_words, k_last_words},
     {}},
    {"a_drupal_field_label_hidden_is_read",
     "<html><body><div class='field field--name-body field--label-hidden'>" + k_article + "</div></body></html>",
     {k_first_words, k_last_words},
     {}},
    {"small_hidden_parts_go",
     "<html><body><article><h1>Ferry timetable</h1>" + k_article +
         "<div class='hidden'>Mobile menu text</div><p hidden>Attribute hidden text</p>"
         "<span class='sr-only'>Opens in a new window</span><div aria-hidden='true'>Decorative text</div>"
         "<div style='display: none'>Inline none text</div></article></body></html>",
     {k_first_words},
     {"Mobile menu text", "Attribute hidden text", "Opens in a new window", "Decorative text", "Inline none text"}},
    {"a_hidden_wrapper_holding_the_whole_page_is_kept",
     "<html><body><div class='root hide'><nav>Home News</nav><main><h1>Ferry timetable</h1>" + k_article +
         "</main></div></body></html>",
     {k_first_words, k_last_words},
     {"Home News"}},
    {"a_hidden_part_without_the_headline_goes_even_when_long",
     "<html><body><article><h1>Ferry timetable</h1><p>A short visible introduction to the page.</p>"
     "<div style='visibility:hidden'>" +
         k_article + "</div></article></body></html>",
     {"A short visible introduction"},
     {k_first_words}},
    {"react_streamed_segments_are_read",
     "<html><body><div>Loading...</div><div hidden id='S:0'><article><h1>Ferry timetable</h1>" + k_article +
         "</article></div></body></html>",
     {k_first_words, k_last_words},
     {}},
    {"a_menu_that_swallowed_the_page_is_entered",
     "<html><body><nav><ul><li class='menu-item'><a href='/'>Home</a><div class='menu-dropdown'>"
     "<main><h1>Ferry timetable</h1>" +
         k_article + "</main></div></li></ul></nav></body></html>",
     {k_first_words, k_last_words},
     {}},
    {"a_long_caption_list_marked_unlikely_still_goes",
     "<html><body><article><h1>Ferry timetable</h1>" + k_article + "</article><ul class='legends'>" +
         [] {
             std::string items;
             for (int i = 0; i < 20; ++i) items += "<li><p>A gallery caption, one of many, about a photo.</p></li>";
             return items;
         }() +
         "</ul></body></html>",
     {k_first_words},
     {"A gallery caption"}},
    {"page_builder_widget_blocks_are_read",
     "<html><body><article><h1>Ferry timetable</h1><div class='elementor-widget elementor-widget-text-editor'>" +
         k_article + "</div><div class='c-product-widget'><p>" + k_second_part +
         "</p></div></article><div class='widget widget_recent_entries'><ul><li><a href='/a'>Other "
         "story</a></li></ul></div></body></html>",
     {k_first_words, k_last_words, k_second_part},
     {"Other story"}},
    {"prose_in_a_negatively_classed_block_is_kept",
     "<html><body><article><h1>Ferry timetable</h1>" + k_article + "<div class='media-meta-block'>" + k_article_two +
         "</div></article></body></html>",
     {k_first_words, k_two_words},
     {}},
    {"a_sign_up_form_in_the_article_goes",
     "<html><body><article><h1>Ferry timetable</h1>" + k_article +
         "<form action='/join'><h3>Request our free guide</h3><p>Fill out the form to get a copy of our guide to "
         "the harbour.</p><label>First name</label><label>Email</label></form></article></body></html>",
     {k_first_words, k_last_words},
     {"Request our free guide", "Fill out the form", "First name"}},
    {"a_form_wrapping_the_whole_page_is_read",
     "<html><body><form action='/page.aspx' method='post'><div class='header'>Site</div><main><h1>Ferry "
     "timetable</h1>" +
         k_article + "</main></form></body></html>",
     {k_first_words, k_last_words},
     {}},
    {"a_second_html_root_is_read",
     "<html><head><title>Ferry</title></head><body><div>Site header</div></body></html>"
     "<html><body><article><h1>Ferry timetable</h1>" +
         k_article + "</article></body></html>",
     {k_first_words, k_last_words},
     {}},
};

INSTANTIATE_TEST_SUITE_P(Body, BodyHiddenPage, testing::ValuesIn(k_hidden_page_cases),
                         [](const auto& row) { return std::string(row.param.name); });

} // namespace
} // namespace oped::indexer
