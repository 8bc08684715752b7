// One author under many bylines, and the writer's bio line, through
// `oped index`, `oped authors`, the search API and the web pages: bylines
// that make one key count as one author in the facet, the filter and the
// author page; "Jon Smyth" stays another author; an aliases file merges and
// splits, and later runs keep it; a bio line is searchable by bio: only.

#include "support/corpus.hpp"
#include "support/pages.hpp"

#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string page(const std::string& slug, const std::string& byline, const std::string& site, const std::string& day,
                 const std::string& ending = {}) {
    // Prose of each page's own: pages sharing their text would be syndicated
    // copies of one piece, one result in a search.
    std::string body;
    for (const auto& paragraph : prose(slug)) body += "<p>" + paragraph + "</p>";
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>On the ferry, " + slug +
           "</title><link rel=\"canonical\" href=\"https://" + site + ".example/" + slug +
           "\"><meta property=\"og:site_name\" content=\"" + site + "\"><meta name=\"author\" content=\"" + byline +
           "\"><meta property=\"article:published_time\" content=\"" + day +
           "\"></head><body><article><h1>On the ferry, " + slug + "</h1>" + body + ending + "</article></body></html>";
}

class Authors : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(c.page_path("a1.html"), page("one", "Samuel Johnson", "Rambler", "1750-03-20"));
        write_file(c.page_path("a2.html"), page("two", "SAMUEL JOHNSON", "Idler", "1758-04-15"));
        write_file(c.page_path("a3.html"),
                   page("three", "Dr. Samuel Johnson", "Rambler", "1751-05-01",
                        "<p><em>The writer is a lexicographer and the author of a Dictionary.</em></p>"));
        write_file(c.page_path("a4.html"),
                   page("four", "By Samuel Johnson, Special to the Idler", "Idler", "1759-01-06"));
        write_file(c.page_path("s1.html"), page("five", "John A. Smith", "Ledger", "2020-01-01"));
        write_file(c.page_path("s2.html"), page("six", "John Smith", "Courier", "2020-02-01"));
        write_file(c.page_path("s3.html"), page("seven", "Jon Smyth", "Courier", "2020-03-01"));
        index();
    }
    void index(const std::vector<std::string>& extra = {}) const {
        const IndexRun r = c.index({}, extra);
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
    }
    // name -> articles, from `oped authors --json`.
    std::map<std::string, std::uint64_t> authors() const {
        const RunResult r = run_oped({"authors", "--json", "--db", c.db()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::map<std::string, std::uint64_t> out;
        for (const auto& a : json::parse(r.out)) out[a["name"]] = a["articles"];
        return out;
    }
    json search(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"search", "--json", "--db", c.db()};
        all.insert(all.end(), args.begin(), args.end());
        const RunResult r = run_oped(all);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }
    fs::path aliases(const std::string& text) const {
        const fs::path path = c.page_path("../aliases.txt");
        write_file(path, text);
        return path;
    }
    Corpus c;
};

TEST_F(Authors, BylinesOfOneKeyAreOneAuthorAndAnotherSpellingIsAnother) {
    const auto listed = authors();
    EXPECT_EQ(listed.at("Samuel Johnson"), 4U);
    // The one initialled John Smith takes the plain one; Jon Smyth is someone else.
    EXPECT_EQ(listed.at("John A. Smith"), 2U);
    EXPECT_EQ(listed.at("Jon Smyth"), 1U);
    EXPECT_EQ(listed.size(), 3U);
}

