#pragma once

// The JSON shapes of the API, in one place. Only the HTTP layer and the CLI
// speak JSON; the search library does not.

#include <oped/common/article.hpp>
#include <oped/searcher/author.hpp>
#include <oped/searcher/search.hpp>
#include <oped/searcher/stats.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace oped::http {

nlohmann::json to_json(const searcher::SearchResponse& response);
nlohmann::json to_json(const Article& article, const std::string& id);
nlohmann::json to_json(const searcher::IndexStats& stats);
// A piece's other copies: [{id, url, title, site, published}], earliest first.
nlohmann::json copies_json(const std::vector<searcher::CopyRef>& copies);
// `oped authors --json`: [{"name", "keys", "articles", "bylines": [{"byline", "articles"}]}].
nlohmann::json to_json(const std::vector<searcher::AuthorSummary>& authors);

// Serialise, replacing any invalid UTF-8 rather than throwing.
std::string dump(const nlohmann::json& j);

} // namespace oped::http
