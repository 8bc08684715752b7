#include <oped/common/docdata.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped {
namespace {

Article full_article() {
    Article a;
    a.path = "/archive/2021/zoning.html";
    a.url = "https://ledger.example/opinion/zoning";
    a.title = "Zoning Reform Can Fix the Housing Shortage";
    a.authors = {"Jane Doe", "Omar Haddad"};
    a.published = "2021-03-04";
    a.modified = "2021-03-05T10:00:00+00:00";
    a.site = "The Example Ledger";
    a.section = "Opinion";
    a.tags = {"Housing", "Zoning"};
    a.description = "A case for building more homes.";
    a.language = "en";
    a.body = "First paragraph.\n\nSecond paragraph, with a comma.";
    return a;
}

TEST(DocData, RoundTrips) {
    struct Row {
        const char* name;
        Article article;
    };
    Article empty_lists = full_article();
    empty_lists.authors.clear();
    empty_lists.tags.clear();
    Article binaryish = full_article();
    binaryish.body = std::string("nul \0 inside, and \x1f unit separators", 36);
    binaryish.title = "\xE8\x82\x96\xE6\x98\xA5\xE8\x8A\xB3 \xF0\x9F\x98\x80";
    Article big = full_article();
    big.body = std::string(300000, 'w');
    big.authors = std::vector<std::string>(1000, "Same Name");
    Article listing = full_article();
    listing.type = "listing";
    Article corrected = full_article();
    corrected.updated = "2021-03-09";
    corrected.corrections = {"Correction: An earlier version misstated the vote.", "Clarification: the date."};
    Article letter = full_article();
    letter.genre = "letter";
    Article with_bio = full_article();
    with_bio.author_bio = "The writer is a professor of law.";
    const std::vector<Row> rows{
        {"a bio line", with_bio},
        {"a genre", letter},
        {"an updated date and corrections", corrected},
        {"a page type", listing},
        {"every field set", full_article()},
        {"an empty article", Article{}},
        {"empty author and tag lists", empty_lists},
        {"NULs, separators and non-ASCII text", binaryish},
        {"a long body and a thousand authors", big},
    };
    for (const auto& row : rows) {
        auto decoded = decode_docdata(encode_docdata(row.article));
        ASSERT_TRUE(decoded) << row.name << ": " << decoded.error().message;
        EXPECT_EQ(decoded.value(), row.article) << row.name;
    }
}

TEST(DocData, EveryTruncationIsAnErrorNeverACrash) {
    const std::string data = encode_docdata(full_article());
    for (std::size_t n = 0; n < data.size(); ++n) {
        auto decoded = decode_docdata(std::string_view(data).substr(0, n));
        EXPECT_FALSE(decoded) << "cut at " << n << " of " << data.size();
    }
}

TEST(DocData, RefusesWhatItDidNotWrite) {
    struct Row {
        const char* name;
        std::string data;
        ErrorCode expected;
    };
    std::string huge_count = encode_docdata(full_article());
    const std::vector<Row> rows{
        {"empty data", "", ErrorCode::schema_mismatch},
        {"another format tag", "oped9" + encode_docdata(full_article()).substr(5), ErrorCode::schema_mismatch},
        {"plain text", "just some text", ErrorCode::schema_mismatch},
        {"the tag and nothing else", "oped1", ErrorCode::index_corrupt},
        {"a field length past the end", std::string("oped1\xff\xff\xff\x7f", 9) + "abc", ErrorCode::index_corrupt},
    };
    for (const auto& row : rows) {
        auto decoded = decode_docdata(row.data);
        ASSERT_FALSE(decoded) << row.name;
        EXPECT_EQ(decoded.error().code, row.expected) << row.name;
    }
}

TEST(DocData, IgnoresFieldsAddedAfterTheKnownOnes) {
    // A newer writer may append fields; this reader keeps working.
    std::string data = encode_docdata(full_article());
    data += std::string("\x03\0\0\0new", 7);
    auto decoded = decode_docdata(data);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded.value(), full_article());
}

