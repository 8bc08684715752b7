// What a page says about its revisions: the "Updated" date (only a day or
// more after the publication) and correction notices, kept out of the body.

#include <oped/indexer/extract.hpp>
#include <oped/indexer/revisions.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

const std::string k_para =
    "<p>The council met on Tuesday to weigh the zoning ordinance, and the hearing ran long "
    "into the evening as neighbours lined up to speak for and against the plan.</p>";

std::string prose() { return k_para + k_para + k_para + k_para + k_para; }

std::string page(const std::string& head, const std::string& body) {
    return "<html><head><title>A Headline</title>" + head + "</head><body><article><h1>A Headline</h1>" + body +
           "</article></body></html>";
}

std::string jsonld(const std::string& published, const std::string& modified) {
    return R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"A Headline","datePublished":")" +
           published + R"(","dateModified":")" + modified + R"("}</script>)";
}

Article extract(const std::string& html) {
    auto a = extract_article(html, "/p.html");
    EXPECT_TRUE(a) << a.error().message;
    return a ? a.value() : Article{};
}

struct UpdatedRow {
    const char* name;
    std::string html;
    const char* expected;
};

TEST(PickUpdated, Table) {
    const UpdatedRow rows[] = {
        {"a declared modification days after the publication", page(jsonld("2020-03-03", "2020-03-06"), prose()),
         "2020-03-06"},
        {"article:modified_time a day later",
         page(R"(<meta property="article:published_time" content="2020-03-03T09:00:00Z">)"
              R"(<meta property="article:modified_time" content="2020-03-04T10:00:00Z">)",
              prose()),
         "2020-03-04T10:00:00+00:00"},
        {"a modified date equal to the published date", page(jsonld("2020-03-03", "2020-03-03"), prose()), ""},
        {"a modification hours later, past midnight UTC, is under a day",
         page(jsonld("2020-03-03T20:00:00-05:00", "2020-03-04T03:00:00Z"), prose()), ""},
        {"a modification before the publication", page(jsonld("2020-03-03", "2019-12-01"), prose()), ""},
        {"no publication date: nothing to be later than", page(jsonld("", "2020-03-06"), prose()), ""},
        {"an \"Updated\" line under the headline",
         page("", "<p class=meta>March 3, 2020</p><p>Updated March 5, 2020</p>" + prose()), "2020-03-05"},
        {"\"Published ... Updated ...\" on one line",
         page("", "<p class=meta>Published March 3, 2020. Updated March 9, 2020</p>" + prose()), "2020-03-09"},
        {"the shown update wins over the declared one",
         page(jsonld("2020-03-03", "2021-01-01"), "<p>Updated March 5, 2020</p>" + prose()), "2020-03-05"},
        {"an \"Updated\" date in the comments is not the article's",
         page(jsonld("2020-03-03", "2020-03-03"), prose() + "<div class=comments><p>Updated April 2, 2020</p></div>"),
         ""},
    };
    for (const auto& row : rows) EXPECT_EQ(extract(row.html).updated, row.expected) << row.name;
}

struct NoticeRow {
    const char* text;
    bool notice;
    bool strong_only = false;
};

TEST(CorrectionNotice, Table) {
    const NoticeRow rows[] = {
        {"Correction: An earlier version of this article misstated the year of the vote.", true},
        {"Correction, Nov. 11, 2022: The article misnamed the town where the hearing was held.", true},
        {"CORRECTIONS: The council has seven members, not nine.", true},
        {"Clarification: The mayor spoke before the vote, not after it.", true},
        {"An earlier version of this column gave the wrong date of the vote.", true},
        {"A previous version of this story misidentified the councillor.", true},
        {"This article has been updated to include a response from the mayor.", true},
        {"This article was amended on 8 December 2025. An earlier version said the line ran to Siberia.", true},
        {"Editor\xE2\x80\x99s note: This story was corrected to fix a quotation.", true},
        {"Editor's note, Nov. 11, 2022: A quotation in an earlier edition was corrected.", true},
        {"*Update, May 3: This story has been updated with the final count.", true},
        {"An earlier version of this article misstated the year.", true, true},
        // Negatives: the word in ordinary prose, other editor's notes.
        {"The market correction in March wiped out a year of gains for small investors.", false},
        {"Corrections officers said the prison had been understaffed for years.", false},
        {"Correctional facilities: a report on overcrowding in the state's prisons.", false},
        {"An earlier version of the bill passed the House last spring.", false},
        {"This interview has been edited for length and clarity.", false},
        {"Editor's note: This article first appeared in the May issue of the magazine.", false},
        {"Asking for help, clarification, or responding to other answers.", false},
        {"Correction:", false},
        {"Correction: you meant 1788, not 1787, in the third paragraph.", false, true},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(!correction_notice(row.text, row.strong_only).empty(), row.notice) << row.text;
    }
}

TEST(CorrectionNotices, AreTakenOutOfTheBodyAndKept) {
    const std::string notice = "Correction: An earlier version of this article misstated the hearing's date.";
    const Article a = extract(page("", prose() + "<p><em>" + notice + "</em></p>"));
    ASSERT_EQ(a.corrections.size(), 1U);
    EXPECT_EQ(a.corrections[0], notice);
    EXPECT_EQ(a.body.find("misstated"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("zoning ordinance"), std::string::npos);
}

TEST(CorrectionNotices, TheSentenceFormCountsInAFooter) {
    const std::string notice = "This article was amended on 8 December 2025 to correct the name of the ward.";
    const Article a = extract(page("", prose() + "<footer><p>" + notice + "</p></footer>"));
    ASSERT_EQ(a.corrections.size(), 1U);
    EXPECT_EQ(a.corrections[0], notice);
}

TEST(CorrectionNotices, ACommentersCorrectionIsNotTheArticles) {
    const Article a = extract(page(
        "", prose() + "<div class=comments><p>Correction: the ward is the ninth, not the fifth, you fools.</p></div>"));
    EXPECT_TRUE(a.corrections.empty());
}

TEST(CorrectionNotices, TheWordInProseIsNoNotice) {
    const Article a = extract(page("", prose() + "<p>Correction officers at the county jail say the correction of "
                                                 "the schedule came too late for the night shift.</p>"));
    EXPECT_TRUE(a.corrections.empty());
    EXPECT_NE(a.body.find("Correction officers"), std::string::npos);
}

TEST(CorrectionNotices, SplitKeepsEachNoticeOnce) {
    std::vector<std::string> corrections{"Correction: The vote was 5-4."};
    std::string body = "First paragraph.\n\nCorrection: The vote was 5-4.\n\nLast paragraph.";
    split_corrections(body, corrections);
    EXPECT_EQ(body, "First paragraph.\n\nLast paragraph.");
    EXPECT_EQ(corrections.size(), 1U);
}

} // namespace
} // namespace oped::indexer
