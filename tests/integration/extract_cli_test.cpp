#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace oped::test {
namespace {

TEST(ExtractCli, PrintsOneJsonLinePerFileInOrderEvenForFailures) {
    TempDir dir;
    write_file(dir / "a.html", "<html><head><title>First</title></head><body><p>Alpha text.</p></body></html>");
    write_file(dir / "b.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12));
    write_file(dir / "c.htm", "<html><head><title>Third</title></head><body><p>Gamma text.</p></body></html>");
    const RunResult r =
        run_oped({"extract", "--json", (dir / "a.html").string(), (dir / "b.html").string(), (dir / "c.htm").string()});
    EXPECT_EQ(r.exit_code, 4) << r.err;
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["title"], "First");
    EXPECT_TRUE(lines[1].contains("error"));
    EXPECT_EQ(lines[1]["error"]["code"], "not_html");
    EXPECT_EQ(lines[2]["title"], "Third");
}

} // namespace
} // namespace oped::test
