#include <oped/common/docdata.hpp>
#include <oped/common/schema.hpp>
#include <oped/indexer/document.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace oped::indexer {
namespace {

Article article() {
    Article a;
    a.path = "/archive/zoning.html";
    a.url = "https://ledger.example/opinion/zoning";
    a.title = "Zoning Reform Can Fix Housing";
    a.authors = {"Jane Doe", "Omar Haddad"};
    a.published = "2021-03-04";
    a.site = "The Example Ledger";
    a.section = "Opinion Pages";
    a.tags = {"Housing", "Land Use"};
    a.language = "en";
    a.body = "Councillors debated the ordinance.\n\nNeighbourhoods disagreed.";
    return a;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

std::vector<std::string> all_terms(const Xapian::Document& doc) {
    std::vector<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.push_back(*it);
    return out;
}

TEST(UniqueId, IsTheUrlElseAFileUrlOfThePath) {
    Article a;
    a.path = "/x/y.html";
    EXPECT_EQ(unique_id(a), "file:///x/y.html");
    a.url = "https://e.example/a";
    EXPECT_EQ(unique_id(a), "https://e.example/a");
}

TEST(DocumentBuilder, WritesEveryTermTheSchemaDeclares) {
    DocumentBuilder builder;
    const BuiltDocument built = builder.build(article(), "123:456");
    const Xapian::Document& doc = built.doc;
    EXPECT_EQ(built.id_term, "Qhttps://ledger.example/opinion/zoning");
    struct Row {
        const char* name;
        std::string term;
    };
    const std::vector<Row> rows{
        {"the unique id", "Qhttps://ledger.example/opinion/zoning"},
        {"the source path", "XP/archive/zoning.html"},
        {"a title word with the title prefix", "Szoning"},
        {"another title word", "Shousing"},
        {"a title word unprefixed, for plain queries", "reform"},
        {"an author word with the author prefix", "Ajane"},
        {"the second author's surname", "Ahaddad"},
        {"an author word unprefixed", "doe"},
        {"the exact first author", "XAjane doe"},
        {"the exact second author", "XAomar haddad"},
        {"the first author's key", "XWjane doe"},
        {"the first author's byline under its key", "XVjane doe\x1fJane Doe"},
        {"the second author's key", "XWomar haddad"},
        {"the folded site", "XSthe example ledger"},
        {"the folded section", "XCopinion pages"},
        {"a folded tag", "Khousing"},
        {"a tag with a space", "Kland use"},
        {"the language", "Len"},
        {"the year", "Y2021"},
        {"the month", "M202103"},
        {"the day", "D20210304"},
        {"a body word", "councillors"},
        {"a stemmed body word", "Zdebat"},
    };
    for (const auto& row : rows) EXPECT_TRUE(has_term(doc, row.term)) << row.name << ": " << row.term;
}

TEST(DocumentBuilder, MarksUpdatedAndCorrectedPagesAndIndexesTheNoticesApart) {
    DocumentBuilder builder;
    Article a = article();
    a.updated = "2021-03-09";
    a.corrections = {"Correction: An earlier version misspelled the name of the alderman."};
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "XHcorrection"));
    EXPECT_TRUE(has_term(doc, "XHupdated"));
    EXPECT_TRUE(has_term(doc, "XRalderman")) << "searchable as correction:";
    EXPECT_TRUE(has_term(doc, "alderman")) << "searchable by plain words";
    const Xapian::Document plain = builder.build(article(), "1:2").doc;
    EXPECT_FALSE(has_term(plain, "XHcorrection"));
    EXPECT_FALSE(has_term(plain, "XHupdated"));
}

TEST(DocumentBuilder, FilesTheGenreAsATermAndAValue) {
    DocumentBuilder builder;
    Article a = article();
    a.genre = "letter";
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "XGletter"));
    EXPECT_EQ(doc.get_value(schema::slot::genre), "letter");
    const Xapian::Document unknown = builder.build(article(), "1:2").doc;
    EXPECT_EQ(unknown.get_value(schema::slot::genre), "") << "no genre: neither term nor value";
    for (auto it = unknown.termlist_begin(); it != unknown.termlist_end(); ++it) {
        EXPECT_FALSE((*it).starts_with("XG")) << *it;
    }
}

