#pragma once

// The search page's answer to its parameters, with two mistakes a reader can
// make put right in place rather than answered with an error page (the API,
// /api/search, refuses both with 400, and web/search.js does the same as
// this for the page it renders):
// - dates the searcher refuses (a range backwards, a date it cannot read):
//   the words and other filters are searched without the dates, and the
//   page marks the date fields with the searcher's message;
// - a page past the deepest one served (page=9999): the first page is
//   searched for the total, and the page says there are no more results.

#include <oped/common/errors.hpp>
#include <oped/http/reply.hpp>
#include <oped/searcher/searcher.hpp>

#include <optional>

namespace oped::http {

struct PageAnswer {
    Result<searcher::SearchResponse> response;
    searcher::SearchRequest request; // as searched (valid when response is)
    std::optional<Error> date_error; // from or to refused: searched without both
    bool past_deepest = false;       // page past the deepest: results of none shown
};

PageAnswer answer_search_page(const ParamMap& params, searcher::Searcher& searcher);

// The date fields an error marks: `from` or `to` as named; both when `to` is
// refused while `from` is given (a range to put right at either end).
bool marks_from(const Error& date_error, const ParamMap& params);
bool marks_to(const Error& date_error);

} // namespace oped::http
