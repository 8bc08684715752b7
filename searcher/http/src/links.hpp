#pragma once

// Links between states of the search page: the current parameters with one
// filter added or removed, another page, another sort. Only the search
// parameters are kept, in one order, so equal states have equal URLs.

#include <oped/http/reply.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oped::http {

class SearchLink {
  public:
    explicit SearchLink(const ParamMap& params, std::string path = "/");

    SearchLink& set(std::string_view key, std::string_view value); // replaces; empty removes
    SearchLink& add(std::string_view key, std::string_view value); // once
    SearchLink& remove(std::string_view key, std::string_view value);
    SearchLink& remove(std::string_view key);
    SearchLink& path(std::string p);
    // Adds the value, or removes it when present; the page goes back to 1.
    SearchLink& toggle(std::string_view key, std::string_view value);

    bool has(std::string_view key, std::string_view value) const;
    bool has(std::string_view key) const;
    std::string get(std::string_view key) const; // first value or empty
    std::vector<std::string> all(std::string_view key) const;

    std::string query_string() const; // "q=a&author=B", encoded
    std::string url() const;          // path, then "?" and the query when there is one

  private:
    std::string m_path;
    std::vector<std::pair<std::string, std::string>> m_params;
};

// The parameters a search page keeps, in their order in URLs.
const std::vector<std::string_view>& search_keys();

} // namespace oped::http
