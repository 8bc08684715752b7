#include <oped/indexer/dates.hpp>

#include <gtest/gtest.h>

#include <string>

namespace oped::indexer {
namespace {

struct DateRow {
    const char* name;
    const char* input;
    const char* expected; // "" when the input must be rejected
};

TEST(ParseDate, Table) {
    const DateRow rows[] = {
        {"an ISO date stays a date", "2024-07-21", "2024-07-21"},
        {"an ISO time with an offset keeps time and offset", "2017-01-13T09:12:00-05:00", "2017-01-13T09:12:00-05:00"},
        {"Z becomes +00:00 and fractions of a second go", "2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02+00:00"},
        {"an offset without a colon is read", "2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"},
        {"a space before the offset is allowed", "2015-07-10 09:53:00 -0400", "2015-07-10T09:53:00-04:00"},
        {"a time without a zone is dropped", "2017-11-03 03:01:00.000000", "2017-11-03"},
        {"RFC 2822 is read", "Sun, 21 Jul 2024 10:02:00 +0000", "2024-07-21T10:02:00+00:00"},
        {"ctime with a zone name is read", "Fri Mar 13 21:30:09 EST 2015", "2015-03-13T21:30:09-05:00"},
        {"an English month name first", "July 21, 2024", "2024-07-21"},
        {"a weekday before the date is skipped", "Sunday, July 21, 2024", "2024-07-21"},
        {"the day before an English month", "21 July 2024", "2024-07-21"},
        {"an abbreviated month with a dot", "Jul. 21, 2024", "2024-07-21"},
        {"an ordinal day", "July 21st, 2024", "2024-07-21"},
        {"a label before the date is skipped", "Updated: April 29, 2019 at 3:33 pm", "2019-04-29"},
        {"slashes, year first", "2024/07/21", "2024-07-21"},
        {"dots, day first", "21.07.2024", "2024-07-21"},
        {"slashes with a day above 12 are month first", "05/29/2007 09:49:00", "2007-05-29"},
        {"slashes with a day above 12 are day first", "21/12/2018", "2018-12-21"},
        {"slashes that could be either order are rejected", "05/06/2024", ""},
        {"French", "21 juillet 2024", "2024-07-21"},
        {"French with an accent", "3 août 2015", "2015-08-03"},
        {"Spanish with de", "21 de julio de 2024", "2024-07-21"},
        {"German with a dotted day", "21. Juli 2024", "2024-07-21"},
        {"Portuguese", "4 de março de 2019", "2019-03-04"},
        {"Czech genitive", "21. července 2024", "2024-07-21"},
        {"compact YYYYMMDD", "20170113", "2017-01-13"},
        {"a Unix timestamp in seconds", "1429214521", "2015-04-16T20:02:01+00:00"},
        {"a Unix timestamp in milliseconds", "1429214521000", "2015-04-16T20:02:01+00:00"},
        {"a two-digit year is rejected", "21.07.24", ""},
        {"a two-digit year after a month name is rejected", "July 21, 24", ""},
        {"February 29 of a common year is rejected", "2023-02-29", ""},
        {"February 29 of a leap year is accepted", "2024-02-29", "2024-02-29"},
        {"month 13 is rejected", "2024-13-01", ""},
        {"an hour of 25 drops the time but keeps the date", "2024-07-21T25:00:00Z", "2024-07-21"},
        {"text without a date is rejected", "last week", ""},
        {"a number before the date means it is not one value", "3 comments July 21, 2024", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(normalise_date(row.input), row.expected) << row.input;
    }
}

TEST(FindDateInText, Table) {
    const DateRow rows[] = {
        {"a dateline inside a sentence", "Posted on Sunday, July 21, 2024 by Jane", "2024-07-21"},
        {"a byline with a date after the name", "By Nathan Willis March 25, 2015", "2015-03-25"},
        {"a glued date", "by Lucas Nolan22 Dec 2016", "2016-12-22"},
        {"a numeric date with a four-digit year", "Published 21.07.2024, 10:00", "2024-07-21"},
        {"bare numbers in prose are not dates", "He scored 21 goals in 7 games", ""},
        {"a year alone is not a date", "In 2024 the council met", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(find_date_in_text(row.input), row.expected) << row.input;
    }
}

TEST(DateFromUrl, Table) {
    const DateRow rows[] = {
        {"year, month and day as folders", "https://example.com/2024/07/21/story.html", "2024-07-21"},
        {"a compact date as a folder", "https://example.com/news/20240721/story", "2024-07-21"},
        {"a dashed date in a slug", "https://example.com/news/story-2024-07-21-update", "2024-07-21"},
        {"a year and month only is not a date", "https://example.com/2024/07/story.html", ""},
        {"a month named between year and day", "https://example.com/world/2023/oct/03/story", "2023-10-03"},
        {"a month named in full, a one-digit day", "https://example.com/blog/2023/october/3/", "2023-10-03"},
        {"a named month before a slug is not a day", "https://example.com/2024/march/15-things-to-do", ""},
        {"a word that is not a month is not a date", "https://example.com/2024/photos/15/", ""},
        {"digits in the host are ignored", "https://20240721.example.com/story", ""},
        {"digits in the query are ignored", "https://example.com/story?d=2024/07/21/", ""},
        {"an impossible day is rejected", "https://example.com/2024/02/30/story", ""},
        {"a long article id is not a date", "https://example.com/news/123456789012/story", ""},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(date_from_url(row.input), row.expected) << row.input;
    }
}

} // namespace
} // namespace oped::indexer
