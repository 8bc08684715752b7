// `oped index` on a folder of fixture pages, checked through the Xapian API:
// what each page states in its metadata must be findable by the schema's
// terms and values. The fixtures state every field the same way in JSON-LD,
// OpenGraph and plain meta tags, so these rows hold whichever source the
// extractor prefers.

#include "support/index_probe.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>

#include <oped/searcher/spelling.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>

namespace oped::test {
namespace {

namespace fs = std::filesystem;

const fs::path k_pages = fs::path(OPED_FIXTURES_DIR) / "index" / "pages";
const std::string k_housing_url = "https://ledger.example/opinion/2021/03/04/zoning-reform";
const std::string k_transit_url = "https://ledger.example/opinion/2022/11/20/transit-budget";
const std::string k_french_url = "https://quotidien.example/tribune/2018/05/12/velo";
const std::string k_snow_url = "https://riverside.example/opinion/2017/01/09/snow-days";

std::string long_url() {
    std::string slug;
    for (int i = 0; i < 9; ++i) slug += (i ? "-" : "") + std::string("a-very-long-address-for-a-short-argument");
    return "https://ledger.example/opinion/2020/02/29/" + slug + "-end";
}

// One index of the fixture folder, built once for every test here: the
// pages are copied so the index records paths in a temporary folder.
class IndexedFixtures : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        fs::copy(k_pages, s_dir->path() / "pages", fs::copy_options::recursive);
        s_run = new RunResult(run_oped({"index", "-q", "--db", db_path(), pages_path()}));
    }
    static void TearDownTestSuite() {
        delete s_run;
        delete s_dir;
    }
    static std::string db_path() { return (s_dir->path() / "db").string(); }
    static std::string pages_path() { return (s_dir->path() / "pages").string(); }

    void SetUp() override {
        ASSERT_EQ(s_run->exit_code, 0) << s_run->out << s_run->err;
        m_db = Xapian::Database(db_path());
    }

    // The one document that holds `id_term`.
    Xapian::Document doc_by_term(const std::string& id_term) {
        const auto ids = postings(m_db, id_term);
        if (ids.size() != 1) {
            ADD_FAILURE() << ids.size() << " documents hold " << id_term;
            return {};
        }
        return m_db.get_document(ids.front());
    }
    Xapian::Document doc_by_url(const std::string& url) { return doc_by_term(schema::boolean_term("Q", url)); }

    static TempDir* s_dir;
    static RunResult* s_run;
    Xapian::Database m_db;
};

TempDir* IndexedFixtures::s_dir = nullptr;
RunResult* IndexedFixtures::s_run = nullptr;

using Terms = std::vector<std::string>;

TEST_F(IndexedFixtures, IndexesEveryPageOnce) {
    EXPECT_EQ(m_db.get_doccount(), 6u);
    const auto summary = parse_summary(s_run->out);
    ASSERT_TRUE(summary) << s_run->out;
    EXPECT_EQ(*summary, (SummaryCounts{6, 6, 0, 0, 0, 0})) << describe(*summary);
}

TEST_F(IndexedFixtures, GivesEachPageItsUniqueIdTerm) {
    struct Row {
        const char* name;
        std::string id;
    };
    const std::vector<Row> rows{
        {"a canonical URL is the id", k_housing_url},
        {"a gzipped page's canonical URL", k_snow_url},
        {"a page without any URL gets a file:// id of its path", "file://" + pages_path() + "/no-url.html"},
        {"a 400-character URL is hashed into a legal term", long_url()},
    };
    for (const auto& row : rows) {
        const std::string term = schema::boolean_term("Q", row.id);
        ASSERT_LE(term.size(), schema::k_max_term_bytes) << row.name;
        const auto ids = postings(m_db, term);
        ASSERT_EQ(ids.size(), 1u) << row.name << ": " << term;
        EXPECT_EQ(m_db.get_document(ids.front()).get_value(schema::slot::uid), row.id)
            << row.name << ": the uid slot keeps the id unhashed";
    }
    EXPECT_NE(schema::boolean_term("Q", long_url()).find('#'), std::string::npos) << "the long id was hashed";
}

TEST_F(IndexedFixtures, WritesTheMetadataTermsOfAOneAuthorPage) {
    const Xapian::Document doc = doc_by_url(k_housing_url);
    struct Row {
        const char* name;
        std::string prefix;
        Terms expected;
    };
    const std::vector<Row> rows{
        {"title words under S", "S", {"can", "fix", "housing", "reform", "shortage", "the", "zoning"}},
        {"author words under A", "A", {"doe", "jane"}},
        {"the exact author under XA", "XA", {"jane doe"}},
        {"the site under XS", "XS", {"the example ledger"}},
        {"the section under XC", "XC", {"opinion"}},
        {"tags under K", "K", {"housing", "zoning"}},
        {"the language under L", "L", {"en"}},
        {"the year under Y", "Y", {"2021"}},
        {"the month under M", "M", {"202103"}},
        {"the day under D", "D", {"20210304"}},
        {"the source path under XP", "XP", {pages_path() + "/opinion-housing.html"}},
    };
    for (const auto& row : rows) EXPECT_EQ(terms_with_prefix(doc, row.prefix), row.expected) << row.name;
}

