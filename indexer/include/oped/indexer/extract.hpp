#pragma once

// HTML bytes -> Article: decode, parse once, read the metadata, then cut out
// the article body. Pure: no I/O.

#include <oped/common/article.hpp>
#include <oped/common/errors.hpp>
#include <oped/indexer/evidence.hpp>

#include <string>
#include <string_view>

namespace oped::indexer {

// `path` is recorded in the article and used for date-in-URL hints when the
// page gives no URL. Fails with not_html when nothing parses, empty_article
// when the page has no text. With `explain`, records why each field got its
// value (oped extract --explain).
Result<Article> extract_article(std::string_view bytes, const std::string& path, Explanation* explain = nullptr);

} // namespace oped::indexer
