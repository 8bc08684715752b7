#include <oped/indexer/charset.hpp>

#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/metadata.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace oped::indexer {
namespace {

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(OPED_FIXTURES_DIR) + "/encoding/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

struct EncodingRow {
    const char* name;
    const char* file;
    const char* charset;
    const char* title;
};

TEST(DecodeToUtf8, Fixtures) {
    const char* cafe = "Caf\u00e9 \u201cD\u00e9j\u00e0 vu\u201d \u2013 5 \u20ac";
    const EncodingRow rows[] = {
        {"a UTF-8 byte-order mark wins and goes", "utf8-bom.html", "utf-8", cafe},
        {"meta charset names the charset", "meta-charset.html", "windows-1250",
         "\u017dlu\u0165ou\u010dk\u00fd k\u016f\u0148"},
        {"an http-equiv Content-Type names the charset", "http-equiv-content-type.html", "shift_jis",
         "\u65e5\u672c\u8a9e\u306e\u30cb\u30e5\u30fc\u30b9"},
        {"undeclared valid UTF-8 is UTF-8", "undeclared-utf8.html", "utf-8", cafe},
        {"ISO-8859-1 is read as windows-1252", "latin1-label-windows-1252-bytes.html", "windows-1252", cafe},
        {"undeclared bytes that are not UTF-8 are windows-1252", "undeclared-windows-1252.html", "windows-1252", cafe},
        {"an invalid byte in UTF-8 becomes U+FFFD", "invalid-utf8.html", "utf-8",
         "Caf\u00e9 d\u00e9j\u00e0 vu na\u00efve \ufffd ok"},
        {"UTF-16 with a byte-order mark", "utf16le-bom.html", "utf-16le", cafe},
        {"entities are decoded", "entities.html", "utf-8", "Fish & Chips \u00e9t\u00e9 \u2019n\u2019 more\u2014now"},
        // Regression: the qq page of the dev set came out as mojibake.
        {"UTF-8 bytes under a gb2312 label are UTF-8", "utf8-labelled-gb2312.html", "utf-8",
         "\u4eba\u5de5\u667a\u80fd\u8fc8\u4e0a\u65b0\u53f0\u9636"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        const std::string bytes = read_fixture(row.file);
        ASSERT_FALSE(bytes.empty()) << row.file;
        const DecodedText decoded = decode_to_utf8(bytes);
        EXPECT_EQ(decoded.charset, row.charset);
        XmlDocPtr doc = parse_html(decoded.utf8);
        ASSERT_NE(doc, nullptr);
        Article article;
        extract_metadata(doc.get(), article);
        EXPECT_EQ(article.title, row.title);
    }
}

} // namespace
} // namespace oped::indexer