TEST_F(IndexedFixtures, WritesTheValueSlotsOfATwoAuthorPage) {
    const Xapian::Document doc = doc_by_url(k_transit_url);
    namespace slot = schema::slot;
    struct Row {
        const char* name;
        Xapian::valueno slot;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"published as YYYYMMDD", slot::published, "20221120"},
        {"both authors, in page order", slot::authors, schema::encode_list({"Jane Doe", "Omar Haddad"})},
        {"the year", slot::year, "2022"},
        {"the site's display name", slot::site, "The Example Ledger"},
        {"the tags", slot::tags, schema::encode_list({"Transit"})},
        {"the section's display name", slot::section, "Opinion"},
        {"the language", slot::language, "en"},
        {"the path", slot::path, pages_path() + "/two-authors.html"},
        {"the unique id", slot::uid, k_transit_url},
    };
    for (const auto& row : rows) EXPECT_EQ(doc.get_value(row.slot), row.expected) << row.name;
    EXPECT_EQ(terms_with_prefix(doc, "XA"), (Terms{"jane doe", "omar haddad"}));
    const std::string signature = doc.get_value(slot::signature);
    EXPECT_NE(signature.find(':'), std::string::npos) << "mtime_ns:size, got " << signature;
    EXPECT_TRUE(signature.ends_with(":" + std::to_string(fs::file_size(pages_path() + "/two-authors.html"))))
        << signature;
}

TEST_F(IndexedFixtures, StoresTheArticleAsDocumentData) {
    const Xapian::Document doc = doc_by_url(k_housing_url);
    auto article = decode_docdata(doc.get_data());
    ASSERT_TRUE(article) << article.error().message;
    const Article& a = article.value();
    EXPECT_EQ(a.url, k_housing_url);
    EXPECT_EQ(a.path, pages_path() + "/opinion-housing.html");
    EXPECT_EQ(a.title, "Zoning Reform Can Fix the Housing Shortage");
    EXPECT_EQ(a.authors, (Terms{"Jane Doe"}));
    EXPECT_EQ(a.published, "2021-03-04");
    EXPECT_EQ(a.site, "The Example Ledger");
    EXPECT_EQ(a.language, "en");
    EXPECT_NE(a.body.find("For forty years the city has written its zoning ordinance"), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("before the ordinance made them illegal to build again."), std::string::npos) << a.body;
    EXPECT_NE(a.body.find("\n\n"), std::string::npos) << "paragraphs are kept apart";
}

TEST_F(IndexedFixtures, KeepsLanguagesApart) {
    const Xapian::Document doc = doc_by_url(k_french_url);
    EXPECT_EQ(terms_with_prefix(doc, "L"), (Terms{"fr"}));
    EXPECT_EQ(terms_with_prefix(doc, "XA"), (Terms{"\xC3\xA9mile durand"})) << "folded, accent kept";
    EXPECT_EQ(doc.get_value(schema::slot::authors), "\xC3\x89mile Durand");
    Xapian::Enquire enquire(m_db);
    enquire.set_query(Xapian::Query("pistes"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST_F(IndexedFixtures, FindsBodyWordsAndTitleWords) {
    struct Row {
        const char* name;
        Xapian::Query query;
        std::size_t expected;
    };
    const std::vector<Row> rows{
        {"a body word of one page", Xapian::Query("duplexes"), 1},
        {"a body word of the gzipped page", Xapian::Query("shovel"), 1},
        {"a title word with the title prefix", Xapian::Query("Stransit"), 1},
        {"an author on two pages, by exact term", Xapian::Query("XAjane doe"), 3},
        {"a site filter", Xapian::Query("XSriverside courier"), 2},
        {"a year filter", Xapian::Query("Y2020"), 1},
        {"a leap day", Xapian::Query("D20200229"), 1},
    };
    for (const auto& row : rows) {
        Xapian::Enquire enquire(m_db);
        enquire.set_query(row.query);
        EXPECT_EQ(enquire.get_mset(0, 10).size(), row.expected) << row.name;
    }
}

TEST_F(IndexedFixtures, BodyWordsCorrectMisspellings) {
    EXPECT_EQ(searcher::correct_word(m_db, "ordinence"), "ordinance");
    EXPECT_EQ(searcher::correct_word(m_db, "pensionrs"), "pensioners");
}

TEST_F(IndexedFixtures, WritesNoXapianSpellingTable) {
    // Xapian 1.4.22 can make that table unreadable; see searcher/spelling.hpp.
    EXPECT_EQ(m_db.get_spelling_suggestion("ordinence"), "");
}

TEST_F(IndexedFixtures, StampsTheSchemaVersionAndLastUpdate) {
    EXPECT_EQ(m_db.get_metadata(std::string(schema::k_meta_schema_version)), schema::k_schema_version);
    const std::string last = m_db.get_metadata(std::string(schema::k_meta_last_update));
    EXPECT_EQ(last.size(), 20u) << last;
    EXPECT_EQ(last.back(), 'Z') << last;
}

TEST_F(IndexedFixtures, PassesXapiansCheck) { EXPECT_EQ(check_report(db_path()), ""); }

} // namespace
} // namespace oped::test
