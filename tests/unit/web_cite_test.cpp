// Citations of an article in Chicago, MLA, APA and BibTeX: one row per case.

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

struct Row {
    const char* name;
    Article article;
    std::string chicago, mla, apa;
};

TEST(Cite, ReferencesInEachStyle) {
    const Row rows[] = {
        {"one author, a full date", article({"Alexander Hamilton"}, "1787-10-27"),
         "Hamilton, Alexander. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent "
         "Journal, "
         "October 27, 1787. https://ij.example/fed-1.",
         "Hamilton, Alexander. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent "
         "Journal, "
         "27 Oct. 1787, ij.example/fed-1.",
         "Hamilton, A. (1787, October 27). The Federalist No. 1: General Introduction. Independent Journal. "
         "https://ij.example/fed-1"},
        {"two authors", article({"Alexander Hamilton", "James Madison"}, "1788-02-06"),
         "Hamilton, Alexander, and James Madison. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D "
         "Independent Journal, February 6, 1788. https://ij.example/fed-1.",
         "Hamilton, Alexander, and James Madison. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D "
         "Independent Journal, 6 Feb. 1788, ij.example/fed-1.",
         "Hamilton, A., & Madison, J. (1788, February 6). The Federalist No. 1: General Introduction. "
         "Independent Journal. https://ij.example/fed-1"},
        {"three authors", article({"Alexander Hamilton", "James Madison", "John Jay"}, "1788-05"),
         "Hamilton, Alexander, James Madison, and John Jay. \xE2\x80\x9CThe Federalist No. 1: General "
         "Introduction.\xE2\x80\x9D Independent Journal, May 1788. https://ij.example/fed-1.",
         "Hamilton, Alexander, et al. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent "
         "Journal, May 1788, ij.example/fed-1.",
         "Hamilton, A., Madison, J., & Jay, J. (1788, May). The Federalist No. 1: General Introduction. "
         "Independent Journal. https://ij.example/fed-1"},
        {"no author, no date, a javascript: URL", article({}, "", "javascript:alert(1)"),
         "\xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent Journal, n.d.",
         "\xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent Journal.",
         "The Federalist No. 1: General Introduction. (n.d.). Independent Journal."},
        {"a one-word name", article({"Publius"}, "1787"),
         "Publius. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent Journal, 1787. "
         "https://ij.example/fed-1.",
         "Publius. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D Independent Journal, 1787, "
         "ij.example/fed-1.",
         "Publius. (1787). The Federalist No. 1: General Introduction. Independent Journal. https://ij.example/fed-1"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(plain(chicago(row.article)), row.chicago) << row.name;
        EXPECT_EQ(plain(mla(row.article)), row.mla) << row.name;
        EXPECT_EQ(plain(apa(row.article)), row.apa) << row.name;
    }
}

TEST(Cite, TheOutletIsInItalicsAndEverythingIsEscaped) {
    Article a = article({"<b>Mallory</b>"}, "1787-10-27");
    a.site = "<script>x</script>";
    EXPECT_EQ(to_html(chicago(a)),
              "&lt;b&gt;Mallory&lt;/b&gt;. \xE2\x80\x9CThe Federalist No. 1: General Introduction.\xE2\x80\x9D "
              "<i>&lt;script&gt;x&lt;/script&gt;</i>, October 27, 1787. https://ij.example/fed-1.");
}

TEST(Cite, BibtexEntry) {
    EXPECT_EQ(bibtex(article({"Alexander Hamilton", "James Madison"}, "1787-10-27"), "0a1b2c3d4e5f6789"),
              "@article{hamilton1787federalist,\n"
              "  author  = {Hamilton, Alexander and Madison, James},\n"
              "  title   = {{The Federalist No. 1: General Introduction}},\n"
              "  journal = {Independent Journal},\n"
              "  year    = {1787},\n"
              "  month   = oct,\n"
              "  date    = {1787-10-27},\n"
              "  url     = {https://ij.example/fed-1}\n"
              "}\n");
}

TEST(Cite, BibtexEscapesSpecialCharactersAndKeepsBracesBalanced) {
    Article a = article({}, "", "https://x.example/a{b}%c#d");
    a.title = "50% of {all} $ & #_ ~^\\";
    a.site = "";
    EXPECT_EQ(
        bibtex(a, "0a1b2c3d4e5f6789"),
        "@article{oped0a1b2c3d,\n"
        "  title   = {{50\\% of \\{all\\} \\$ \\& \\#\\_ \\textasciitilde{}\\textasciicircum{}\\textbackslash{}}},\n"
        "  url     = {https://x.example/a%7Bb%7D\\%c\\#d}\n"
        "}\n");
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