TEST(DocData, ReadsDocumentsWrittenBeforeThePageType) {
    // Such documents end with the body; they read back with no type (an article).
    Article typed = full_article();
    typed.type = "other";
    std::string fields = encode_article(full_article());
    // After the body: an empty type, crawl date and updated date, an empty
    // list of corrections, no genre and no bio line.
    const std::string later_fields = std::string(12, '\0') +
                                     std::string(
                                         "\x01\0\0\0"
                                         "0",
                                         5) +
                                     std::string(8, '\0');
    ASSERT_EQ(fields.substr(fields.size() - later_fields.size()), later_fields) << "the fields after the body";
    fields.resize(fields.size() - later_fields.size());
    auto decoded = decode_docdata("oped1" + fields);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value(), full_article());
    EXPECT_EQ(decoded.value().type, "");
    EXPECT_EQ(decode_article(encode_article(typed)).value(), typed);
}

TEST(DocData, ReadsDocumentsWrittenBeforeUpdatedAndCorrections) {
    // Schema 4's documents end with the crawl date: no updated date, no
    // corrections, no genre, no bio line.
    Article old = full_article();
    old.crawl_date = "2024-01-02";
    std::string fields = encode_article(old);
    const std::string later_fields = std::string(4, '\0') +
                                     std::string(
                                         "\x01\0\0\0"
                                         "0",
                                         5) +
                                     std::string(8, '\0');
    ASSERT_EQ(fields.substr(fields.size() - later_fields.size()), later_fields);
    fields.resize(fields.size() - later_fields.size());
    auto decoded = decode_docdata("oped1" + fields);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value(), old);
    EXPECT_TRUE(decoded.value().updated.empty());
    EXPECT_TRUE(decoded.value().corrections.empty());
}

TEST(DocData, ReadsDocumentsWrittenBeforeTheGenre) {
    // Schema 5's documents end with the corrections: they read back with no
    // genre and no bio line.
    Article old = full_article();
    old.corrections = {"Correction: the date."};
    std::string fields = encode_article(old);
    ASSERT_EQ(fields.substr(fields.size() - 8), std::string(8, '\0')) << "an empty genre and bio line last";
    fields.resize(fields.size() - 8);
    auto decoded = decode_docdata("oped1" + fields);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value(), old);
    EXPECT_TRUE(decoded.value().genre.empty());
}

TEST(DocData, ReadsDocumentsWrittenBeforeTheBioLine) {
    // Documents with a genre and no bio line end with the genre: they read
    // back with no bio line.
    Article old = full_article();
    old.corrections = {"Correction: the date."};
    old.genre = "opinion";
    std::string fields = encode_article(old);
    ASSERT_EQ(fields.substr(fields.size() - 4), std::string(4, '\0')) << "an empty bio line last";
    fields.resize(fields.size() - 4);
    auto decoded = decode_docdata("oped1" + fields);
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value(), old);
    EXPECT_TRUE(decoded.value().author_bio.empty());
    Article with_bio = old;
    with_bio.author_bio = "The writer is a professor of law.";
    EXPECT_EQ(decode_docdata(encode_docdata(with_bio)).value(), with_bio);
}

TEST(DocData, RefusesAListCountThatIsNotANumber) {
    // Build by hand: path, url, title, then an author count of "x1".
    auto field = [](std::string_view s) {
        std::string out;
        const auto n = static_cast<std::uint32_t>(s.size());
        for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
        out += s;
        return out;
    };
    const std::string data = "oped1" + field("/p") + field("u") + field("t") + field("x1");
    EXPECT_FALSE(decode_docdata(data));
    const std::string too_many = "oped1" + field("/p") + field("u") + field("t") + field("9999999");
    EXPECT_FALSE(decode_docdata(too_many));
}

} // namespace
} // namespace oped
