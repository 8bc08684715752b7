#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::schema {
namespace {

std::string repeat(std::string_view unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

TEST(BooleanTerm, KeepsShortValuesAsTheyAre) {
    struct Row {
        const char* name;
        std::string prefix;
        std::string value;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"a url is prefixed and kept whole", "Q", "https://example.org/a", "Qhttps://example.org/a"},
        {"an empty value gives the bare prefix", "XS", "", "XS"},
        {"a value that just fits is not hashed", "Q", repeat("a", k_max_term_bytes - 1),
         "Q" + repeat("a", k_max_term_bytes - 1)},
    };
    for (const auto& row : rows) EXPECT_EQ(boolean_term(row.prefix, row.value), row.expected) << row.name;
}

TEST(BooleanTerm, HashesLongValuesIntoTermsXapianAccepts) {
    struct Row {
        const char* name;
        std::string prefix;
        std::string value;
    };
    const std::vector<Row> rows{
        {"one byte over the limit", "Q", repeat("a", k_max_term_bytes)},
        {"a 400-character url", "Q", "https://example.org/" + repeat("x", 380)},
        {"a long path under a two-letter prefix", "XP", "/archive/" + repeat("deep/", 100) + "page.html"},
        {"a long value of three-byte characters", "XA", repeat("\xE2\x82\xAC", 200)},
        {"a long value of four-byte characters", "K", repeat("\xF0\x9F\x98\x80", 100)},
    };
    for (const auto& row : rows) {
        const std::string term = boolean_term(row.prefix, row.value);
        EXPECT_LE(term.size(), k_max_term_bytes) << row.name;
        EXPECT_EQ(term.compare(0, row.prefix.size(), row.prefix), 0) << row.name;
        EXPECT_NE(term.find('#'), std::string::npos) << row.name;
        EXPECT_TRUE(text::is_valid_utf8(term)) << row.name << ": a UTF-8 sequence was cut";
        EXPECT_EQ(term, boolean_term(row.prefix, row.value)) << row.name << ": not stable";
    }
}

TEST(BooleanTerm, LongValuesDifferingOnlyAtTheEndGetDifferentTerms) {
    const std::string head = "https://example.org/" + repeat("x", 300);
    EXPECT_NE(boolean_term("Q", head + "1"), boolean_term("Q", head + "2"));
    // Same length, same bytes, different order: the two hashes see that.
    EXPECT_NE(boolean_term("Q", head + "ab"), boolean_term("Q", head + "ba"));
}

TEST(BooleanTerm, HashIsFixedAcrossBuilds) {
    // Ids already in an index must keep matching: if this literal changes,
    // existing indexes hold stale Q terms and k_schema_version must change.
    const std::string url = "https://example.org/opinion/" + repeat("long-slug-", 40);
    const std::string term = boolean_term("Q", url);
    EXPECT_EQ(term, "Q" + url.substr(0, k_max_term_bytes - 1 - 33) + "#ff9931411e8344ae5c6027e30b056930");
}

TEST(BooleanTerm, NeverCutsAUtf8Sequence) {
    // Shift a run of two-byte characters by one ASCII byte at a time, so the
    // cut lands on every position of a sequence.
    for (std::size_t pad = 0; pad < 4; ++pad) {
        const std::string value = repeat("a", pad) + repeat("\xC3\xA9", 200);
        const std::string term = boolean_term("XA", value);
        const std::string head = term.substr(0, term.find('#'));
        EXPECT_TRUE(text::is_valid_utf8(head)) << "pad " << pad;
        EXPECT_EQ(value.compare(0, head.size() - 2, head.substr(2)), 0) << "pad " << pad;
    }
}

TEST(FoldForTerm, FoldsCaseAndSpace) {
    struct Row {
        const char* name;
        std::string input;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"capitals are lowered", "Jane DOE", "jane doe"},
        {"runs of spaces collapse and ends are trimmed", "  Jane \t\n Doe  ", "jane doe"},
        {"non-breaking spaces count as spaces",
         "Jane\xC2\xA0\xC2\xA0"
         "Doe",
         "jane doe"},
        {"accented capitals are lowered", "\xC3\x89MILE ZOLA", "\xC3\xA9mile zola"},
        {"punctuation is kept", "O'Brien, Jr.", "o'brien, jr."},
        {"empty stays empty", "", ""},
        {"space only becomes empty", " \t ", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(fold_for_term(row.input), row.expected) << row.name;
}

TEST(ListEncoding, RoundTrips) {
    struct Row {
        const char* name;
        std::vector<std::string> items;
    };
    const std::vector<Row> rows{
        {"one item", {"Jane Doe"}},
        {"several items in order", {"Jane Doe", "Omar Haddad", "Li Wei"}},
        {"items with commas and semicolons", {"Doe, Jane", "A; B"}},
        {"non-ASCII items", {"\xC3\x89mile Zola", "\xE8\x82\x96\xE6\x98\xA5\xE8\x8A\xB3"}},
    };
    for (const auto& row : rows) EXPECT_EQ(decode_list(encode_list(row.items)), row.items) << row.name;
}

TEST(ListEncoding, EdgeCases) {
    EXPECT_EQ(encode_list({}), "");
    EXPECT_TRUE(decode_list("").empty());
    EXPECT_EQ(encode_list({"a", "b"}),
              "a\x1f"
              "b");
    EXPECT_EQ(decode_list("a\x1f\x1f"
                          "b"),
              (std::vector<std::string>{"a", "", "b"}));
}

TEST(DateValue, PutsAMonthOrYearAtItsFirstDay) {
    struct Row {
        const char* name;
        std::string input;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"a plain ISO day", "2021-03-04", "20210304"},
        {"a full timestamp with offset", "1787-10-27T09:00:00-05:00", "17871027"},
        {"a year alone stands at its first day", "2021", "20210101"},
        {"a year and month stand at the month's first day", "2021-03", "20210301"},
        {"month 13 is no month", "2021-13", ""},
        {"a three-digit year is no year", "202", ""},
        {"slashes are not ISO", "2021/03/04", ""},
        {"letters in the digits", "2021-0X-04", ""},
        {"empty", "", ""},
        {"a compact date is not ISO", "20210304", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(date_value(row.input), row.expected) << row.name;
}

TEST(DatePrecision, SaysHowMuchOfTheDateIsKnown) {
    EXPECT_EQ(date_precision("2021-03-04T10:00:00Z"), "day");
    EXPECT_EQ(date_precision("2021-03-04"), "day");
    EXPECT_EQ(date_precision("2021-03"), "month");
    EXPECT_EQ(date_precision("2021"), "year");
    EXPECT_EQ(date_precision("2021-3"), "");
    EXPECT_EQ(date_precision("July 2021"), "");
    EXPECT_EQ(date_precision(""), "");
}

TEST(SchemaStamp, StampsAnEmptyIndexAndRefusesAnotherVersion) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto stamped = check_or_stamp_schema(db, "mem");
    ASSERT_TRUE(stamped);
    EXPECT_TRUE(stamped.value());
    EXPECT_EQ(db.get_metadata(std::string(k_meta_schema_version)), k_schema_version);

    auto again = check_or_stamp_schema(db, "mem");
    ASSERT_TRUE(again);
    EXPECT_FALSE(again.value());

    db.set_metadata(std::string(k_meta_schema_version), "0");
    auto refused = check_or_stamp_schema(db, "mem");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::schema_mismatch);
    EXPECT_NE(refused.error().message.find("rebuild"), std::string::npos) << refused.error().message;
}

TEST(SchemaStamp, AnIndexOfSchema4IsRefusedWithTheRebuildMessage) {
    // Schema 5 added the updated date, the correction notices and has: terms.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(Xapian::Document());
    db.set_metadata(std::string(k_meta_schema_version), "4");
    auto refused = check_or_stamp_schema(db, "mem");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::schema_mismatch);
    EXPECT_NE(refused.error().message.find("rebuild"), std::string::npos) << refused.error().message;
}

