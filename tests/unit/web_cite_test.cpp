// Citations of an article in Chicago, MLA, APA, BibTeX and RIS: one row per case.

#include <oped/http/cite.hpp>

#include <gtest/gtest.h>

namespace oped::http::cite {
namespace {

Article article(std::vector<std::string> authors, std::string published, std::string url = "https://ij.example/fed-1") {
    Article a;
    a.title = "The Federalist No. 1: General Introduction";
    a.authors = std::move(authors);
    a.published = std::move(published);
    a.site = "Independent Journal";
    a.url = std::move(url);
    return a;
}

const Access k_access{"https://archive.example/doc/0a1b2c3d4e5f6789", "2026-12-06"};

// The archive's page read on k_access's day, in each style.
const std::string k_chicago_seen = " Accessed December 6, 2026. https://archive.example/doc/0a1b2c3d4e5f6789.";
const std::string k_mla_seen = ", archive.example/doc/0a1b2c3d4e5f6789. Accessed 6 Dec. 2026.";
const std::string k_apa_seen = " Retrieved December 6, 2026, from https://archive.example/doc/0a1b2c3d4e5f6789";
const std::string k_title = "\xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D";

struct Row {
    const char* name;
    Article article;
    std::string chicago, mla, apa;
};

TEST(Cite, ReferencesInEachStyleCiteTheArchivesPageReadOnADayAndTheOriginal) {
    const Row rows[] = {
        {"one author, a full date", article({"Alexander Hamilton"}, "1787-10-27"),
         "Hamilton, Alexander. " + k_title + " Independent Journal, October 27, 1787." + k_chicago_seen +
             " Originally published at https://ij.example/fed-1.",
         "Hamilton, Alexander. " + k_title + " Independent Journal, 27 Oct. 1787" + k_mla_seen +
             " Originally published at ij.example/fed-1.",
         "Hamilton, A. (1787, October 27). The Federalist No. 1: General Introduction. Independent Journal." +
             k_apa_seen + " (originally published at https://ij.example/fed-1)"},
        {"two authors", article({"Alexander Hamilton", "James Madison"}, "1788-02-06"),
         "Hamilton, Alexander, and James Madison. " + k_title + " Independent Journal, February 6, 1788." +
             k_chicago_seen + " Originally published at https://ij.example/fed-1.",
         "Hamilton, Alexander, and James Madison. " + k_title + " Independent Journal, 6 Feb. 1788" + k_mla_seen +
             " Originally published at ij.example/fed-1.",
         "Hamilton, A., & Madison, J. (1788, February 6). The Federalist No. 1: General Introduction. "
         "Independent Journal." +
             k_apa_seen + " (originally published at https://ij.example/fed-1)"},
        {"three authors", article({"Alexander Hamilton", "James Madison", "John Jay"}, "1788-05"),
         "Hamilton, Alexander, James Madison, and John Jay. " + k_title + " Independent Journal, May 1788." +
             k_chicago_seen + " Originally published at https://ij.example/fed-1.",
         "Hamilton, Alexander, et al. " + k_title + " Independent Journal, May 1788" + k_mla_seen +
             " Originally published at ij.example/fed-1.",
         "Hamilton, A., Madison, J., & Jay, J. (1788, May). The Federalist No. 1: General Introduction. "
         "Independent Journal." +
             k_apa_seen + " (originally published at https://ij.example/fed-1)"},
        {"no author, no date, a javascript: URL (not cited)", article({}, "", "javascript:alert(1)"),
         k_title + " Independent Journal, n.d." + k_chicago_seen, k_title + " Independent Journal" + k_mla_seen,
         "The Federalist No. 1: General Introduction. (n.d.). Independent Journal." + k_apa_seen},
        {"a one-word name", article({"Publius"}, "1787"),
         "Publius. " + k_title + " Independent Journal, 1787." + k_chicago_seen +
             " Originally published at https://ij.example/fed-1.",
         "Publius. " + k_title + " Independent Journal, 1787" + k_mla_seen +
             " Originally published at ij.example/fed-1.",
         "Publius. (1787). The Federalist No. 1: General Introduction. Independent Journal." + k_apa_seen +
             " (originally published at https://ij.example/fed-1)"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(plain(chicago(row.article, k_access)), row.chicago) << row.name;
        EXPECT_EQ(plain(mla(row.article, k_access)), row.mla) << row.name;
        EXPECT_EQ(plain(apa(row.article, k_access)), row.apa) << row.name;
    }
}

TEST(Cite, TheOutletIsInItalicsAndEverythingIsEscaped) {
    Article a = article({"<b>Mallory</b>"}, "1787-10-27");
    a.site = "<script>x</script>";
    EXPECT_EQ(to_html(chicago(a, k_access)),
              "&lt;b&gt;Mallory&lt;/b&gt;. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D "
              "<i>&lt;script&gt;x&lt;/script&gt;</i>, October 27, 1787." +
                  k_chicago_seen + " Originally published at https://ij.example/fed-1.");
}

TEST(Cite, BibtexEntryHasTheArchivesUrlTheDayItWasReadAndTheOriginal) {
    EXPECT_EQ(bibtex(article({"Alexander Hamilton", "James Madison"}, "1787-10-27"), "0a1b2c3d4e5f6789", k_access),
              "@article{hamilton1787federalist,\n"
              "  author  = {Hamilton, Alexander and Madison, James},\n"
              "  title   = {{The Federalist No. 1: General Introduction}},\n"
              "  journal = {Independent Journal},\n"
              "  year    = {1787},\n"
              "  month   = oct,\n"
              "  date    = {1787-10-27},\n"
              "  url     = {https://archive.example/doc/0a1b2c3d4e5f6789},\n"
              "  urldate = {2026-12-06},\n"
              "  note    = {Originally published at \\url{https://ij.example/fed-1}}\n"
              "}\n");
}

TEST(Cite, BibtexEscapesSpecialCharactersAndKeepsBracesBalanced) {
    Article a = article({}, "", "https://x.example/a{b}%c#d");
    a.title = "50% of {all} $ & #_ ~^\\";
    a.site = "";
    EXPECT_EQ(
        bibtex(a, "0a1b2c3d4e5f6789", k_access),
        "@article{oped0a1b2c3d,\n"
        "  title   = {{50\\% of \\{all\\} \\$ \\& \\#\\_ \\textasciitilde{}\\textasciicircum{}\\textbackslash{}}},\n"
        "  url     = {https://archive.example/doc/0a1b2c3d4e5f6789},\n"
        "  urldate = {2026-12-06},\n"
        "  note    = {Originally published at \\url{https://x.example/a%7Bb%7D\\%c\\#d}}\n"
        "}\n");
}

struct RisRow {
    const char* name;
    Article article;
    std::string record;
};

TEST(Cite, RisRecordsOneTagALineEndingInER) {
    Article untitled = article({}, "1788-05", "javascript:alert(1)");
    untitled.title = "";
    untitled.site = "";
    Article broken = article({"Alexander\nHamilton"}, "1787-10-27");
    broken.title = "Two\r\nlines\x01here";
    const RisRow rows[] = {
        {"a newspaper article by two authors", article({"Alexander Hamilton", "James Madison"}, "1787-10-27"),
         "TY  - NEWS\r\n"
         "TI  - The Federalist No. 1: General Introduction\r\n"
         "AU  - Hamilton, Alexander\r\n"
         "AU  - Madison, James\r\n"
         "PY  - 1787\r\n"
         "DA  - 1787/10/27/\r\n"
         "T2  - Independent Journal\r\n"
         "UR  - https://archive.example/doc/0a1b2c3d4e5f6789\r\n"
         "Y2  - 2026/12/06/\r\n"
         "N1  - Originally published at https://ij.example/fed-1\r\n"
         "ER  - \r\n"},
        {"no outlet, no title, a month, no usable original", untitled,
         "TY  - ELEC\r\n"
         "TI  - Untitled\r\n"
         "PY  - 1788\r\n"
         "DA  - 1788/05//\r\n"
         "UR  - https://archive.example/doc/0a1b2c3d4e5f6789\r\n"
         "Y2  - 2026/12/06/\r\n"
         "ER  - \r\n"},
        {"line breaks and control characters inside values", broken,
         "TY  - NEWS\r\n"
         "TI  - Two lines here\r\n"
         "AU  - Hamilton, Alexander\r\n"
         "PY  - 1787\r\n"
         "DA  - 1787/10/27/\r\n"
         "T2  - Independent Journal\r\n"
         "UR  - https://archive.example/doc/0a1b2c3d4e5f6789\r\n"
         "Y2  - 2026/12/06/\r\n"
         "N1  - Originally published at https://ij.example/fed-1\r\n"
         "ER  - \r\n"},
    };
    for (const auto& row : rows) EXPECT_EQ(ris(row.article, k_access), row.record) << row.name;
}

TEST(Cite, TodayIsADateInUtc) {
    const std::string today = today_utc();
    ASSERT_EQ(today.size(), 10u);
    EXPECT_EQ(today[4], '-');
    EXPECT_EQ(today[7], '-');
    EXPECT_GE(today.substr(0, 4), "2024");
}

TEST(Cite, NamesSplitIntoGivenAndFamily) {
    const struct {
        const char* display;
        const char* given;
        const char* family;
    } rows[] = {
        {"Alexander Hamilton", "Alexander", "Hamilton"},
        {"Hamilton, Alexander", "Alexander", "Hamilton"},
        {"Mary Wollstonecraft Shelley", "Mary Wollstonecraft", "Shelley"},
        {"Publius", "", "Publius"},
        {"  Thomas   Paine ", "Thomas", "Paine"},
    };
    for (const auto& row : rows) {
        const Name n = split_name(row.display);
        EXPECT_EQ(n.given, row.given) << row.display;
        EXPECT_EQ(n.family, row.family) << row.display;
    }
}

} // namespace
} // namespace oped::http::cite
