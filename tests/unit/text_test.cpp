#include <oped/common/text.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::text {
namespace {

struct Row {
    const char* name;
    std::string input;
    std::string expected;
};

TEST(CollapseSpace, CollapsesAndTrims) {
    const std::vector<Row> rows{
        {"inner runs become one space", "a  \t\n b", "a b"},
        {"ends are trimmed", "  a b  ", "a b"},
        {"no-break space counts",
         "a\xC2\xA0\xC2\xA0"
         "b",
         "a b"},
        {"zero-width space and BOM count",
         "a\xE2\x80\x8B"
         "b\xEF\xBB\xBF",
         "a b"},
        {"em space counts",
         "a\xE2\x80\x83"
         "b",
         "a b"},
        {"space only becomes empty", " \n\t ", ""},
        {"empty stays empty", "", ""},
        {"non-ASCII text is untouched", "\xE8\x82\x96 \xE6\x98\xA5", "\xE8\x82\x96 \xE6\x98\xA5"},
        {"every control character is space", std::string("a\x01\x1F") + '\0' + "b\x7F" + "c", "a b c"},
        {"space between two non-ASCII letters",
         "\xC3\xA9\xC2\xA0\xC3\xA9"
         " \xC3\xA9",
         "\xC3\xA9 \xC3\xA9 \xC3\xA9"},
        // A broken sequence reads as single bytes (Latin-1), whether it is
        // cut by an ASCII byte or by the end of the text.
        {"a lead byte before an ASCII letter",
         "\xC3"
         "a",
         "\xC3\x83"
         "a"},
        // (U+0082 is a control character, so white space.)
        {"a sequence cut short at the end", "a \xE2\x82", "a \xC3\xA2"},
    };
    for (const auto& row : rows) EXPECT_EQ(collapse_space(row.input), row.expected) << row.name;
}

TEST(FoldCase, LowersLettersOfEveryScriptXapianKnows) {
    const std::vector<Row> rows{
        {"ASCII", "Hello WORLD", "hello world"},
        {"Latin-1",
         "\xC3\x89"
         "COLE",
         "\xC3\xA9"
         "cole"},
        {"Latin Extended-A",
         "\xC5\x81\xC3\x93"
         "D\xC5\xB9",
         "\xC5\x82\xC3\xB3"
         "d\xC5\xBA"},
        {"Greek", "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"},
        {"Cyrillic", "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
         "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
        {"digits and punctuation stay", "A-1, B.2", "a-1, b.2"},
        {"CJK has no case", "\xE8\x82\x96\xE6\x98\xA5", "\xE8\x82\x96\xE6\x98\xA5"},
        {"ASCII between letters of other scripts", "\xCE\x91Z\xCE\x91 Q", "\xCE\xB1z\xCE\xB1 q"},
        {"a broken sequence reads as single bytes", "\xC3Z", "\xC3\xA3z"},
    };
    for (const auto& row : rows) EXPECT_EQ(fold_case(row.input), row.expected) << row.name;
}

TEST(FoldForMatch, LowersAndDropsTheAccentsOfLatinLetters) {
    const std::vector<Row> rows{
        {"ASCII", "Hello WORLD", "hello world"},
        {"Latin-1 accents",
         "Libert\xC3\xA9 \xC3\x89"
         "COLE Garc\xC3\xAD"
         "a M\xC3\xA1rquez \xC3\x91"
         "and\xC3\xBA",
         "liberte ecole garcia marquez nandu"},
        {"Latin Extended-A accents",
         "\xC5\x81\xC3\x93"
         "D\xC5\xB9 Dvo\xC5\x99\xC3\xA1k \xC5\x9E"
         "ahin",
         "lodz dvorak sahin"},
        {"letters that are not accented stay",
         "\xC3\x86thelred Stra\xC3\x9F"
         "e \xC5\x92uvre",
         "\xC3\xA6thelred stra\xC3\x9F"
         "e \xC5\x93uvre"},
        {"the multiplication sign stays",
         "2\xC3\x97"
         "3",
         "2\xC3\x97"
         "3"},
        {"Greek is lowered only", "\xCE\x91\xCE\x98", "\xCE\xB1\xCE\xB8"},
    };
    for (const auto& row : rows) EXPECT_EQ(fold_for_match(row.input), row.expected) << row.name;
}

TEST(SanitizeUtf8, ReplacesEachBadByte) {
    const std::string r = "\xEF\xBF\xBD";
    const std::vector<Row> rows{
        {"valid text is kept", "caf\xC3\xA9 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xF0\x9F\x98\x80"},
        {"a windows-1252 byte", "caf\xE9", "caf" + r},
        {"a lone continuation byte",
         "a\x80"
         "b",
         "a" + r + "b"},
        {"an overlong slash", "\xC0\xAF", r + r},
        {"a UTF-16 surrogate", "\xED\xA0\x80", r + r + r},
        {"past U+10FFFF", "\xF4\x90\x80\x80", r + r + r + r},
        {"a sequence cut by the end", "ab\xE2\x82", "ab" + r + r},
        {"NUL is valid UTF-8", std::string("a\0b", 3), std::string("a\0b", 3)},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(sanitize_utf8(row.input), row.expected) << row.name;
        EXPECT_TRUE(is_valid_utf8(sanitize_utf8(row.input))) << row.name;
        EXPECT_EQ(is_valid_utf8(row.input), row.input == row.expected) << row.name;
    }
}

TEST(AppendUtf8, EncodesEveryLength) {
    const std::vector<std::pair<char32_t, std::string>> rows{
        {U'A', "A"}, {0xE9, "\xC3\xA9"}, {0x20AC, "\xE2\x82\xAC"}, {0x1F600, "\xF0\x9F\x98\x80"}};
    for (const auto& [cp, expected] : rows) {
        std::string out = "x";
        append_utf8(out, cp);
        EXPECT_EQ(out, "x" + expected) << static_cast<unsigned>(cp);
    }
}

TEST(AsciiCase, ComparesIgnoringAsciiCaseOnly) {
    EXPECT_TRUE(iequals("Content-Type", "content-type"));
    EXPECT_FALSE(iequals("abc", "abcd"));
    EXPECT_FALSE(iequals("\xC3\x89", "\xC3\xA9")) << "only ASCII is folded";
    EXPECT_TRUE(starts_with_icase("CHARSET=utf-8", "charset"));
    EXPECT_FALSE(starts_with_icase("char", "charset"));
    EXPECT_EQ(ascii_lower("MiXeD \xC3\x89"), "mixed \xC3\x89");
}

TEST(CharStart, BacksOffToTheStartOfACharacter) {
    const std::string s =
        "a\xC3\xA9\xE2\x80\xA6"
        "b"; // a, é (2 bytes), … (3 bytes), b
    EXPECT_EQ(char_start(s, 0), 0u);
    EXPECT_EQ(char_start(s, 2), 1u);
    EXPECT_EQ(char_start(s, 5), 3u);
    EXPECT_EQ(char_start(s, 6), 6u);
    EXPECT_EQ(char_start(s, 7), 7u); // at the end
    EXPECT_EQ(char_start(s, 99), 99u);
}

TEST(HeadOf, KeepsAtMostNBytesAndSplitsNoCharacter) {
    const std::string s =
        "a\xC3\xA9\xE2\x80\xA6"
        "b"; // a, é (2 bytes), … (3 bytes), b
    EXPECT_EQ(head_of(s, 99), s);
    EXPECT_EQ(head_of(s, 7), s);
    EXPECT_EQ(head_of(s, 5), "a\xC3\xA9"); // not the first two bytes of the ellipsis
    EXPECT_EQ(head_of(s, 2), "a");
    EXPECT_EQ(head_of(s, 0), "");
}

TEST(AppendHtmlEscaped, EscapesTheFiveSpecialCharacters) {
    std::string out = "<kept>";
    append_html_escaped(out, "a<b>&\"c\" 'd' \xC3\xA9");
    EXPECT_EQ(out, "<kept>a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; \xC3\xA9");
}

} // namespace
} // namespace oped::text
