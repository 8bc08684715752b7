#include "support/temp_dir.hpp"

#include <oped/common/text.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace oped::test {
namespace {

TEST(ExtractCli, PrintsOneJsonLinePerFileInOrderEvenForFailures) {
    TempDir dir;
    write_file(dir / "a.html", "<html><head><title>First</title></head><body><p>Alpha text.</p></body></html>");
    write_file(dir / "b.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12));
    write_file(dir / "c.htm", "<html><head><title>Third</title></head><body><p>Gamma text.</p></body></html>");
    const RunResult r =
        run_oped({"extract", "--json", (dir / "a.html").string(), (dir / "b.html").string(), (dir / "c.htm").string()});
    EXPECT_EQ(r.exit_code, 4) << r.err;
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["title"], "First");
    EXPECT_TRUE(lines[1].contains("error"));
    EXPECT_EQ(lines[1]["error"]["code"], "not_html");
    EXPECT_EQ(lines[2]["title"], "Third");
}

TEST(ExtractCli, ExplainShowsEachFieldsChoiceAndItsCandidates) {
    TempDir dir;
    write_file(dir / "a.html",
               "<html><head><title>The Headline - Daily Paper</title></head><body><article><h1>The Headline</h1>"
               "<p>By Jane Roe</p><p>" +
                   std::string(60, 'w') +
                   " words of the article itself, long enough to be the body.</p>"
                   "</article></body></html>");
    const RunResult json = run_oped({"extract", "--json", "--explain", (dir / "a.html").string()});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const nlohmann::json line = nlohmann::json::parse(json.out);
    ASSERT_TRUE(line["explain"].is_array());
    bool saw_title = false, saw_body = false;
    for (const auto& field : line["explain"]) {
        if (field["field"] == "title") {
            saw_title = true;
            EXPECT_EQ(field["chosen"], line["title"]);
        }
        if (field["field"] == "body") {
            saw_body = true;
            EXPECT_FALSE(field["candidates"].empty());
            EXPECT_FALSE(field["reason"].get<std::string>().empty());
        }
    }
    EXPECT_TRUE(saw_title);
    EXPECT_TRUE(saw_body);

    const RunResult text = run_oped({"extract", "--explain", (dir / "a.html").string()});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("title: The Headline"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("because "), std::string::npos) << text.out;

    const RunResult plain = run_oped({"extract", "--json", (dir / "a.html").string()});
    EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("explain"));
}

// The excerpts --explain prints (the body's first 600 bytes, each body
// attempt's first 80) once ended inside a character: a real page
// (wcxb-dev 0040, "whether they\xE2\x80 ...") printed invalid UTF-8.
TEST(ExtractCli, ExplainCutsItsExcerptsBetweenCharacters) {
    TempDir dir;
    std::string words = "x";
    for (int i = 0; i < 120; ++i) words += "\xC3\xA9t\xC3\xA9 d\xC3\xA9j\xC3\xA0 ";
    write_file(dir / "a.html", "<html><head><title>Accents</title></head><body><article><h1>Accents</h1><p>" + words +
                                   "</p></article></body></html>");
    const RunResult text = run_oped({"extract", "--explain", (dir / "a.html").string()});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find(" ..."), std::string::npos) << "the body is long enough to be cut";
    EXPECT_TRUE(text::is_valid_utf8(text.out)) << text.out;
}

} // namespace
} // namespace oped::test
