#include <oped/common/text.hpp>
#include <oped/indexer/charset.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

TEST(DeclaredCharset, ReadsTheWaysAPageDeclaresIt) {
    struct Row {
        const char* name;
        std::string bytes;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"meta charset", "<html><head><meta charset=\"utf-8\">", "utf-8"},
        {"meta charset without quotes", "<meta charset=UTF-8>", "utf-8"},
        {"http-equiv content type", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
         "windows-1252"},
        {"xml declaration", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>", "shift_jis"},
        {"latin1 means windows-1252", "<meta charset='latin1'>", "windows-1252"},
        {"us-ascii means windows-1252", "<meta charset=\"us-ascii\">", "windows-1252"},
        {"gb2312 means gb18030", "<meta charset=\"gb2312\">", "gb18030"},
        {"utf8 without a hyphen", "<meta charset=\"utf8\">", "utf-8"},
        {"no declaration", "<html><head><title>x</title>", ""},
        {"a declaration past 8 KiB is not seen", std::string(9000, ' ') + "<meta charset=\"koi8-r\">", ""},
        {"charset in an unrelated meta is skipped", "<meta name=\"x\" content=\"y\"><meta charset=\"koi8-r\">",
         "koi8-r"},
    };
    for (const auto& row : rows) EXPECT_EQ(declared_charset(row.bytes), row.expected) << row.name;
}

TEST(DecodeToUtf8, ChoosesTheCharsetAndDecodes) {
    struct Row {
        const char* name;
        std::string bytes;
        std::string expected_text; // must appear in the output
        std::string expected_charset;
    };
    const std::vector<Row> rows{
        {"plain UTF-8 is kept", "<p>caf\xC3\xA9</p>", "caf\xC3\xA9", "utf-8"},
        {"a UTF-8 BOM is dropped", "\xEF\xBB\xBF<p>x</p>", "<p>x</p>", "utf-8"},
        {"UTF-16LE with BOM", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "<p>\xC3\xA9", "utf-16le"},
        {"UTF-16BE with BOM", std::string("\xFE\xFF\0<\0p\0>\0\xE9", 10), "<p>\xC3\xA9", "utf-16be"},
        {"UTF-16 surrogate pair", std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6), "\xF0\x9F\x98\x80", "utf-16le"},
        {"undeclared windows-1252 bytes", "<p>\x93quoted\x94 caf\xE9</p>", "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9",
         "windows-1252"},
        {"declared ISO-8859-1 decodes 0x80 as the euro sign", "<meta charset=\"iso-8859-1\"><p>\x80 5</p>",
         "\xE2\x82\xAC 5", "windows-1252"},
        {"declared Latin-1 but really UTF-8", "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>", "caf\xC3\xA9",
         "utf-8"},
        {"mostly UTF-8 with one stray byte stays UTF-8",
         "<p>\xC3\xA9t\xC3\xA9 \xC3\xA0 la caf\xC3\xA9t\xC3\xA9ria \xFF</p>", "\xC3\xA9t\xC3\xA9 \xC3\xA0", "utf-8"},
        {"a declared charset goes through iconv", "<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>",
         "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "koi8-r"},
        {"an unknown label falls back", "<meta charset=\"no-such-charset\"><p>plain</p>", "plain", "utf-8"},
    };
    for (const auto& row : rows) {
        const DecodedText out = decode_to_utf8(row.bytes);
        EXPECT_NE(out.utf8.find(row.expected_text), std::string::npos) << row.name << ": " << out.utf8;
        EXPECT_EQ(out.charset, row.expected_charset) << row.name;
    }
}

TEST(DecodeToUtf8, AlwaysGivesValidUtf8) {
    const std::vector<std::string> inputs{
        "",
        std::string("\xFF\xFE\x00", 3),                  // odd UTF-16 length
        std::string("\xFF\xFE\x00\xD8", 4),              // lone high surrogate
        "\xC0\xAF\xED\xA0\x80\xF8\x88\x80\x80\x80",      // overlong, surrogate, 5-byte forms
        "<meta charset=\"utf-8\">\x80\x81\x82",          // declared UTF-8, not UTF-8
        "<meta charset=\"shift_jis\">\x82",              // truncated multibyte
        "<meta charset=\"gb2312\">\xD6\xD0\xCE\xC4\xFF", // valid then invalid
        std::string("a\0b", 3),
    };
    for (const auto& input : inputs) {
        const DecodedText out = decode_to_utf8(input);
        EXPECT_TRUE(text::is_valid_utf8(out.utf8)) << "input of " << input.size() << " bytes";
    }
}

} // namespace
} // namespace oped::indexer
