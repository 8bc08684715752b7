// The static files' validators and the Atom feed's timestamps: one row per case.

#include <oped/http/rfc3339.hpp>
#include <oped/http/static_files.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::http {
namespace {

TEST(EntityTag, IsStrongQuotedAndFollowsTheBytes) {
    const std::string tag = entity_tag("console.log('oped');\n");
    ASSERT_GE(tag.size(), 4U);
    EXPECT_EQ(tag.front(), '"');
    EXPECT_EQ(tag.back(), '"');
    EXPECT_NE(tag.substr(0, 2), "W/");
    EXPECT_EQ(tag, entity_tag("console.log('oped');\n"));
    EXPECT_NE(tag, entity_tag("console.log('oped!');\n"));
    EXPECT_NE(entity_tag(""), entity_tag(std::string(1, '\0')));
}

TEST(NoneMatch, ListsAreReadAsRfc9110Says) {
    const std::string tag = R"("0123456789abcdef-15")";
    const struct {
        const char* name;
        std::string header;
        bool matches;
    } rows[] = {
        {"the same tag matches", tag, true},
        {"any tag matches a star", "*", true},
        {"a weak copy of the tag matches (weak comparison)", "W/" + tag, true},
        {"the tag in a list matches", R"("other", )" + tag + R"(, "more")", true},
        {"a list without spaces matches", R"("other",)" + tag, true},
        {"another tag does not", R"("0123456789abcdef-16")", false},
        {"no header does not", "", false},
        {"the tag unquoted does not", "0123456789abcdef-15", false},
        {"an unterminated list does not", R"("other", ")", false},
        {"a tag that only starts the same does not", R"("0123456789abcdef-1")", false},
    };
    for (const auto& row : rows) EXPECT_EQ(none_match(row.header, tag), row.matches) << row.name;
}

TEST(Rfc3339Utc, EveryTimestampComesOutInUtcWithZ) {
    const struct {
        const char* name;
        const char* input;
        const char* expected;
    } rows[] = {
        {"a day is its midnight", "1787-10-27", "1787-10-27T00:00:00Z"},
        {"a UTC time stays", "2024-03-01T10:20:30Z", "2024-03-01T10:20:30Z"},
        {"an offset east is taken away", "2024-03-01T10:20:30+02:00", "2024-03-01T08:20:30Z"},
        {"an offset west is added", "2024-03-01T22:20:30-05:00", "2024-03-02T03:20:30Z"},
        {"across a year's end", "2024-01-01T01:00:00+03:00", "2023-12-31T22:00:00Z"},
        {"a leap day", "2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00Z"},
        {"an offset without a colon", "2024-03-01T10:20:30+0130", "2024-03-01T08:50:30Z"},
        {"a fraction is dropped", "2024-03-01T10:20:30.123Z", "2024-03-01T10:20:30Z"},
        {"a fraction before an offset", "2024-03-01T10:20:30.5+01:00", "2024-03-01T09:20:30Z"},
        {"a time without a zone is UTC", "2024-03-01T10:20:30", "2024-03-01T10:20:30Z"},
        {"a zone that cannot be read is UTC", "2024-03-01T10:20:30 CET", "2024-03-01T10:20:30Z"},
        {"an hour past 23 leaves the day", "2024-03-01T25:00:00Z", "2024-03-01T00:00:00Z"},
        {"a month alone is no day", "1787-10", ""},
        {"no real day", "1787-02-30", ""},
        {"not a date", "yesterday", ""},
        {"nothing", "", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(rfc3339_utc(row.input), row.expected) << row.name;
}

} // namespace
} // namespace oped::http
