// Pages that are not what they claim, through `oped index` and `oped extract
// --json`: never a crash, a reason for every page refused, the good pages of
// the same run indexed, and an index that passes Xapian's check.

#include "support/corpus.hpp"
#include "support/gzip.hpp"

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

const fs::path k_bad = fs::path(OPED_FIXTURES_DIR) / "index" / "bad";
const std::string k_good_url = "https://example.org/good";

enum class Outcome { indexed, refused };

struct BadPage {
    const char* name;
    std::string file; // name in the run's folder
    std::string bytes;
    Outcome outcome;
    std::string code;                      // error code name when refused
    std::string reason;                    // part of the reason printed when refused
    std::string findable;                  // a word that must be searchable when indexed
    std::vector<std::string> extra_args;   // for both index and extract
    std::vector<std::string> index_args{}; // for index alone
};

bool crashed(const RunResult& r) {
    const std::string all = r.out + r.err;
    return r.exit_code >= 128 || all.find("Sanitizer") != std::string::npos ||
           all.find("runtime error") != std::string::npos;
}

// Index a folder holding the bad page and a good one; then extract the bad
// page alone. Every expectation of the row is checked.
void check_bad_page(const BadPage& row) {
    SCOPED_TRACE(row.name);
    Corpus c;
    c.add_page("good.html", "goodword", k_good_url);
    const auto bad_path = c.page_path(row.file);
    write_file(bad_path, row.bytes);

    std::vector<std::string> index_args = row.extra_args;
    index_args.insert(index_args.end(), row.index_args.begin(), row.index_args.end());
    const IndexRun r = c.index({}, index_args);
    ASSERT_FALSE(crashed(r.run)) << "exit " << r.run.exit_code << "\n" << r.output();
    ASSERT_TRUE(r.has_summary) << r.output();
    EXPECT_EQ(c.docs_with_id(k_good_url), 1u) << "the good page of the same run is indexed";
    EXPECT_EQ(c.matches("goodword"), 1u);
    if (row.outcome == Outcome::refused) {
        EXPECT_EQ(r.run.exit_code, 4) << r.output();
        EXPECT_EQ(r.counts.failed, 1u) << r.output();
        EXPECT_NE(r.output().find("failed: " + bad_path.string() + ": "), std::string::npos) << r.output();
        EXPECT_NE(r.output().find(row.reason), std::string::npos) << "reason '" << row.reason << "'\n" << r.output();
        EXPECT_NE(r.output().find("(" + row.code + " 1)"), std::string::npos) << r.output();
        EXPECT_EQ(c.docs_with_path(bad_path), 0u);
    } else {
        EXPECT_EQ(r.run.exit_code, 0) << r.output();
        EXPECT_EQ(c.docs_with_path(bad_path), 1u) << r.output();
        EXPECT_GE(c.matches(row.findable), 1u) << row.findable;
        const auto ids = postings(c.open(), schema::boolean_term(schema::prefix::path, bad_path.string()));
        if (!ids.empty()) {
            auto article = decode_docdata(c.open().get_document(ids.front()).get_data());
            ASSERT_TRUE(article);
            EXPECT_TRUE(text::is_valid_utf8(article.value().body)) << "stored text is valid UTF-8";
            EXPECT_TRUE(text::is_valid_utf8(article.value().title));
        }
    }
    EXPECT_EQ(check_report(c.db()), "");

    std::vector<std::string> args{"extract", "--json"};
    args.insert(args.end(), row.extra_args.begin(), row.extra_args.end());
    args.push_back(bad_path.string());
    const RunResult e = run_oped(args);
    ASSERT_FALSE(crashed(e)) << "extract: exit " << e.exit_code << "\n" << e.out << e.err;
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(e.out);
    } catch (const nlohmann::json::exception& ex) {
        FAIL() << "extract printed no JSON line: " << ex.what() << "\n" << e.out.substr(0, 500) << e.err;
    }
    if (row.outcome == Outcome::refused) {
        EXPECT_EQ(e.exit_code, 4) << e.out << e.err;
        EXPECT_EQ(j["error"]["code"], row.code) << j.dump();
        EXPECT_NE(j["error"]["message"].get<std::string>().find(row.reason), std::string::npos) << j.dump();
    } else {
        EXPECT_EQ(e.exit_code, 0) << e.err;
        EXPECT_FALSE(j.contains("error")) << j.dump().substr(0, 500);
        EXPECT_NE(j.value("body", "").find(row.findable), std::string::npos) << j.dump().substr(0, 500);
    }
}

