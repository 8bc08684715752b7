#include <oped/indexer/extract.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/bio.hpp>
#include <oped/indexer/body.hpp>
#include <oped/indexer/body_label.hpp>
#include <oped/indexer/charset.hpp>
#include <oped/indexer/genre.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/metadata.hpp>
#include <oped/indexer/page_type.hpp>
#include <oped/indexer/revisions.hpp>

#include <algorithm>

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
    GenreClues clues;
    extract_metadata(doc.get(), article, explain, &clues);
    article.body = strip_page_label(extract_body(doc.get(), article, explain), article.section, article.site);
    split_corrections(article.body, article.corrections, explain);
    split_bio(article.body, article.authors, article.author_bio, explain);
    PageTypeSignals signals = gather_page_type_signals(doc.get(), article);
    article.type = classify_page(signals, explain);
    clues.schema_types = std::move(signals.schema_types);
    clues.said_rate = signals.said_rate;
    clues.is_article = article.type == k_type_article;
    clues.authors = article.authors;
    clues.site = article.site;
    clues.url = article.url; // not the file's path: an archive's own folders say nothing of genre
    clues.title = article.title;
    clues.opening = text::head_of(article.body, 400);
    article.genre = pick_genre(clues, explain);
    if (article.body.empty() && article.title.empty()) {
        return Error{ErrorCode::empty_article, "no article text found", path};
    }
    return article;
}

} // namespace oped::indexer
