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

} // namespace oped
