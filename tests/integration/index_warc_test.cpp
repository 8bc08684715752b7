// WARC input: `oped index` and `oped extract` read the HTML responses of
// real WARC files, made by wget from a site on a loopback port; re-runs are
// incremental per record; broken records cost only themselves.

#include "support/corpus.hpp"
#include "support/gzip.hpp"
#include "support/index_probe.hpp"
#include "support/pages.hpp"
#include "support/warc_site.hpp"

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

constexpr int k_some_pages_failed = 4;

std::string dated_page(const std::string& keyword, const std::string& date) {
    PageSpec spec = simple_spec(keyword);
    spec.published = date;
    return article_page(spec);
}

std::string undated_page(const std::string& keyword) {
    PageSpec spec = simple_spec(keyword);
    spec.published.clear();
    return article_page(spec);
}

// Four HTML pages (plain, dated, gzip-encoded, chunked) and three that are
// not pages: a 404, a text file, a redirect.
std::vector<SitePage> site_pages() {
    return {
        {"/alpha.html", undated_page("warcalpha")},
        {"/bravo.html", dated_page("warcbravo", "2019-03-04")},
        {"/gamma.html", undated_page("warcgamma"), 200, "text/html", SitePage::Coding::gzip},
        {"/delta.html", undated_page("warcdelta"), 200, "text/html; charset=utf-8", SitePage::Coding::chunked},
        {"/notes.txt", "plain words warcnotes", 200, "text/plain"},
    };
}

const std::vector<std::string> k_paths{"/alpha.html", "/bravo.html",   "/gamma.html",
                                       "/delta.html", "/missing.html", "/notes.txt"};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

Article article_with_id(const Corpus& c, const std::string& id) {
    const auto db = c.open();
    const auto ids = postings(db, schema::boolean_term(schema::prefix::id, id));
    if (ids.size() != 1) return {};
    auto article = decode_docdata(db.get_document(ids[0]).get_data());
    return article ? article.value() : Article{};
}

class WgetWarc : public ::testing::Test {
  protected:
    void SetUp() override { warc = crawl_to_warc(site, k_paths, c.root() / "crawl"); }

    IndexRun index() const { return c.index({warc.string()}); }

    Corpus c;
    FixtureSite site{site_pages()};
    fs::path warc;
};

TEST_F(WgetWarc, EveryHtmlResponseBecomesAPageAtItsTargetUri) {
    const IndexRun r = index();
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(r.counts, (SummaryCounts{4, 4, 0, 0, 0, 0, 0})) << r.output();
    for (const char* path : {"/alpha.html", "/bravo.html", "/gamma.html", "/delta.html"}) {
        EXPECT_EQ(c.docs_with_id(site.url(path)), 1u) << path;
    }
    for (const char* word : {"warcalpha", "warcbravo", "warcgamma", "warcdelta"}) {
        EXPECT_EQ(c.matches(word), 1u) << word << " (gzip and chunked bodies decoded)";
    }
    EXPECT_EQ(c.matches("warcnotes"), 0u);
    EXPECT_EQ(c.docs_with_path(warc.string() + "#" + site.url("/alpha.html")), 1u);
    // wget's requests, the 404, the text file, its warcinfo and log records.
    EXPECT_NE(r.output().find("request 6"), std::string::npos) << r.output();
    EXPECT_NE(r.output().find("not 200 1"), std::string::npos) << r.output();
    EXPECT_NE(r.output().find("not HTML 1"), std::string::npos) << r.output();
}

TEST_F(WgetWarc, TheCrawlDateIsKeptApartFromThePublicationDate) {
    ASSERT_EQ(index().run.exit_code, 0);
    const Article undated = article_with_id(c, site.url("/alpha.html"));
    EXPECT_EQ(undated.published, "");
    ASSERT_GE(undated.crawl_date.size(), 10u);
    EXPECT_EQ(undated.crawl_date.substr(0, 2), "20");
    EXPECT_EQ(undated.crawl_date.back(), 'Z') << "the WARC-Date as written";
    const Article dated = article_with_id(c, site.url("/bravo.html"));
    EXPECT_EQ(dated.published, "2019-03-04");
    EXPECT_EQ(dated.crawl_date, "") << "a page that states its date needs no crawl date";
    // Not a publication date anywhere a reader looks: no date terms or
    // values, and the API shows none.
    const auto db = c.open();
    const auto ids = postings(db, schema::boolean_term(schema::prefix::id, site.url("/alpha.html")));
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_TRUE(terms_with_prefix(db.get_document(ids[0]), schema::prefix::year).empty());
    EXPECT_EQ(db.get_document(ids[0]).get_value(schema::slot::published), "");
    const RunResult search = run_oped({"search", "--db", c.db(), "--json", "warcalpha"});
    ASSERT_EQ(search.exit_code, 0) << search.err;
    const auto hits = nlohmann::json::parse(search.out)["results"];
    ASSERT_EQ(hits.size(), 1u) << search.out;
    EXPECT_TRUE(hits[0]["published"].is_null() || hits[0]["published"] == "") << search.out;
    EXPECT_EQ(search.out.find(undated.crawl_date), std::string::npos) << search.out;
}

