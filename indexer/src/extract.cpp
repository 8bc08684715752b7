#include <oped/indexer/extract.hpp>

#include <oped/indexer/body.hpp>
#include <oped/indexer/charset.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/metadata.hpp>
#include <oped/indexer/page_type.hpp>
#include <oped/indexer/revisions.hpp>

namespace oped::indexer {

Result<Article> extract_article(std::string_view bytes, const std::string& path, Explanation* explain) {
    const DecodedText decoded = decode_to_utf8(bytes);
    if (!decoded.rejected.empty()) return Error{ErrorCode::not_html, decoded.rejected, path};
    ParsedHtml parsed = parse_html_checked(decoded.utf8);
    // A page read only in part is refused rather than indexed short.
    if (!parsed.stopped.empty()) return Error{ErrorCode::not_html, parsed.stopped, path};
    XmlDocPtr doc = std::move(parsed.doc);
    if (!doc || root_element(doc.get()) == nullptr) {
        return Error{ErrorCode::not_html, "no HTML document could be parsed", path};
    }
    Article article;
    article.path = path;
    extract_metadata(doc.get(), article, explain);
    article.body = extract_body(doc.get(), article, explain);
    split_corrections(article.body, article.corrections, explain);
    article.type = classify_page(gather_page_type_signals(doc.get(), article), explain);
    if (article.body.empty() && article.title.empty()) {
        return Error{ErrorCode::empty_article, "no article text found", path};
    }
    return article;
}

} // namespace oped::indexer
