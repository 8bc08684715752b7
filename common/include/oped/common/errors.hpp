#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace oped {

// Every expected failure has a code; errors.cpp holds the one table that maps
// a code to its name, its process exit code and its HTTP status.
enum class ErrorCode {
    usage,           // bad command line or parameter
    not_found,       // a file, document or index that does not exist
    io,              // read or write failed
    not_html,        // the bytes are not an HTML page (binary, wrong type)
    too_large,       // over --max-size
    empty_article,   // parsed, but no article text
    index_locked,    // another writer holds the database lock
    schema_mismatch, // the index was built by an incompatible oped
    index_corrupt,   // Xapian reports corruption
    invalid_param,   // an API parameter out of range or malformed
    index_readonly,  // the index folder, its file system or its lock file cannot be written
    disk_full,       // a write to the index failed for want of space (or past a file size limit)
    crashed,         // extracting a page killed its worker process
    timed_out,       // extracting a page took longer than --page-timeout
    out_of_memory,   // extracting a page took more memory than --page-memory
    unavailable,     // the index went away while served (deleted, being rebuilt): try again
    internal,        // a bug: an exception nobody expected
};

struct Error {
    ErrorCode code = ErrorCode::internal;
    std::string message;
    std::string param; // the offending parameter or path, when there is one
};

std::string_view error_name(ErrorCode code);
// The code whose error_name() is `name`; internal when there is none.
ErrorCode error_code_named(std::string_view name);
int exit_code(ErrorCode code);
int http_status(ErrorCode code);

// A value or the reason there is none. Deliberately small: has_value(),
// value(), error(); no monadic helpers until code needs them.
template <class T>
class Result {
  public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool has_value() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return has_value(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const Error& error() const { return std::get<Error>(m_state); }

  private:
    std::variant<T, Error> m_state;
};

} // namespace oped
