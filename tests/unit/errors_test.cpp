#include <oped/common/errors.hpp>

#include <gtest/gtest.h>

namespace oped {
namespace {

TEST(ErrorTable, EveryCodeHasANameExitCodeAndStatus) {
    for (int c = 0; c <= static_cast<int>(ErrorCode::internal); ++c) {
        const auto code = static_cast<ErrorCode>(c);
        EXPECT_FALSE(error_name(code).empty()) << c;
        EXPECT_GE(http_status(code), 400) << c;
        EXPECT_GE(exit_code(code), 1) << c;
    }
}

TEST(ErrorTable, DocumentedExitCodes) {
    EXPECT_EQ(exit_code(ErrorCode::usage), 2);
    EXPECT_EQ(exit_code(ErrorCode::index_locked), 3);
    EXPECT_EQ(exit_code(ErrorCode::not_html), 4);
    EXPECT_EQ(error_name(ErrorCode::index_locked), "index_locked");
    EXPECT_EQ(exit_code(ErrorCode::index_corrupt), 5);
    EXPECT_EQ(exit_code(ErrorCode::index_readonly), 6);
    EXPECT_EQ(exit_code(ErrorCode::disk_full), 7);
    // The index deleted or being rebuilt under a server: busy, try again.
    EXPECT_EQ(exit_code(ErrorCode::unavailable), 3);
    EXPECT_EQ(http_status(ErrorCode::unavailable), 503);
    EXPECT_EQ(error_name(ErrorCode::unavailable), "unavailable");
    for (const auto code : {ErrorCode::crashed, ErrorCode::timed_out, ErrorCode::out_of_memory}) {
        EXPECT_EQ(exit_code(code), 4) << error_name(code) << ": one page's failure";
    }
}

TEST(ErrorTable, NamesMapBackToTheirCodes) {
    for (int c = 0; c <= static_cast<int>(ErrorCode::internal); ++c) {
        const auto code = static_cast<ErrorCode>(c);
        EXPECT_EQ(error_code_named(error_name(code)), code) << error_name(code);
    }
    EXPECT_EQ(error_code_named("no_such_code"), ErrorCode::internal);
}

TEST(Result, HoldsValueOrError) {
    Result<int> ok = 3;
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok.value(), 3);
    Result<int> bad = Error{ErrorCode::not_found, "gone", "path"};
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::not_found);
    EXPECT_EQ(bad.error().param, "path");
}

} // namespace
} // namespace oped
