#include "search_answer.hpp"

#include <oped/http/handlers.hpp>

#include <algorithm>

namespace oped::http {
namespace {

bool is_date_error(const Error& e) {
    return e.code == ErrorCode::invalid_param && (e.param == "from" || e.param == "to");
}

// A page number too deep to serve: digits only, not 0 (page=abc and page=0
// stay errors).
bool is_too_deep(const Error& e, const ParamMap& params) {
    if (e.code != ErrorCode::invalid_param || e.param != "page") return false;
    const auto it = params.find("page");
    if (it == params.end()) return true; // page * per_page too deep
    const std::string& page = it->second;
    return !page.empty() && page.find_first_not_of("0123456789") == std::string::npos &&
           page.find_first_not_of('0') != std::string::npos;
}

ParamMap without(ParamMap params, std::initializer_list<const char*> keys) {
    for (const char* key : keys) params.erase(key);
    return params;
}

} // namespace

PageAnswer answer_search_page(const ParamMap& params, searcher::Searcher& searcher) {
    bool past_deepest = false;
    auto request = parse_search_params(params);
    if (!request && is_too_deep(request.error(), params)) {
        past_deepest = true;
        request = parse_search_params(without(params, {"page"}));
    }
    if (!request) return {request.error(), {}, std::nullopt, false};
    auto response = searcher.search(request.value());
    std::optional<Error> date_error;
    if (!response && is_date_error(response.error())) {
        date_error = response.error();
        request.value().from.clear();
        request.value().to.clear();
        // The reader gave dates: time in the words stays words, as it was.
        request.value().read_time_words = false;
        response = searcher.search(request.value());
    }
    if (response && past_deepest) response.value().results.clear();
    return {std::move(response), std::move(request).value(), std::move(date_error), past_deepest};
}

bool marks_from(const Error& date_error, const ParamMap& params) {
    if (date_error.param == "from") return true;
    const auto it = params.find("from");
    return it != params.end() && !it->second.empty();
}

bool marks_to(const Error& date_error) { return date_error.param == "to"; }

} // namespace oped::http