TEST(DocumentBuilder, WritesEveryValueSlot) {
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(article(), "123:456").doc;
    namespace slot = schema::slot;
    struct Row {
        const char* name;
        Xapian::valueno slot;
        std::string expected;
    };
    const std::vector<Row> rows{
        {"published day", slot::published, "20210304"},
        {"published day for sorting oldest first, descending", slot::oldest_first, "79789695"},
        {"authors list", slot::authors, schema::encode_list({"Jane Doe", "Omar Haddad"})},
        {"author keys", slot::author_keys, schema::encode_list({"jane doe", "omar haddad"})},
        {"year", slot::year, "2021"},
        {"site display name", slot::site, "The Example Ledger"},
        {"tags list", slot::tags, schema::encode_list({"Housing", "Land Use"})},
        {"path", slot::path, "/archive/zoning.html"},
        {"signature", slot::signature, "123:456"},
        {"section display name", slot::section, "Opinion Pages"},
        {"language", slot::language, "en"},
        {"unique id", slot::uid, "https://ledger.example/opinion/zoning"},
    };
    for (const auto& row : rows) EXPECT_EQ(doc.get_value(row.slot), row.expected) << row.name;
}

TEST(DocumentBuilder, StoresTheWholeArticleAsData) {
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(article(), "1:2").doc;
    auto decoded = decode_docdata(doc.get_data());
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded.value(), article());
}

TEST(DocumentBuilder, TheBioLineIsSearchableByBioOnly) {
    Article a = article();
    a.author_bio = "The writer is a lexicographer.";
    DocumentBuilder builder;
    const BuiltDocument built = builder.build(a, "1:2");
    EXPECT_TRUE(has_term(built.doc, "XBlexicographer"));
    EXPECT_TRUE(has_term(built.doc, "XHbio"));
    EXPECT_FALSE(has_term(built.doc, "lexicographer")) << "the bio is not the article's text";
    EXPECT_FALSE(has_term(builder.build(article(), "1:2").doc, "XHbio"));
}

TEST(DocumentBuilder, LeavesOutWhatTheArticleDoesNotKnow) {
    Article a;
    a.path = "/p.html";
    a.body = "Only words here.";
    DocumentBuilder builder;
    const BuiltDocument built = builder.build(a, "1:2");
    EXPECT_EQ(built.id_term, "Qfile:///p.html");
    for (const auto& term : all_terms(built.doc)) {
        const char first = term[0];
        EXPECT_TRUE(first != 'A' && first != 'K' && first != 'L' && first != 'Y' && first != 'M' && first != 'D' &&
                    term.rfind("XA", 0) != 0 && term.rfind("XS", 0) != 0 && term.rfind("XC", 0) != 0 &&
                    term.rfind("XW", 0) != 0 && term.rfind("XV", 0) != 0 && term.rfind("XB", 0) != 0 && term != "XHbio")
            << "unexpected term " << term;
    }
    for (auto slot : {schema::slot::published, schema::slot::authors, schema::slot::year, schema::slot::site,
                      schema::slot::tags, schema::slot::section, schema::slot::language}) {
        EXPECT_EQ(built.doc.get_value(slot), "") << "slot " << slot;
    }
    EXPECT_EQ(built.doc.get_value(schema::slot::uid), "file:///p.html");
    EXPECT_EQ(built.doc.get_value(schema::slot::oldest_first), "-") << "below every date, so last when descending";
}

TEST(DocumentBuilder, YearOnlyDatesGiveAYearAndItsFirstDayButNoDayTerm) {
    Article a = article();
    a.published = "1787";
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "Y1787"));
    EXPECT_EQ(doc.get_value(schema::slot::published), "17870101");
    EXPECT_EQ(doc.get_value(schema::slot::date_precision), "year");
    EXPECT_EQ(doc.get_value(schema::slot::year), "1787");
    for (const auto& term : all_terms(doc)) {
        EXPECT_FALSE(term.size() > 1 && (term[0] == 'M' || term[0] == 'D') && std::isdigit(term[1])) << term;
    }
}

TEST(DocumentBuilder, MonthOnlyDatesGiveTheMonthAndItsFirstDayButNoDayTerm) {
    Article a = article();
    a.published = "1787-10";
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "Y1787"));
    EXPECT_TRUE(has_term(doc, "M178710"));
    EXPECT_EQ(doc.get_value(schema::slot::published), "17871001");
    EXPECT_EQ(doc.get_value(schema::slot::date_precision), "month");
    for (const auto& term : all_terms(doc)) {
        EXPECT_FALSE(term.size() > 1 && term[0] == 'D' && std::isdigit(term[1])) << term;
    }
}

