// Updated and corrected pages through `oped index` and the API: has:correction
// finds the page with a correction notice (not the one that only says
// "correction" in its prose), the JSON carries `updated` and `corrections`,
// and the notice is searchable but kept out of the body and its snippets.

#include "support/corpus.hpp"

#include <oped/http/handlers.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string fixture(const std::string& name) { return read_file(fs::path(OPED_FIXTURES_DIR) / "revisions" / name); }

const std::string k_corrected = "https://courier.example.org/2024/03/12/the-ferry-vote";
const std::string k_plain = "https://courier.example.org/2024/03/12/the-ferry-schedule";

class UpdatedAndCorrected : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(c.page_path("corrected.html"), fixture("corrected.html"));
        write_file(c.page_path("plain.html"), fixture("plain.html"));
        const IndexRun r = c.index();
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
    }
    // Every copy: the two pages are one article, before and after its
    // correction, so they are one piece (copy_groups.hpp) with two results.
    json search(const std::string& query) const {
        const RunResult r = run_oped({"search", "--json", "--all-copies", "--db", c.db(), query});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }
    static std::vector<std::string> urls(const json& reply) {
        std::vector<std::string> out;
        for (const auto& hit : reply["results"]) out.push_back(hit["url"]);
        std::sort(out.begin(), out.end());
        return out;
    }
    Corpus c;
};

TEST_F(UpdatedAndCorrected, HasCorrectionFindsOnlyThePageWithANotice) {
    EXPECT_EQ(urls(search("ferry")), (std::vector<std::string>{k_plain, k_corrected}));
    EXPECT_EQ(urls(search("ferry has:correction")), (std::vector<std::string>{k_corrected}));
    EXPECT_EQ(urls(search("has:correction")), (std::vector<std::string>{k_corrected}));
    EXPECT_EQ(urls(search("has:Corrections")), (std::vector<std::string>{k_corrected}));
    EXPECT_EQ(urls(search("has:updated")), (std::vector<std::string>{k_corrected}));
}

TEST_F(UpdatedAndCorrected, TheResultsCarryUpdatedAndCorrections) {
    const json reply = search("ferry");
    ASSERT_EQ(reply["results"].size(), 2U);
    for (const auto& hit : reply["results"]) {
        if (hit["url"] == k_corrected) {
            EXPECT_EQ(hit["updated"], "2024-03-15T16:30:00+00:00");
            ASSERT_EQ(hit["corrections"].size(), 1U);
            EXPECT_NE(hit["corrections"][0].get<std::string>().find("misstated the tally"), std::string::npos);
        } else {
            EXPECT_TRUE(hit["updated"].is_null()) << "modified at the very time of publication";
            EXPECT_EQ(hit["corrections"], json::array()) << "\"correction\" in prose is no notice";
        }
    }
}

TEST_F(UpdatedAndCorrected, TheNoticeIsSearchableButNotInTheBodyOrSnippet) {
    const json reply = search("quinquereme");
    ASSERT_EQ(urls(reply), (std::vector<std::string>{k_corrected}));
    EXPECT_EQ(reply["results"][0]["snippet"].get<std::string>().find("quinquereme"), std::string::npos);
    EXPECT_EQ(urls(search("correction:quinquereme")), (std::vector<std::string>{k_corrected}));
    EXPECT_EQ(urls(search("correction:zephyrine")), std::vector<std::string>{}) << "body words are not notices";

    auto opened = searcher::Searcher::open(c.db());
    ASSERT_TRUE(opened) << opened.error().message;
    const http::Reply doc = http::handle_doc(reply["results"][0]["id"].get<std::string>(), opened.value());
    ASSERT_EQ(doc.status, 200) << doc.body;
    const json article = json::parse(doc.body);
    EXPECT_EQ(article["body"].get<std::string>().find("quinquereme"), std::string::npos);
    EXPECT_EQ(article["corrections"].size(), 1U);
    EXPECT_EQ(article["updated"], "2024-03-15T16:30:00+00:00");
}

} // namespace
} // namespace oped::test