TEST_F(WgetWarc, ASecondRunFindsEveryRecordUnchanged) {
    ASSERT_EQ(index().run.exit_code, 0);
    const IndexRun again = index();
    EXPECT_EQ(again.run.exit_code, 0) << again.output();
    EXPECT_EQ(again.counts, (SummaryCounts{4, 0, 0, 4, 0, 0, 0})) << again.output();
}

TEST_F(WgetWarc, ARecrawlUpdatesOnlyChangedRecordsAndRemovesGoneOnes) {
    ASSERT_EQ(index().run.exit_code, 0);
    auto pages = site_pages();
    pages[1].body = dated_page("warcbravonew", "2019-03-04");
    site.set_pages(pages);
    warc = crawl_to_warc(site, {"/alpha.html", "/bravo.html", "/delta.html", "/notes.txt"}, c.root() / "crawl");
    const IndexRun r = index();
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(r.counts, (SummaryCounts{3, 0, 1, 2, 1, 0, 0})) << r.output();
    EXPECT_EQ(c.matches("warcbravonew"), 1u);
    EXPECT_EQ(c.matches("warcbravo"), 0u);
    EXPECT_EQ(c.matches("warcgamma"), 0u) << "gone from the WARC, gone from the index";
    EXPECT_EQ(c.open().get_doccount(), 3u);
}

// Two files that hold the same URI: a run over one of them must not take the
// other's document for the page of a file that is gone.
TEST_F(WgetWarc, APageInAnotherWarcIsNotTakenForGone) {
    const fs::path other = c.root() / "z" / "again";
    fs::create_directories(other.parent_path());
    fs::path second = crawl_to_warc(site, {"/alpha.html"}, other);
    ASSERT_EQ(c.index({warc.string(), second.string()}).run.exit_code, 0);
    auto pages = site_pages();
    pages[0].body = undated_page("warcalphanew");
    site.set_pages(pages);
    second = crawl_to_warc(site, {"/alpha.html"}, other);
    const IndexRun r = c.index({second.string()});
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(r.counts, (SummaryCounts{1, 0, 1, 0, 0, 0, 0})) << r.output();
    EXPECT_EQ(c.matches("warcalpha"), 1u) << "the first file's page is still there";
    EXPECT_EQ(c.matches("warcalphanew"), 1u);
    EXPECT_EQ(c.open().get_doccount(), 5u);
}

TEST_F(WgetWarc, AFolderOfWarcsAndHtmlFilesIsIndexedTogether) {
    c.add_page("loose.html", "warcloose", "https://example.org/loose");
    const IndexRun r = c.index();
    EXPECT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(r.counts, (SummaryCounts{5, 5, 0, 0, 0, 0, 0})) << r.output();
    EXPECT_EQ(c.matches("warcloose"), 1u);
    EXPECT_EQ(c.matches("warcdelta"), 1u);
}

