#pragma once

// The one timestamp format of the Atom feed: RFC 3339 in UTC, to the
// second, "1787-10-27T00:00:00Z".

#include <string>
#include <string_view>

namespace oped::http {

// What the index holds ("1787-10-27", or an ISO 8601 time with or without a
// fraction and an offset) in UTC: an offset is applied ("10:00:00+02:00" is
// "08:00:00Z", across a day's end if need be), a fraction dropped, a time
// without a zone (or with one that cannot be read) read as UTC, a day alone
// its midnight. Empty when the text
// is no date (or no real day, such as 1787-02-30).
std::string rfc3339_utc(std::string_view iso);

} // namespace oped::http
