#pragma once

// Dates as pages write them, read into one form. Pure functions.
//
// Accepted: ISO 8601 with or without time and offset ("2024-07-21",
// "2024-07-21T10:02:00.000Z", "2015-07-10 09:53:00 -0400"), RFC 2822
// ("Sun, 21 Jul 2024 10:02:00 +0000"), ctime ("Sun Jul 21 10:02:00 EST
// 2024"), month names in English, French, Spanish, German, Portuguese,
// Czech, Italian and Dutch ("July 21, 2024", "21 July 2024", "Jul. 21,
// 2024", "21. Juli 2024", "21 de julio de 2024"), numeric dates with a
// four-digit year ("2024/07/21", "21.07.2024", "07/21/2024" when the day is
// above 12), compact "20240721", and Unix timestamps (10 or 13 digits).
// Rejected: two-digit years, day/month orders that cannot be told apart
// ("05/06/2024"), impossible days ("2023-02-29").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    bool has_time = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool has_zone = false; // only meaningful with has_time
    int offset_minutes = 0;

    bool operator==(const Date&) const = default;
};

// The date a whole value states (labels such as "Updated:" and weekday names
// are skipped), or nothing.
std::optional<Date> parse_date(std::string_view text);

// "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS+HH:MM" when the time and its zone are
// both known: a time without a zone cannot be placed, so it is dropped.
std::string format_date(const Date& date);

// parse_date then format_date; empty when nothing parses.
std::string normalise_date(std::string_view text);

// The first date written out in running text ("Posted on Sunday, July 21,
// 2024 at 3 pm"), formatted; empty when there is none. Only forms with a
// named month or a four-digit year count: bare numbers in prose do not.
std::string find_date_in_text(std::string_view text);
// The same date, unformatted.
std::optional<Date> first_date_in_text(std::string_view text);

struct FoundDate {
    Date date;
    std::size_t begin = 0; // byte offsets of the date's text
    std::size_t end = 0;
};

// Up to `max` dates written out in text whose white space is already
// collapsed, in order, with where each stands.
std::vector<FoundDate> dates_in_text(std::string_view text, std::size_t max);

// A date in a URL's path ("/2024/07/21/", "/20240721/", "-2024-07-21-",
// "/2024/jul/21/"), formatted; empty when there is none.
std::string date_from_url(std::string_view url);

} // namespace oped::indexer
