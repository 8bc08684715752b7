#include <oped/common/errors.hpp>

#include <array>

namespace oped {
namespace {

struct ErrorRow {
    ErrorCode code;
    std::string_view name;
    int exit_code; // documented in README.md, "Exit codes"
    int http_status;
};

// Keep in the order of the enum; errors_test checks that.
constexpr std::array<ErrorRow, 17> k_error_table{{
    {ErrorCode::usage, "usage", 2, 400},
    {ErrorCode::not_found, "not_found", 1, 404},
    {ErrorCode::io, "io", 1, 500},
    {ErrorCode::not_html, "not_html", 4, 422},
    {ErrorCode::too_large, "too_large", 4, 413},
    {ErrorCode::empty_article, "empty_article", 4, 422},
    {ErrorCode::index_locked, "index_locked", 3, 503},
    {ErrorCode::schema_mismatch, "schema_mismatch", 5, 500},
    {ErrorCode::index_corrupt, "index_corrupt", 5, 500},
    {ErrorCode::invalid_param, "invalid_param", 2, 400},
    {ErrorCode::index_readonly, "index_readonly", 6, 503},
    {ErrorCode::disk_full, "disk_full", 7, 507},
    {ErrorCode::crashed, "crashed", 4, 500},
    {ErrorCode::timed_out, "timed_out", 4, 504},
    {ErrorCode::out_of_memory, "out_of_memory", 4, 507},
    {ErrorCode::unavailable, "unavailable", 3, 503},
    {ErrorCode::internal, "internal", 1, 500},
}};

const ErrorRow& row(ErrorCode code) { return k_error_table.at(static_cast<std::size_t>(code)); }

} // namespace

std::string_view error_name(ErrorCode code) { return row(code).name; }
ErrorCode error_code_named(std::string_view name) {
    for (const auto& r : k_error_table) {
        if (r.name == name) return r.code;
    }
    return ErrorCode::internal;
}

int exit_code(ErrorCode code) { return row(code).exit_code; }
int http_status(ErrorCode code) { return row(code).http_status; }

} // namespace oped