TEST_F(Authors, TheListNamesEveryBylineWithItsCount) {
    const RunResult r = run_oped({"authors", "--json", "--db", c.db()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json all = json::parse(r.out);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all[0]["name"], "Samuel Johnson") << "most articles first";
    std::uint64_t total = 0;
    for (const auto& b : all[0]["bylines"]) total += b["articles"].get<std::uint64_t>();
    EXPECT_EQ(total, 4U);
    EXPECT_GE(all[0]["bylines"].size(), 2U) << all[0].dump();
    const RunResult text = run_oped({"authors", "--db", c.db()});
    EXPECT_NE(text.out.find("Samuel Johnson"), std::string::npos) << text.out;
}

TEST_F(Authors, TheFacetAndTheFilterCountByAuthor) {
    const json reply = search({"ferry"});
    std::map<std::string, std::uint64_t> facet;
    for (const auto& v : reply["facets"]["author"]) facet[v["value"]] = v["count"];
    EXPECT_EQ(facet.at("Samuel Johnson"), 4U);
    EXPECT_EQ(facet.at("John A. Smith"), 2U);
    EXPECT_EQ(facet.at("Jon Smyth"), 1U);
    // Any byline of theirs filters to all of their articles.
    EXPECT_EQ(search({"--author", "Johnson, Samuel", "ferry"})["total"], 4);
    EXPECT_EQ(search({"--author", "DR. SAMUEL JOHNSON", "ferry"})["total"], 4);
    EXPECT_EQ(search({"--author", "John Smith", "ferry"})["total"], 2);
    EXPECT_EQ(search({"--author", "Jon Smyth", "ferry"})["total"], 1);
}

TEST_F(Authors, AnAliasesFileMergesAndSplitsAndLaterRunsKeepIt) {
    index({"--author-aliases", aliases("# one person\nJon Smyth = John A. Smith\n").string()});
    EXPECT_EQ(authors().at("John A. Smith"), 3U);
    index(); // without the option: the rules stay
    EXPECT_EQ(authors().at("John A. Smith"), 3U);
    index({"--author-aliases", aliases("John Smith != John A. Smith\n").string()});
    const auto listed = authors();
    EXPECT_EQ(listed.at("John A. Smith"), 1U);
    EXPECT_EQ(listed.at("John Smith"), 1U);
    EXPECT_EQ(listed.at("Jon Smyth"), 1U);
}

TEST_F(Authors, ABadAliasesFileIsRefusedNamingItsLineAndWritesNothing) {
    const IndexRun r = c.index({}, {"--author-aliases", aliases("John Smith = John A. Smith\nnonsense\n").string()});
    EXPECT_NE(r.run.exit_code, 0);
    EXPECT_NE(r.output().find("line 2"), std::string::npos) << r.output();
    EXPECT_EQ(authors().at("John A. Smith"), 2U);
}

TEST_F(Authors, TheBioIsSearchableByBioOnlyAndKeptOutOfTheBody) {
    const json bio = search({"bio:lexicographer"});
    ASSERT_EQ(bio["total"], 1);
    EXPECT_EQ(bio["results"][0]["author_bio"], "The writer is a lexicographer and the author of a Dictionary.");
    EXPECT_EQ(search({"has:bio"})["total"], 1);
    EXPECT_EQ(search({"lexicographer"})["total"], 0) << "the bio is not the article's text";
    EXPECT_TRUE(search({"ferry", "--author", "Jon Smyth"})["results"][0]["author_bio"].is_null());
}

TEST_F(Authors, TheAuthorPageListsBylinesOutletsAndTheLatestBio) {
    auto opened = searcher::Searcher::open(c.db());
    ASSERT_TRUE(opened) << opened.error().message;
    searcher::Searcher& s = opened.value();
    const http::Reply reply = http::handle_author_page("Johnson, Samuel", {}, s);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.body.find(R"(<h1 class="author-name">Samuel Johnson</h1>)"), std::string::npos);
    EXPECT_NE(reply.body.find("4 articles"), std::string::npos);
    EXPECT_NE(reply.body.find(R"(id="author-bylines")"), std::string::npos);
    EXPECT_NE(reply.body.find(R"(<span class="facet-name">Dr. Samuel Johnson</span>)"), std::string::npos)
        << reply.body;
    EXPECT_NE(reply.body.find(R"(<span class="facet-name">Rambler</span> <span class="facet-count">2<)"),
              std::string::npos);
    EXPECT_NE(reply.body.find(R"(<span class="facet-name">Idler</span> <span class="facet-count">2<)"),
              std::string::npos);
    EXPECT_NE(reply.body.find(R"(<p class="author-bio">The writer is a lexicographer)"), std::string::npos);
    // Jon Smyth's page is his alone.
    const http::Reply smyth = http::handle_author_page("Jon Smyth", {}, s);
    EXPECT_NE(smyth.body.find("1 article"), std::string::npos);
    EXPECT_EQ(smyth.body.find("John A. Smith</span>"), std::string::npos);
}

} // namespace
} // namespace oped::test
