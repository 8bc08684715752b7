// Fuzz target: a whole page's bytes through what `oped extract` and the
// indexer run on a file: the page checks (gunzip when the bytes are gzip,
// size limit, binary content), charset, parse, metadata, body. Every field
// of an extracted article must be valid UTF-8.

#include "fuzz.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/extract.hpp>
#include <oped/indexer/page_source.hpp>

#include <string>

namespace {

bool starts_gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B'; }

// Shows the value, bytes past ASCII as \xNN, before stopping.
void check_text(const std::string& field, const char* what) {
    if (oped::text::is_valid_utf8(field)) return;
    std::string shown;
    for (const char c : field.substr(0, 400)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            shown.push_back(c);
        } else {
            constexpr std::string_view k_hex = "0123456789abcdef";
            shown += "\\x";
            shown.push_back(k_hex[u >> 4]);
            shown.push_back(k_hex[u & 0xF]);
        }
    }
    std::fprintf(stderr, "not UTF-8: \"%s\"\n", shown.c_str());
    oped::fuzz::check(false, what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oped;
    const std::string_view input = fuzz::as_text(data, size);
    auto bytes = indexer::check_page_bytes(std::string(input), starts_gzip(input), indexer::k_default_max_size);
    if (!bytes) return 0;
    const Result<Article> article = indexer::extract_article(bytes.value(), "/fuzz/page.html");
    if (!article) {
        const auto code = article.error().code;
        fuzz::check(code == ErrorCode::not_html || code == ErrorCode::empty_article,
                    "extract fails only as documented");
        return 0;
    }
    const Article& a = article.value();
    check_text(a.url, "url is UTF-8");
    check_text(a.title, "title is UTF-8");
    for (const auto& name : a.authors) {
        check_text(name, "author is UTF-8");
        fuzz::check(!name.empty(), "no empty author");
    }
    check_text(a.published, "published is UTF-8");
    check_text(a.modified, "modified is UTF-8");
    check_text(a.site, "site is UTF-8");
    check_text(a.section, "section is UTF-8");
    for (const auto& tag : a.tags) check_text(tag, "tag is UTF-8");
    check_text(a.description, "description is UTF-8");
    check_text(a.language, "language is UTF-8");
    check_text(a.body, "body is UTF-8");
    fuzz::check(!a.body.empty() || !a.title.empty(), "an article has a title or a body");
    return 0;
}
