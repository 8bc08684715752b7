#pragma once

// The document data of an indexed article: every field of Article, so the
// searcher can render a hit and make snippets from the full text without the
// source file. Encoded as length-prefixed fields after a format tag; unknown
// trailing fields are ignored so a newer writer stays readable.

#include <oped/common/article.hpp>
#include <oped/common/errors.hpp>

#include <string>
#include <string_view>

namespace oped {

std::string encode_docdata(const Article& article);
Result<Article> decode_docdata(std::string_view data);

// The same fields without the format tag or compression: how an extraction
// worker process hands an Article to the indexer (extract_worker.hpp).
std::string encode_article(const Article& article);
Result<Article> decode_article(std::string_view fields);

} // namespace oped
