// One outlet, one name (issue 12 item 2), on a real index: the pages of one
// site under two names are one outlet under its most common name, in the
// facets, the filter, the results, the article and the index's figures;
// `oped index --outlets FILE` merges sites and is kept for later runs.

#include "support/corpus.hpp"

#include <oped/common/index_figures.hpp>
#include <oped/common/schema.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace oped::test {
namespace {

using Counts = std::map<std::string, std::uint64_t>;

class Outlets : public ::testing::Test {
  protected:
    // `n` pages named `site`, at `host` (no URL when empty).
    void add(const std::string& host, const std::string& site, int n) {
        for (int i = 0; i < n; ++i) {
            const std::string name = "p" + std::to_string(m_pages++);
            PageSpec spec = simple_spec("word" + name, host.empty() ? "" : "https://" + host + "/op-ed/" + name);
            spec.site = site;
            write_file(c.page_path(name + ".html"), article_page(spec));
        }
    }
    void index(const std::vector<std::string>& extra = {}) {
        const IndexRun r = c.index({}, extra);
        ASSERT_EQ(r.run.exit_code, 0) << r.output();
    }
    searcher::SearchResponse browse(const std::vector<std::string>& sites = {}) {
        auto s = searcher::Searcher::open(c.db());
        EXPECT_TRUE(s);
        searcher::SearchRequest r;
        r.sites = sites;
        r.per_page = 100;
        auto found = s.value().search(r);
        EXPECT_TRUE(found) << found.error().message;
        return found ? std::move(found).value() : searcher::SearchResponse{};
    }
    Counts site_facet(const std::vector<std::string>& sites = {}) {
        Counts out;
        for (const auto& v : browse(sites).facets.site) out[v.value] = v.count;
        return out;
    }
    std::uint64_t outlets_figure() const {
        return schema::decode_figures(c.open().get_metadata(std::string(schema::k_meta_figures))).value().sites;
    }

    Corpus c;
    int m_pages = 0;
};

TEST_F(Outlets, TwoNamesOfOneSiteAreOneOutletUnderTheMoreCommon) {
    add("www.ledger.example", "The Ledger", 3);
    add("archive.ledger.example", "The Ledger Archive", 2);
    add("gazette.example", "The Gazette", 2);
    add("", "Ledger Weekly", 1);
    index();
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 5}, {"The Gazette", 2}, {"Ledger Weekly", 1}}));
    EXPECT_EQ(outlets_figure(), 3u);
    for (const std::string filter : {"The Ledger", "the ledger archive"}) {
        const auto r = browse({filter});
        EXPECT_EQ(r.total, 5u) << "filtered by " << filter;
        for (const auto& hit : r.results) EXPECT_EQ(hit.article.site, "The Ledger") << hit.article.url;
        ASSERT_FALSE(r.results.empty());
        auto s = searcher::Searcher::open(c.db());
        EXPECT_EQ(s.value().document(r.results.back().id).value().article.site, "The Ledger");
    }
}

TEST_F(Outlets, AnAliasesFileMergesSitesAndIsKept) {
    add("www.ledger.example", "The Ledger", 3);
    add("", "Ledger Weekly", 1);
    add("gazette.example", "The Gazette", 2);
    index();
    const auto aliases = c.page_path("../outlets.txt");
    write_file(aliases, "# merged by hand\nLedger Weekly = The Ledger\n\ngazette.example = Gazette of the Town\n");
    index({"--outlets", aliases.string()});
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 4}, {"Gazette of the Town", 2}}));
    EXPECT_EQ(browse({"Ledger Weekly"}).total, 4u);
    EXPECT_EQ(outlets_figure(), 2u);

    // A later run without --outlets keeps them, and counts the new pages.
    add("news.ledger.example", "The Ledger", 1);
    index();
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 5}, {"Gazette of the Town", 2}}));

    // An empty file drops them.
    write_file(aliases, "");
    index({"--outlets", aliases.string()});
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 4}, {"The Gazette", 2}, {"Ledger Weekly", 1}}));
}

TEST_F(Outlets, ReindexingKeepsTheTableCurrent) {
    add("www.ledger.example", "The Ledger", 2);
    index();
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 2}}));
    add("www.ledger.example", "Ledger Today", 3); // the site's name is now the more common one
    index();
    EXPECT_EQ(site_facet(), (Counts{{"Ledger Today", 5}}));
    EXPECT_EQ(browse({"The Ledger"}).total, 5u);
    std::filesystem::remove(c.page_path("p2.html"));
    std::filesystem::remove(c.page_path("p3.html"));
    index(); // vanished pages are removed: the older name is ahead again
    EXPECT_EQ(site_facet(), (Counts{{"The Ledger", 3}}));
}

TEST_F(Outlets, ABadAliasesFileWritesNothing) {
    add("www.ledger.example", "The Ledger", 1);
    const auto aliases = c.page_path("../outlets.txt");
    write_file(aliases, "The Ledger\n");
    const IndexRun r = c.index({}, {"--outlets", aliases.string()});
    EXPECT_EQ(r.run.exit_code, exit_code(ErrorCode::usage)) << r.output();
    EXPECT_NE(r.output().find("line 1"), std::string::npos) << r.output();
    EXPECT_FALSE(std::filesystem::exists(c.db()));
    const IndexRun missing = c.index({}, {"--outlets", c.page_path("../none.txt").string()});
    EXPECT_EQ(missing.run.exit_code, exit_code(ErrorCode::io)) << missing.output();
}

} // namespace
} // namespace oped::test