TEST(SchemaStamp, RefusesAnUnstampedIndexThatHasDocuments) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(Xapian::Document());
    auto refused = check_or_stamp_schema(db, "mem");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::schema_mismatch);
}

TEST(OldestFirstValue, ComplementsTheDigitsAndPutsUndatedBelowEveryDay) {
    EXPECT_EQ(oldest_first_value("17871027"), "82128972");
    EXPECT_EQ(oldest_first_value(""), "-");
    EXPECT_LT(oldest_first_value(""), oldest_first_value("99991231"));
    EXPECT_GT(oldest_first_value("17871027"), oldest_first_value("17871028"))
        << "older is higher: first when descending";
}

TEST(FacetRow, OnlyCopiesAndPagesDatedToTheYearHaveOne) {
    Xapian::Document plain;
    plain.add_value(slot::published, "20210304");
    plain.add_value(slot::year, "2021");
    EXPECT_EQ(facet_row(plain), "");
    Xapian::Document year_only = plain;
    year_only.add_value(slot::date_precision, "year");
    EXPECT_NE(facet_row(year_only), "");
    Xapian::Document copy = plain;
    copy.add_value(slot::copy_group, "0123456789abcdef");
    EXPECT_NE(facet_row(copy), "");
}

TEST(FacetRow, RoundTripsEveryValueItHolds) {
    Xapian::Document doc;
    doc.add_value(slot::published, "20210304");
    doc.add_value(slot::year, "2021");
    doc.add_value(slot::tags, encode_list({"Housing", "Land, Use,3,"}));
    doc.add_value(slot::site_key, "ledger.example");
    doc.add_value(slot::genre, "opinion");
    doc.add_value(slot::author_keys, encode_list({"jane doe", "omar haddad"}));
    doc.add_value(slot::copy_group, "0123456789abcdef");
    doc.add_value(slot::uid, "not in the row");
    const Xapian::Document back = facet_row_document(facet_row(doc));
    for (const Xapian::valueno s : k_facet_row_slots) EXPECT_EQ(back.get_value(s), doc.get_value(s)) << "slot " << s;
    EXPECT_EQ(back.get_value(slot::uid), "");
}

TEST(FacetRow, RefreshSetsAndRemovesTheSlot) {
    Xapian::Document doc;
    doc.add_value(slot::year, "2021");
    refresh_facet_row(doc);
    EXPECT_EQ(doc.get_value(slot::facet_row), "");
    doc.add_value(slot::copy_group, "0123456789abcdef");
    refresh_facet_row(doc);
    EXPECT_EQ(doc.get_value(slot::facet_row), facet_row(doc));
    doc.remove_value(slot::copy_group);
    refresh_facet_row(doc);
    EXPECT_EQ(doc.get_value(slot::facet_row), "");
}

TEST(FacetRow, AMalformedRowGivesWhatItCouldRead) {
    EXPECT_EQ(facet_row_document("2,4,2021").get_value(slot::year), "2021");
    EXPECT_EQ(facet_row_document("2,4,2021,x,y").get_value(slot::year), "2021");
    EXPECT_EQ(facet_row_document("2,99,2021").get_value(slot::year), "");
    EXPECT_EQ(facet_row_document(",,,").get_value(slot::year), "");
    EXPECT_EQ(facet_row_document("").get_value(slot::year), "");
}

} // namespace
} // namespace oped::schema