TEST(DocumentBuilder, AFullDayHasNoPrecisionValue) {
    Article a = article();
    a.published = "1787-10-27T09:00:00-05:00";
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "D17871027"));
    EXPECT_EQ(doc.get_value(schema::slot::published), "17871027");
    EXPECT_EQ(doc.get_value(schema::slot::date_precision), "");
}

TEST(DocumentBuilder, KeepsEveryTermWithinXapiansLimit) {
    // Long ids, paths, names and tags come from pages: none may make a term
    // Xapian refuses (which would fail the whole commit).
    Article a = article();
    a.url = "https://ledger.example/" + std::string(400, 'u');
    a.path = "/archive/" + std::string(400, 'p') + ".html";
    a.authors = {std::string(300, 'n')};
    a.site = std::string(300, 's');
    a.section = std::string(300, 'c');
    a.tags = {std::string(300, 't')};
    DocumentBuilder builder;
    const BuiltDocument built = builder.build(a, "1:2");
    for (const auto& term : all_terms(built.doc)) EXPECT_LE(term.size(), 245u) << term.substr(0, 20);
    EXPECT_EQ(built.id_term, schema::boolean_term("Q", a.url));
    EXPECT_EQ(built.doc.get_value(schema::slot::uid), a.url) << "the slot keeps the id unhashed";
}

TEST(DocumentBuilder, IndexesBodyAndTitleWordsUnprefixedForSpellingCorrections) {
    // searcher/src/spelling.cpp suggests from these terms.
    DocumentBuilder builder;
    const BuiltDocument built = builder.build(article(), "1:2");
    const auto terms = all_terms(built.doc);
    auto has = [&](const std::string& w) { return std::find(terms.begin(), terms.end(), w) != terms.end(); };
    EXPECT_TRUE(has("councillors"));
    EXPECT_TRUE(has("zoning"));
}

TEST(DocumentBuilder, OneBuilderServesManyLanguagesInTurn) {
    DocumentBuilder builder;
    Article fr = article();
    fr.language = "fr";
    fr.body = "Les conseillers municipaux ont longuement débattu.";
    Article en = article();
    const Xapian::Document fr_doc = builder.build(fr, "1:2").doc;
    const Xapian::Document en_doc = builder.build(en, "1:2").doc;
    EXPECT_TRUE(has_term(fr_doc, "Lfr"));
    EXPECT_TRUE(has_term(fr_doc, "Zmunicipal")) << "French stemming";
    EXPECT_TRUE(has_term(en_doc, "Zdebat")) << "English stemming again";
    EXPECT_FALSE(has_term(en_doc, "conseillers")) << "no words leak from the previous document";
}

TEST(DocumentBuilder, AnUnknownLanguageStillIndexesWords) {
    Article a = article();
    a.language = "xx";
    DocumentBuilder builder;
    const Xapian::Document doc = builder.build(a, "1:2").doc;
    EXPECT_TRUE(has_term(doc, "councillors"));
    EXPECT_TRUE(has_term(doc, "Lxx"));
}

TEST(DocumentBuilder, HandsDocumentsToAnotherThreadWithoutSharingThem) {
    // The index writer builds on worker threads and writes and frees the
    // documents on its own. Regression: the builder's TermGenerator kept a
    // reference to the last document, so a worker's next build() and the
    // writer's copy and destruction updated one (non-atomic) reference count
    // from two threads. A lost update leaks the document (LeakSanitizer) or
    // frees it twice (AddressSanitizer), but only when the two threads
    // collide; valgrind --tool=helgrind sees the race on every run (the
    // sanitizers cannot: libxapian is not instrumented).
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<BuiltDocument> queue;
    bool done = false;
    constexpr int k_documents = 3000;
    std::thread worker([&] {
        DocumentBuilder builder;
        for (int i = 0; i < k_documents; ++i) {
            Article a = article();
            a.path = "/p" + std::to_string(i) + ".html";
            BuiltDocument built = builder.build(a, "1:2");
            std::lock_guard lock(mutex);
            queue.push_back(std::move(built));
            ready.notify_one();
        }
        std::lock_guard lock(mutex);
        done = true;
        ready.notify_one();
    });
    int received = 0;
    for (;;) {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return !queue.empty() || done; });
        if (queue.empty()) break;
        const BuiltDocument built = std::move(queue.front());
        queue.pop_front();
        lock.unlock();
        Xapian::Document copy = built.doc; // what replace_document does with it
        EXPECT_EQ(copy.get_value(schema::slot::path), "/p" + std::to_string(received) + ".html");
        ++received;
    }
    worker.join();
    EXPECT_EQ(received, k_documents);
}

} // namespace
} // namespace oped::indexer
