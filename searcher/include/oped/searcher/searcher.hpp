#pragma once

// The search library's entry point: one Searcher per thread (Xapian objects
// are not shared between threads). It reopens its database before each
// search so new commits are seen, and retries when a commit lands mid-search.

#include <oped/common/article.hpp>
#include <oped/common/errors.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>

namespace oped::searcher {

class Searcher {
  public:
    explicit Searcher(Xapian::Database db);

    // Opens the index read-only with its schema checked.
    static Result<Searcher> open(const std::string& db_path);

    Result<SearchResponse> search(const SearchRequest& request);
    Result<Article> document(std::uint32_t id);

    Xapian::Database& database() { return m_db; }

  private:
    SearchResponse run(const SearchRequest& request);

    Xapian::Database m_db;
};

// The first `bytes` of text, cut at a word, HTML-escaped, with an ellipsis.
std::string lead_snippet(const std::string& text, std::size_t bytes);
std::string html_escape(std::string_view text);

} // namespace oped::searcher
