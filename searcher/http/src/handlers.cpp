#include <oped/http/handlers.hpp>

#include <oped/http/json.hpp>
#include <oped/searcher/stats.hpp>

#include <oped/common/schema.hpp>

#include <algorithm>
#include <charconv>

namespace oped::http {
namespace {

// Past these a request is refused: bounds on every input.
constexpr std::size_t k_max_param_bytes = 1024;

Error bad(const std::string& param, const std::string& message) {
    return Error{ErrorCode::invalid_param, message, param};
}

Result<unsigned> parse_uint(const std::string& param, const std::string& text, unsigned lo, unsigned hi) {
    unsigned value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < lo || value > hi) {
        return bad(param, param + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
    return value;
}

} // namespace

Result<searcher::SearchRequest> parse_search_params(const ParamMap& params) {
    searcher::SearchRequest r;
    for (const auto& param : params) {
        // Named references, not a structured binding: lambdas below capture
        // them, which C++20 allows but Clang 14 (clang-tidy) does not.
        const std::string& key = param.first;
        const std::string& value = param.second;
        if (value.size() > k_max_param_bytes && key != "q") {
            return bad(key, key + " is longer than " + std::to_string(k_max_param_bytes) + " bytes");
        }
        auto add_filter = [&](std::vector<std::string>& list) -> std::optional<Error> {
            if (value.empty()) return std::nullopt;
            if (list.size() >= searcher::k_max_filter_values) {
                return bad(key, "at most " + std::to_string(searcher::k_max_filter_values) + " " + key + " values");
            }
            list.push_back(value);
            return std::nullopt;
        };
        std::optional<Error> error;
        if (key == "q") {
            if (value.size() > searcher::k_max_query_bytes) {
                return bad("q", "q is longer than " + std::to_string(searcher::k_max_query_bytes) + " bytes");
            }
            r.query = value;
        } else if (key == "author") {
            error = add_filter(r.authors);
        } else if (key == "site") {
            error = add_filter(r.sites);
        } else if (key == "tag") {
            error = add_filter(r.tags);
        } else if (key == "year") {
            error = add_filter(r.years);
        } else if (key == "type") {
            error = add_filter(r.types);
        } else if (key == "genre") {
            error = add_filter(r.genres);
        } else if (key == "from") {
            r.from = value;
        } else if (key == "to") {
            r.to = value;
        } else if (key == "sort") {
            if (value == "relevance" || value.empty()) {
                r.sort = searcher::SortOrder::relevance;
            } else if (value == "newest") {
                r.sort = searcher::SortOrder::newest;
            } else if (value == "oldest") {
                r.sort = searcher::SortOrder::oldest;
            } else {
                return bad("sort", "sort must be relevance, newest or oldest");
            }
        } else if (key == "page") {
            auto n = parse_uint("page", value, 1, searcher::k_max_depth);
            if (!n) return n.error();
            r.page = n.value();
        } else if (key == "per_page") {
            auto n = parse_uint("per_page", value, 1, searcher::k_max_per_page);
            if (!n) return n.error();
            r.per_page = n.value();
        } else if (key == "author_find" || key == "tag_find") {
            if (value.size() > searcher::k_max_facet_find_bytes) {
                return bad(key, key + " is longer than " + std::to_string(searcher::k_max_facet_find_bytes) + " bytes");
            }
            (key == "author_find" ? r.author_find : r.tag_find) = value;
        } else if (key == "facets") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
                return bad("facets", "facets must be true or false");
            }
            r.facets = value == "true" || value == "1";
        } else if (key == "partial") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
                return bad("partial", "partial must be true or false");
            }
            r.partial = value == "true" || value == "1";
        } else if (key == "today") {
            r.today = value; // checked by the searcher: YYYY-MM-DD
        } else if (key == "literal") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
                return bad("literal", "literal must be true or false");
            }
            r.read_time_words = !(value == "true" || value == "1");
        } else if (key == "collapse") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
                return bad("collapse", "collapse must be true or false");
            }
            r.collapse = value == "true" || value == "1";
        } else if (key == "spell") {
            if (value != "true" && value != "false" && value != "1" && value != "0") {
                return bad("spell", "spell must be true or false");
            }
            r.auto_correct = value == "true" || value == "1";
        }
        if (error) return *error;
    }
    if (static_cast<std::uint64_t>(r.page) * r.per_page > searcher::k_max_depth) {
        return bad("page", "page * per_page must be at most " + std::to_string(searcher::k_max_depth));
    }
    return r;
}

Error unknown_doc_id(std::string_view id) {
    const std::string shown(id.substr(0, 32));
    const bool number = !id.empty() && id.size() <= 10 &&
                        std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number) {
        return Error{ErrorCode::not_found,
                     "Article " + shown +
                         " is an old link by number: articles now have ids that survive a rebuild of the "
                         "index (16 letters and digits). Search for the article to find its link.",
                     "id"};
    }
    return Error{ErrorCode::not_found, "There is no article " + shown + " in the archive.", "id"};
}

Reply handle_search(const ParamMap& params, searcher::Searcher& searcher) {
    auto request = parse_search_params(params);
    if (!request) return error_reply(request.error());
    auto response = searcher.search(request.value());
    if (!response) return error_reply(response.error());
    return json_reply(dump(to_json(response.value())));
}

Reply handle_doc(const std::string& id_text, searcher::Searcher& searcher) {
    if (!schema::is_public_id(id_text)) return error_reply(unknown_doc_id(id_text));
    auto found = searcher.document(id_text);
    if (!found) return error_reply(found.error());
    nlohmann::json body = to_json(found.value().article, found.value().id);
    body["copies"] = copies_json(found.value().copies);
    return json_reply(dump(body));
}

Reply handle_stats(searcher::Searcher& searcher) {
    return json_reply(dump(to_json(searcher::stats_of(searcher.database(), searcher.path()))));
}

Reply handle_health(searcher::Searcher& searcher) {
    nlohmann::json body{{"status", "ok"}, {"documents", searcher.database().get_doccount()}};
    return json_reply(dump(body));
}

} // namespace oped::http
