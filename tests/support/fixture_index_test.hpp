#pragma once

// A test suite over an index of fixture articles (search_fixture.hpp): the
// index is built once per suite in a temp folder from what `Articles()`
// returns, each test gets its own Searcher on it.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace oped::test {

template <auto Articles>
class IndexedArticlesTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(db_path(), Articles());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static std::string db_path() { return (*s_dir / "db").string(); }

    void SetUp() override {
        auto opened = searcher::Searcher::open(db_path());
        ASSERT_TRUE(opened) << opened.error().message;
        m_searcher = std::make_unique<searcher::Searcher>(std::move(opened).value());
    }

    inline static TempDir* s_dir = nullptr;
    std::unique_ptr<searcher::Searcher> m_searcher;
};

// The searcher's fixture articles.
using FixtureIndexTest = IndexedArticlesTest<search_fixture_articles>;

} // namespace oped::test
