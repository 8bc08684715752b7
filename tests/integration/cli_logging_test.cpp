// Log lines on a terminal or in a file, and under systemd's journal.

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

namespace oped::test {
namespace {

// "2026-12-06 05:43:54" anywhere in `text`.
bool has_timestamp(const std::string& text) {
    static constexpr std::string_view k_shape = "dddd-dd-dd dd:dd:dd";
    for (std::size_t i = 0; i + k_shape.size() <= text.size(); ++i) {
        bool all = true;
        for (std::size_t k = 0; k < k_shape.size() && all; ++k) {
            const char c = text[i + k];
            all = k_shape[k] == 'd' ? std::isdigit(static_cast<unsigned char>(c)) != 0 : c == k_shape[k];
        }
        if (all) return true;
    }
    return false;
}

TEST(CliLogging, UnderTheJournalALineIsItsPriorityAndTheMessage) {
    TempDir dir;
    const RunResult r =
        run_program("env", {"JOURNAL_STREAM=8:12345", OPED_BINARY, "stats", "--db", (dir / "none").string()});
    ASSERT_NE(r.exit_code, 0);
    // <3> is syslog's "error": the journal files the line at that priority
    // and adds the time itself, so oped writes neither a time nor a level.
    EXPECT_EQ(r.err.rfind("<3>no index at ", 0), 0U) << r.err;
    EXPECT_FALSE(has_timestamp(r.err)) << r.err;
    EXPECT_EQ(r.err.find("[error]"), std::string::npos) << r.err;
}

TEST(CliLogging, ElsewhereALineHasItsTimeAndLevel) {
    TempDir dir;
    const RunResult r =
        run_program("env", {"-u", "JOURNAL_STREAM", OPED_BINARY, "stats", "--db", (dir / "none").string()});
    ASSERT_NE(r.exit_code, 0);
    EXPECT_TRUE(has_timestamp(r.err)) << r.err;
    EXPECT_NE(r.err.find("[error] no index at "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("<3>"), std::string::npos) << r.err;
}

} // namespace
} // namespace oped::test
