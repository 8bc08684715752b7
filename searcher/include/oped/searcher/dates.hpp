#pragma once

// Dates as users type them in filters and `date:` ranges: "1787",
// "1787-11", "1787-11-22" (also 17871122 and 1787/11/22), turned into the
// YYYYMMDD bounds the published value slot holds.

#include <optional>
#include <string>
#include <string_view>

namespace oped::searcher {

// The first day the text can mean ("1787" -> "17870101").
std::optional<std::string> lower_bound_day(std::string_view text);
// The last day it can mean ("1787-02" -> "17870228").
std::optional<std::string> upper_bound_day(std::string_view text);

} // namespace oped::searcher
