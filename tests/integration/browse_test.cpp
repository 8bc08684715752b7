// Browsing without a query reads the newest (or oldest) periods only; its
// pages must be exactly those of a sort of every match, whatever the
// filters, the page or the mix of dates (days, months alone, years alone,
// none).

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>
#include <oped/searcher/query_builder.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped {
namespace {

using test::TempDir;

// 600 pages over 2001-2012: most dated to the day, some to the month or the
// year alone, some undated; several on the same day; five authors.
std::vector<Article> archive() {
    std::vector<Article> out;
    const char* authors[] = {"Ann Able", "Ben Brook", "Cy Cole", "Di Dove", "Ed East"};
    for (int i = 0; i < 600; ++i) {
        const int year = 2001 + (i * 7) % 12;
        const int month = 1 + (i * 5) % 12;
        const int day = 1 + (i * 3) % 28;
        char date[16];
        if (i % 41 == 0) {
            date[0] = '\0';
        } else if (i % 13 == 0) {
            std::snprintf(date, sizeof date, "%04d", year);
        } else if (i % 11 == 0) {
            std::snprintf(date, sizeof date, "%04d-%02d", year, month);
        } else {
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
        }
        out.push_back(test::fixture_article("p" + std::to_string(i), "Page " + std::to_string(i), {authors[i % 5]},
                                            date, i % 3 == 0 ? "The Daily" : "The Weekly", {},
                                            {"Some words of page " + std::to_string(i) + "."}));
    }
    return out;
}

struct BrowseCase {
    const char* name;
    searcher::SortOrder sort;
    unsigned page;
    unsigned per_page;
    std::vector<std::string> authors;
    std::string from, to;
};

class Browse : public ::testing::TestWithParam<BrowseCase> {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        test::build_fixture_index(*s_dir / "db", archive());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    static TempDir* s_dir;
};
TempDir* Browse::s_dir = nullptr;

// The docids of the page as a sort of every match gives them.
std::vector<std::uint32_t> sorted_whole(const Xapian::Database& db, const searcher::SearchRequest& r) {
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(std::string()), searcher::filter_query(r).value()));
    Xapian::MultiValueKeyMaker keys;
    if (r.sort == searcher::SortOrder::oldest) {
        keys.add_value(schema::slot::published, false, "99999999");
    } else {
        keys.add_value(schema::slot::published, true, "00000000");
    }
    enquire.set_sort_by_key_then_relevance(&keys, false);
    const Xapian::MSet mset = enquire.get_mset((r.page - 1) * r.per_page, r.per_page);
    std::vector<std::uint32_t> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
}

TEST_P(Browse, APageIsThatOfASortOfEveryMatch) {
    const BrowseCase& c = GetParam();
    auto searcher = searcher::Searcher::open((*s_dir / "db").string());
    ASSERT_TRUE(searcher);
    searcher::SearchRequest r;
    r.sort = c.sort;
    r.page = c.page;
    r.per_page = c.per_page;
    r.authors = c.authors;
    r.from = c.from;
    r.to = c.to;
    const auto found = searcher.value().search(r);
    ASSERT_TRUE(found) << found.error().message;
    std::vector<std::uint32_t> got;
    for (const auto& hit : found.value().results) got.push_back(hit.docid);
    if (r.sort == searcher::SortOrder::relevance) r.sort = searcher::SortOrder::newest;
    EXPECT_EQ(got, sorted_whole(searcher.value().database(), r)) << c.name;
}

const BrowseCase k_cases[] = {
    {"the front page", searcher::SortOrder::relevance, 1, 10, {}, "", ""},
    {"newest first, asked for", searcher::SortOrder::newest, 1, 10, {}, "", ""},
    {"oldest first", searcher::SortOrder::oldest, 1, 10, {}, "", ""},
    {"a later page", searcher::SortOrder::newest, 7, 20, {}, "", ""},
    {"a page of year-only and month-only dates", searcher::SortOrder::oldest, 3, 25, {}, "", ""},
    {"the last page, undated pages included", searcher::SortOrder::newest, 6, 100, {}, "", ""},
    {"the last page oldest first", searcher::SortOrder::oldest, 6, 100, {}, "", ""},
    {"one author", searcher::SortOrder::newest, 1, 10, {"Cy Cole"}, "", ""},
    {"one author, a deep page", searcher::SortOrder::newest, 5, 20, {"Cy Cole"}, "", ""},
    {"a date range", searcher::SortOrder::newest, 1, 10, {}, "2003", "2005-06"},
    {"a date range oldest first", searcher::SortOrder::oldest, 2, 10, {}, "2003", "2005-06"},
    {"one author in a range", searcher::SortOrder::newest, 1, 10, {"Ann Able"}, "2010", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, Browse, ::testing::ValuesIn(k_cases));

} // namespace
} // namespace oped
