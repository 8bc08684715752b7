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

// 図書館の新しい取り組み
const char* const k_japanese = "\u56f3\u66f8\u9928\u306e\u65b0\u3057\u3044\u53d6\u308a\u7d44\u307f";

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
        // Regressions (issue 8, item 15).
        {"an ASCII page declaring utf-16 is not UTF-16", "ascii-declared-utf16.html", "utf-8", "Plain Words Only"},
        {"an ASCII page declaring utf-32 is not UTF-32", "ascii-declared-utf32.html", "utf-8", "Plain Words Only"},
        {"UTF-16LE without a byte-order mark", "utf16le-no-bom.html", "utf-16le", cafe},
        {"UTF-16BE without a byte-order mark", "utf16be-no-bom.html", "utf-16be", cafe},
        {"UTF-16LE Japanese without a byte-order mark", "utf16le-cjk-no-bom.html", "utf-16le", k_japanese},
        {"UTF-32LE without a byte-order mark", "utf32le-no-bom.html", "utf-32le", cafe},
        {"undeclared Shift_JIS", "shift-jis-undeclared.html", "shift_jis", k_japanese},
        {"undeclared EUC-JP", "euc-jp-undeclared.html", "euc-jp", k_japanese},
        {"undeclared EUC-KR", "euc-kr-undeclared.html", "euc-kr",
         "\ub3c4\uc11c\uad00\uc758 \uc0c8\ub85c\uc6b4 \ub178\ub825"},
        {"undeclared GBK", "gbk-undeclared.html", "gb18030", "\u56fe\u4e66\u9986\u7684\u65b0\u5de5\u4f5c"},
        {"undeclared Big5", "big5-undeclared.html", "big5", "\u5716\u66f8\u9928\u7684\u65b0\u5de5\u4f5c"},
        {"undeclared windows-1251", "windows-1251-undeclared.html", "windows-1251",
         "\u041d\u043e\u0432\u0430\u044f \u0440\u0430\u0431\u043e\u0442\u0430 "
         "\u0431\u0438\u0431\u043b\u0438\u043e\u0442\u0435\u043a\u0438"},
        {"Shift_JIS bytes under an EUC-JP label are Shift_JIS", "shift-jis-labelled-euc-jp.html", "shift_jis",
         k_japanese},
        // Issue 9: one page in a hundred of the dev set.
        {"UTF-8 read as Latin-1 or windows-1252 and saved again as UTF-8 is repaired", "double-encoded-utf8.html",
         "utf-8", "A DIY Investor\u2019s Guide \u2014 it\u2019s Caf\u00e9 Time"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        const std::string bytes = read_fixture(row.file);
        ASSERT_FALSE(bytes.empty()) << row.file;
        const DecodedText decoded = decode_to_utf8(bytes);
        EXPECT_EQ(decoded.charset, row.charset);
        EXPECT_EQ(decoded.rejected, "");
        XmlDocPtr doc = parse_html(decoded.utf8);
        ASSERT_NE(doc, nullptr);
        Article article;
        extract_metadata(doc.get(), article);
        EXPECT_EQ(article.title, row.title);
    }
}

struct RepairRow {
    const char* name;
    const char* text;
    const char* expected;
};

TEST(RepairDoubleUtf8, Table) {
    const RepairRow rows[] = {
        {"a right quote read as Latin-1 is repaired", "it\u00e2\u0080\u0099s", "it\u2019s"},
        {"a right quote read as windows-1252 is repaired", "it\u00e2\u20ac\u2122s", "it\u2019s"},
        {"an e acute read as Latin-1 is repaired", "Caf\u00c3\u00a9", "Caf\u00e9"},
        {"a pound sign read as Latin-1 is repaired", "\u00c2\u00a35", "\u00a35"},
        {"an l with stroke read as windows-1252 is repaired", "Wroc\u00c5\u201aaw", "Wroc\u0142aw"},
        {"an emoji read as windows-1252 is repaired", "hi \u00f0\u0178\u02dc\u20ac", "hi \U0001F600"},
        {"real text is unchanged", "Caf\u00e9 \u201cD\u00e9j\u00e0 vu\u201d \u2013 5 \u20ac",
         "Caf\u00e9 \u201cD\u00e9j\u00e0 vu\u201d \u2013 5 \u20ac"},
        {"German sharp s before a closing quote is real text", "\u201eSpa\u00df\u201c", "\u201eSpa\u00df\u201c"},
        {"an A tilde before a no-break space is real text", "IRM\u00c3\u00a0E", "IRM\u00c3\u00a0E"},
        {"a lead without its continuation is kept", "\u00e2\u0080 alone", "\u00e2\u0080 alone"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(repair_double_utf8(row.text), row.expected);
    }
}

// Regression (issue 8, item 15): 20 KB of random bytes over 0x7F were
// indexed as a long windows-1252 article.
TEST(DecodeToUtf8, RefusesBytesThatAreTextInNoCharset) {
    const std::string bytes = read_fixture("../index/bad/random-high-bytes.html");
    ASSERT_EQ(bytes.size(), 20000u);
    const DecodedText decoded = decode_to_utf8(bytes);
    EXPECT_NE(decoded.rejected.find("no charset"), std::string::npos) << decoded.rejected;
    EXPECT_EQ(decoded.utf8, "");
}

TEST(DecodeToUtf8, DropsNulBytesSoTheParserReadsOn) {
    const DecodedText decoded = decode_to_utf8(std::string("<p>before\0after</p>", 20));
    EXPECT_EQ(decoded.utf8, "<p>beforeafter</p>");
    XmlDocPtr doc = parse_html(decoded.utf8);
    EXPECT_EQ(visible_text(root_element(doc.get())), "beforeafter");
}

} // namespace
} // namespace oped::indexer