std::string fixture(const std::string& name) { return read_file(k_bad / name); }

TEST(BadInput, SmallPagesAreRefusedWithAReasonOrIndexed) {
    const std::vector<BadPage> rows{
        {"an empty file",
         "empty.html",
         fixture("empty.html"),
         Outcome::refused,
         "empty_article",
         "file is empty",
         "",
         {}},
        {"PNG bytes named .html",
         "png-named.html",
         fixture("png-named.html"),
         Outcome::refused,
         "not_html",
         "binary content",
         "",
         {}},
        {"HTML cut off inside a tag keeps what it has",
         "truncated.html",
         fixture("truncated.html"),
         Outcome::indexed,
         "",
         "",
         "quietly",
         {}},
        {"a gzip cut in half",
         "truncated.html.gz",
         fixture("truncated.html.gz"),
         Outcome::refused,
         "not_html",
         "gzip",
         "",
         {}},
        {"a gzip that is not gzip",
         "not-gzip.html.gz",
         "<html><body><p>plain text</p></body></html>",
         Outcome::refused,
         "not_html",
         "gzip",
         "",
         {}},
        {"invalid UTF-8 bytes are replaced, the words kept",
         "invalid-utf8.html",
         fixture("invalid-utf8.html"),
         Outcome::indexed,
         "",
         "",
         "palimpsest",
         {}},
        // Regression (issue 8, item 15): refused as binary; the text after
        // the NUL must be kept, not cut where libxml2 stops.
        {"a NUL byte near the start is dropped, the words after it kept",
         "nul-bytes.html",
         fixture("nul-bytes.html"),
         Outcome::indexed,
         "",
         "",
         "padded",
         {}},
        {"random bytes over 0x7F are no article",
         "random-high-bytes.html",
         fixture("random-high-bytes.html"),
         Outcome::refused,
         "not_html",
         "no charset oped can tell",
         "",
         {}},
        {"a page of scripts only has no article",
         "scripts-only.html",
         fixture("scripts-only.html"),
         Outcome::refused,
         "empty_article",
         "no article text",
         "",
         {}},
    };
    for (const auto& row : rows) check_bad_page(row);
}

TEST(BadInput, ANulByteDeepInAPageDoesNotCrash) {
    // Past the 4 KiB the binary check reads: the parser meets the NUL.
    PageSpec spec = simple_spec("nulword");
    spec.paragraphs.insert(spec.paragraphs.begin(), std::string(5000, 'x'));
    std::string bytes = article_page(spec);
    bytes.insert(bytes.rfind("nulword") + 7, std::string("\0 after", 7));
    check_bad_page({"a NUL byte after 4 KiB", "late-nul.html", bytes, Outcome::indexed, "", "", "nulword", {}});
}

TEST(BadInput, HundredThousandNestedDivsDoNotOverflowTheStack) {
    std::string bytes =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Deep Nesting</title></head><body>"
        "<p>This page opens with a normal paragraph about the stratigraphy of old archives, "
        "and then, like a badly generated template, it nests one division inside another.</p>";
    for (int i = 0; i < 100000; ++i) bytes += "<div>";
    bytes += "<p>Bottom of the well.</p>";
    for (int i = 0; i < 100000; ++i) bytes += "</div>";
    bytes += "</body></html>";
    check_bad_page({"100,000 nested divs", "deep.html", bytes, Outcome::indexed, "", "", "stratigraphy", {}});
}