TEST_F(WgetWarc, ExtractPrintsOneJsonLinePerPage) {
    const RunResult r = run_oped({"extract", "--json", warc.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 4u) << r.out;
    const auto first = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(first["url"], site.url("/alpha.html"));
    EXPECT_EQ(first["path"], warc.string() + "#" + site.url("/alpha.html"));
    EXPECT_EQ(first["published"], "");
    EXPECT_NE(first["crawl_date"], "");
    EXPECT_NE(first["body"].get<std::string>().find("warcalpha"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(lines[3])["url"], site.url("/delta.html"));
}

// The uncompressed WARC, to be cut and corrupted byte by byte.
class BrokenWarc : public ::testing::Test {
  protected:
    void SetUp() override {
        const fs::path made = crawl_to_warc(site, k_paths, dir / "made", false);
        bytes = read_file(made);
        warc = c.root() / "crawl.warc";
    }

    // The offset of the response record for `path`.
    std::size_t response_of(const std::string& path) const {
        const std::string uri = "WARC-Target-URI: <" + site.url(path) + ">";
        std::size_t at = 0;
        while ((at = bytes.find(uri, at + 1)) != std::string::npos) {
            const std::size_t start = bytes.rfind("WARC/1.", at);
            if (bytes.substr(start, at - start).find("WARC-Type: response") != std::string::npos) return start;
        }
        return std::string::npos;
    }

    Corpus c;
    TempDir dir;
    FixtureSite site{site_pages()};
    std::string bytes;
    fs::path warc;
};

TEST_F(BrokenWarc, ATruncatedRecordFailsAloneAndTheRecordsBeforeItAreIndexed) {
    const std::size_t delta = response_of("/delta.html");
    ASSERT_NE(delta, std::string::npos);
    write_file(warc, bytes.substr(0, delta + 900));
    const IndexRun r = c.index({warc.string()});
    EXPECT_EQ(r.run.exit_code, k_some_pages_failed) << r.output();
    EXPECT_EQ(r.counts, (SummaryCounts{3, 3, 0, 0, 0, 1, 0})) << r.output();
    EXPECT_NE(r.output().find("truncated record"), std::string::npos) << r.output();
    EXPECT_EQ(c.matches("warcgamma"), 1u);
}

TEST_F(BrokenWarc, ABadContentLengthCostsOnlyItsRecord) {
    for (const std::string change : {"+4000", "+90000", "-100", "x"}) {
        SCOPED_TRACE(change);
        std::string broken = bytes;
        const std::size_t bravo = response_of("/bravo.html");
        ASSERT_NE(bravo, std::string::npos);
        const std::size_t field = broken.find("Content-Length: ", bravo) + 16;
        const std::size_t end = broken.find("\r\n", field);
        const long length = std::stol(broken.substr(field, end - field));
        const std::string value = change == "x" ? "12x" : std::to_string(length + std::stol(change));
        broken.replace(field, end - field, value);
        write_file(warc, broken);
        const IndexRun r = c.index({warc.string()});
        EXPECT_EQ(r.run.exit_code, k_some_pages_failed) << r.output();
        EXPECT_EQ(c.matches("warcbravo"), 0u);
        for (const char* word : {"warcalpha", "warcgamma", "warcdelta"}) EXPECT_EQ(c.matches(word), 1u) << word;
        EXPECT_NE(r.output().find("Content-Length"), std::string::npos) << r.output();
    }
}

// Each record in its own gzip member, as wget writes them: the file cut
// inside the member of the third response. libarchive's gzip filter drops
// the output it holds (up to 64 KiB) when its input ends early, so 100 KB
// of metadata stand between the records that must survive and the cut.
TEST_F(BrokenWarc, AGzipMemberCutShortLosesOnlyWhatFollows) {
    std::string gz;
    std::size_t cut = 0;
    const std::size_t gamma = response_of("/gamma.html");
    const std::string filler(100000, 'm');
    for (std::size_t at = 0; at < bytes.size();) {
        std::size_t next = bytes.find("\r\n\r\nWARC/1.", at);
        next = next == std::string::npos ? bytes.size() : next + 4;
        if (at == gamma) {
            gz += gzip("WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: " + std::to_string(filler.size()) +
                       "\r\n\r\n" + filler + "\r\n\r\n");
            cut = gz.size() + 40;
        }
        gz += gzip(std::string_view(bytes).substr(at, next - at));
        at = next;
    }
    ASSERT_GT(cut, 40u);
    const fs::path cut_warc = c.root() / "crawl.warc.gz";
    write_file(cut_warc, gz.substr(0, cut));
    const IndexRun r = c.index({cut_warc.string()});
    EXPECT_EQ(r.run.exit_code, k_some_pages_failed) << r.output();
    EXPECT_EQ(c.matches("warcalpha"), 1u);
    EXPECT_EQ(c.matches("warcbravo"), 1u);
    EXPECT_EQ(c.matches("warcgamma"), 0u);
    EXPECT_EQ(r.counts.failed, 1u) << r.output();
}

TEST_F(BrokenWarc, PagesIndexedBeforeAreKeptWhenTheirFileBreaks) {
    write_file(warc, bytes);
    ASSERT_EQ(c.index({warc.string()}).run.exit_code, 0);
    write_file(warc, bytes.substr(0, response_of("/bravo.html") + 300));
    const IndexRun r = c.index({warc.string()});
    EXPECT_EQ(r.run.exit_code, k_some_pages_failed) << r.output();
    EXPECT_EQ(r.counts.removed, 0u) << r.output();
    EXPECT_EQ(c.matches("warcdelta"), 1u);
}

TEST_F(BrokenWarc, ExtractReportsABadRecordAndGoesOn) {
    std::string broken = bytes;
    const std::size_t bravo = response_of("/bravo.html");
    const std::size_t field = broken.find("Content-Length: ", bravo) + 16;
    broken.replace(field, broken.find("\r\n", field) - field, "9999999");
    write_file(warc, broken);
    const RunResult r = run_oped({"extract", "--json", warc.string()});
    EXPECT_EQ(r.exit_code, k_some_pages_failed) << r.err;
    std::size_t errors = 0;
    std::size_t pages = 0;
    for (const auto& line : lines_of(r.out)) {
        const auto j = nlohmann::json::parse(line);
        if (j.contains("error")) {
            ++errors;
        } else {
            ++pages;
        }
    }
    EXPECT_EQ(errors, 1u) << r.out;
    EXPECT_EQ(pages, 3u) << r.out;
}

} // namespace
} // namespace oped::test
