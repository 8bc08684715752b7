#pragma once

// The search library's entry point: one Searcher per thread (Xapian objects
// are not shared between threads). Everything that reads the index runs in
// with_retry(), which first brings the index up to date (live_index.hpp) and
// reruns the work when a commit lands mid-way.

#include <oped/common/article.hpp>
#include <oped/common/errors.hpp>
#include <oped/common/outlets.hpp>
#include <oped/searcher/live_index.hpp>
#include <oped/searcher/search.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace oped::searcher {

namespace detail {
// with_retry's answer: fn's own Result, or fn's value made one.
template <class T>
struct AsResult {
    using type = Result<T>;
};
template <class T>
struct AsResult<Result<T>> {
    using type = Result<T>;
};
} // namespace detail

// An article read by its public id.
struct StoredArticle {
    std::string id;          // public id
    std::uint32_t docid = 0; // Xapian docid, this revision's
    Article article;
    std::vector<CopyRef> copies; // the piece's other copies, earliest first
};

class Searcher {
  public:
    // A searcher of the index at `db_path`, opened by its first use; a
    // missing index is then the error `unavailable`, until it is back.
    explicit Searcher(std::string db_path);

    // Opens the index now, read-only with its schema checked: a missing
    // index is `not_found` at once.
    static Result<Searcher> open(const std::string& db_path);

    // Runs `fn` (which reads database()) on the index as it is now: reopened
    // to the latest commit, or opened afresh when it was replaced; rerun from
    // a newer revision when a commit overwrote what it was reading. `fn` must
    // be safe to run again. A call made from inside another's `fn` just runs
    // `fn`: the outer call holds one revision for the whole request, and
    // retries it whole. Errors: `unavailable` while there is no index to read
    // or it keeps changing under the request; `fn`'s own.
    template <class Fn>
    typename detail::AsResult<std::invoke_result_t<Fn&>>::type with_retry(Fn&& fn);

    Result<SearchResponse> search(const SearchRequest& request);
    // The article with this public id (schema::public_id); not_found when
    // the index holds none.
    Result<StoredArticle> document(std::string_view public_id);

    // The database as of the last refresh; read it inside with_retry().
    Xapian::Database& database() { return m_index.database(); }
    const std::string& path() const { return m_index.path(); }
    // The outlet table of database() (outlets.hpp), read again only when
    // the stored one changed; read it inside with_retry().
    const schema::OutletTable& outlets();

  private:
    explicit Searcher(LiveIndex index);
    SearchResponse run(const SearchRequest& request);
    static Error kept_changing();

    LiveIndex m_index;
    bool m_in_retry = false;
    std::string m_outlets_stored; // the metadata m_outlets was read from
    schema::OutletTable m_outlets;
};

template <class Fn>
typename detail::AsResult<std::invoke_result_t<Fn&>>::type Searcher::with_retry(Fn&& fn) {
    if (m_in_retry) return fn();
    struct Scope {
        bool& flag;
        explicit Scope(bool& f) : flag(f) { flag = true; }
        ~Scope() { flag = false; }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
    } scope(m_in_retry);
    constexpr int k_attempts = 3;
    for (int attempt = 1;; ++attempt) {
        if (auto error = m_index.refresh()) return *std::move(error);
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= k_attempts) return kept_changing();
        } catch (const Xapian::DatabaseOpeningError&) {
            // A table opened lazily, after its files were deleted.
            m_index.forget();
            return index_unavailable("its files were deleted while being read");
        }
    }
}

} // namespace oped::searcher