// Regression (issue 8, item 14): past 256 levels libxml2 stopped reading,
// and the page was indexed with an empty body, exit 0.
TEST(BadInput, ThreeHundredNestedDivsKeepTheirText) {
    std::string bytes = "<!DOCTYPE html><html lang=\"en\"><head><title>Nested Deep</title></head><body>";
    for (int i = 0; i < 300; ++i) bytes += "<div>";
    bytes += "<p>The wellbottom paragraph, three hundred divisions down, says what the page is about.</p>";
    for (int i = 0; i < 300; ++i) bytes += "</div>";
    bytes += "<p>And the aftermath paragraph follows all of them.</p></body></html>";
    check_bad_page({"300 nested divs", "nested.html", bytes, Outcome::indexed, "", "", "wellbottom", {}});
    check_bad_page({"300 nested divs, after them", "nested.html", bytes, Outcome::indexed, "", "", "aftermath", {}});
}

// Regression (issue 8, item 14): 200,000 attributes on one tag (1.9 MB)
// kept libxml2 busy for over a minute.
TEST(BadInput, TwoHundredThousandAttributesAreCapped) {
    std::string bytes = "<!DOCTYPE html><html lang=\"en\"><head><title>Attribute Flood</title></head><body><div";
    for (int i = 0; i < 200000; ++i) bytes += " d" + std::to_string(i) + "=1";
    bytes += "><p>The floodword paragraph sits inside a division with far too many attributes.</p></div></body></html>";
    check_bad_page({"200,000 attributes on one div", "flood.html", bytes, Outcome::indexed, "", "", "floodword", {}});
}

// A page of `bytes` size made of ordinary paragraphs.
std::string big_page(std::size_t bytes) {
    std::string page =
        "<!DOCTYPE html><html lang=\"en\"><head><title>A Very Large Page</title></head><body>"
        "<article><h1>A Very Large Page</h1>";
    const auto paragraphs = prose("colossal", 8);
    std::string block;
    for (const auto& p : paragraphs) block += "<p>" + p + "</p>\n";
    while (page.size() < bytes) page += block;
    page += "</article></body></html>";
    return page;
}

// Over the default --max-size of 20 MiB. The issue asks for 50 MB; 25 MB
// keeps both points (refused by default, indexed under a raised limit) at
// half the cost, which matters under AddressSanitizer on two cores.
constexpr std::size_t k_big_page_bytes = 25'000'000;

TEST(BadInput, APageOverTheDefaultSizeLimitIsRefused) {
    check_bad_page({"a 25 MB page with the default --max-size",
                    "huge.html",
                    big_page(k_big_page_bytes),
                    Outcome::refused,
                    "too_large",
                    "max-size",
                    "",
                    {}});
}

TEST(BadInput, APageUnderARaisedSizeLimitIsIndexed) {
    check_bad_page({"a 25 MB page with --max-size 30000000",
                    "huge.html",
                    big_page(k_big_page_bytes),
                    Outcome::indexed,
                    "",
                    "",
                    "colossal",
                    {"--max-size", "30000000"},
                    // The row is about the size limit, not memory. Under
                    // AddressSanitizer the worker's peak on this page is 4x a
                    // release build's (860 MB against 220 MB, /usr/bin/time),
                    // and it crossed the 1024 MiB default on a CI run.
                    {"--page-memory", "4096"}});
}

TEST(BadInput, AGzipBombIsRefusedWithoutUnpackingItAll) {
    const std::string packed = gzip(big_page(30'000'000));
    ASSERT_LT(packed.size(), 1'000'000u);
    check_bad_page({"30 MB unpacked from a small .gz, limit 20 MiB",
                    "bomb.html.gz",
                    packed,
                    Outcome::refused,
                    "too_large",
                    "max-size",
                    "",
                    {}});
}

} // namespace
} // namespace oped::test
