#pragma once

// Article pages built at test time. Every field is stated the same way in
// JSON-LD (NewsArticle), OpenGraph/article: meta tags, <meta name=author>,
// <title>, <html lang> and <link rel=canonical>, so whatever source an
// extractor prefers, it reads the same values.

#include <string>
#include <vector>

namespace oped::test {

struct PageSpec {
    std::string url; // canonical; empty: the page names no URL anywhere
    std::string title;
    std::vector<std::string> authors;
    std::string published; // "YYYY-MM-DD"; empty: undated
    std::string site;
    std::string section;
    std::vector<std::string> tags;
    std::string language = "en";
    std::string description;
    std::vector<std::string> paragraphs;
};

std::string article_page(const PageSpec& spec);

// `count` paragraphs of plain editorial prose, each well over the length a
// body extractor wants, each naming `keyword` once so a test can search for it.
std::vector<std::string> prose(const std::string& keyword, int count = 4);

// A page made of spec defaults and prose about `keyword`: a quick valid
// article for tests that only need "a good page".
PageSpec simple_spec(const std::string& keyword, const std::string& url = {});

} // namespace oped::test
