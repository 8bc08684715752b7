#include <oped/indexer/crawl.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

TEST(IsUnder, TellsWhichPagesARootOwns) {
    struct Row {
        const char* name;
        std::string path;
        CrawlRoot root;
        bool expected;
    };
    const CrawlRoot dir{"/a/b", true, true};
    const CrawlRoot file{"/a/b.html", false, true};
    const std::vector<Row> rows{
        {"a file root owns itself", "/a/b.html", file, true},
        {"a file root owns nothing else", "/a/b.html.gz", file, false},
        {"a file root is not a folder", "/a/b.html/c.html", file, false},
        {"a folder root owns its children", "/a/b/c.html", dir, true},
        {"a folder root owns its grandchildren", "/a/b/c/d/e.html", dir, true},
        {"a sibling with a longer name is not under it", "/a/bc/d.html", dir, false},
        {"a sibling file sharing the prefix is not under it", "/a/bc", dir, false},
        {"the folder itself is not a page under it", "/a/b", dir, false},
        {"the parent is not under it", "/a", dir, false},
        {"an unrelated path", "/z/b/c.html", dir, false},
        {"the file system root owns everything", "/x/y.html", CrawlRoot{"/", true, true}, true},
    };
    for (const auto& row : rows) EXPECT_EQ(is_under(row.path, row.root), row.expected) << row.name;
}

TEST(NormalAbsolute, GivesOneSpellingPerPath) {
    struct Row {
        const char* name;
        std::string input;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"already normal", "/a/b", "/a/b"},         {"a trailing slash goes", "/a/b/", "/a/b"},
        {"dot segments go", "/a/./b/../c", "/a/c"}, {"doubled slashes collapse", "/a//b", "/a/b"},
        {"the root stays the root", "/", "/"},
    };
    for (const auto& row : rows) EXPECT_EQ(normal_absolute(row.input), row.expected) << row.name;
}

TEST(NormalAbsolute, MakesRelativePathsAbsolute) {
    const std::string out = normal_absolute("some/dir/");
    EXPECT_EQ(out.front(), '/');
    EXPECT_TRUE(out.ends_with("/some/dir")) << out;
}

} // namespace
} // namespace oped::indexer
