#include <oped/searcher/highlight.hpp>

#include <oped/indexer/extract.hpp>
#include <oped/searcher/snippet.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace oped::searcher {
namespace {

// A small in-memory index: words for stems and wildcards, as the indexer
// writes them (unstemmed, and Z + stem), a title term, and 150 "kestrelNNN"
// terms of which kestrel000..kestrel099 are in two documents and the rest in
// one, so that the 100 most frequent expansions of kestrel* are known.
Xapian::WritableDatabase small_database() {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Xapian::WritableDatabase db = Xapian::InMemory::open();
#pragma GCC diagnostic pop
    const Xapian::Stem stem("en");
    for (const char* word : {"constitution", "constitutional", "constituted", "faction", "factions", "republic"}) {
        Xapian::Document doc;
        doc.add_term(word);
        doc.add_term("Z" + stem(word));
        db.add_document(doc);
    }
    Xapian::Document title;
    title.add_term("Sconstitutions");
    db.add_document(title);
    for (int copy = 0; copy < 2; ++copy) {
        for (int i = 0; i < 150; ++i) {
            if (copy == 1 && i >= 100) break;
            Xapian::Document doc;
            doc.add_term("kestrel" + std::to_string(1000 + i).substr(1));
            db.add_document(doc);
        }
    }
    db.commit();
    return db;
}

struct HighlightRow {
    const char* name;
    const char* query;
    const char* text;
    const char* html;
};

const HighlightRow k_rows[] = {
    {"a word is marked as typed, in any case", "republic", "The Republic and the republic.",
     "The <mark>Republic</mark> and the <mark>republic</mark>."},
    {"a word is marked by its stem", "factions", "One faction, many factions.",
     "One <mark>faction</mark>, many <mark>factions</mark>."},
    // Regression: a wildcard's terms are expanded at match time, so they were
    // not among the query's terms and nothing was marked.
    {"a wildcard marks the words it expands to", "constitu*",
     "The Constitution was constituted; constitutional law. Constitutive is not in the index.",
     "The <mark>Constitution</mark> was <mark>constituted</mark>; <mark>constitutional</mark> law. "
     "Constitutive is not in the index."},
    {"a wildcard among other words marks both", "constitu* faction", "A faction against the constitution.",
     "A <mark>faction</mark> against the <mark>constitution</mark>."},
    {"a wildcard on a field marks that field's expansions", "title:constitu*", "Constitutions, not the constitution.",
     "<mark>Constitutions</mark>, not the constitution."},
    {"a wildcard is bounded to the expansions the search uses", "kestrel*", "kestrel005 and kestrel120",
     "<mark>kestrel005</mark> and kestrel120"},
    {"excluded words are not marked", "faction -republic", "A faction in a republic.",
     "A <mark>faction</mark> in a republic."},
    {"a wildcard excluded is not marked", "faction NOT constitu*", "A faction in a constitution.",
     "A <mark>faction</mark> in a constitution."},
    {"the text around marks is escaped", "faction", "<b>faction</b> & co",
     "&lt;b&gt;<mark>faction</mark>&lt;/b&gt; &amp; co"},
    {"a quoted phrase is one mark, its words alone none", "\"constitutional republic\"",
     "A republic, constitutional; a Constitutional  Republic.",
     "A republic, constitutional; a <mark>Constitutional  Republic</mark>."},
    {"words typed in a row are one mark where the text has them in that order", "republic faction",
     "A republic faction, a faction of the republic.",
     "A <mark>republic faction</mark>, a <mark>faction</mark> of the <mark>republic</mark>."},
};

class Highlighting : public testing::TestWithParam<HighlightRow> {};

TEST_P(Highlighting, Row) {
    const HighlightRow& row = GetParam();
    const Xapian::WritableDatabase db = small_database();
    const Highlighter highlighter(db, row.query);
    EXPECT_EQ(highlighter.html(row.text), row.html) << row.name << ": " << row.query;
}

std::string row_name(const testing::TestParamInfo<HighlightRow>& row) {
    std::string name;
    for (const char* c = row.param.name; *c != '\0'; ++c) {
        name.push_back(std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, Highlighting, testing::ValuesIn(k_rows), row_name);

TEST(Highlighting, AWildcardMarksExactlyTheWordsItsSearchMatches) {
    const Xapian::WritableDatabase db = small_database();
    const Highlighter highlighter(db, "kestrel*");
    int marked = 0;
    for (int i = 0; i < 150; ++i) {
        const std::string word = "kestrel" + std::to_string(1000 + i).substr(1);
        if (highlighter.html(word).find("<mark>") != std::string::npos) ++marked;
    }
    EXPECT_EQ(marked, 100); // k_max_wildcard_terms
}

TEST(HighlightFirstMatch, FindsTheFirstWordOfTheQueryByStemOrWildcard) {
    const Xapian::WritableDatabase db = small_database();
    EXPECT_EQ(Highlighter(db, "factions").first_match("No match here, then a Faction."), 22u);
    EXPECT_EQ(Highlighter(db, "constitu*").first_match("We the people; constitutional."), 15u);
    EXPECT_EQ(Highlighter(db, "republic").first_match("Nothing of the kind."), std::nullopt);
    EXPECT_EQ(Highlighter(db, "-republic faction").first_match("A republic."), std::nullopt);
}

// A page's words are stemmed in the page's language, as the indexer stemmed
// them: French stems in the query mark the inflected forms on the French
// fixture page, which stemming the page in English does not reach.
TEST(HighlightLanguage, APageIsStemmedInItsOwnLanguage) {
    const std::filesystem::path path = std::filesystem::path(OPED_FIXTURES_DIR) / "index" / "pages" / "french.html";
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const auto page = indexer::extract_article(bytes.str(), path.string());
    ASSERT_TRUE(page) << page.error().message;
    const Article& article = page.value();
    ASSERT_EQ(article.language, "fr");

    const Xapian::Stem french("fr");
    std::vector<Xapian::Query> words;
    Xapian::termpos pos = 0;
    for (const std::string word : {"stationn\xC3\xA9"
                                   "e",
                                   "municipalit\xC3\xA9s", "politiques"}) {
        words.emplace_back("Z" + french(word), 1, ++pos);
    }
    const Xapian::WritableDatabase db = small_database();
    const Highlighter highlighter =
        Highlighter::of_parsed(db, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));

    const std::string html = highlighter.html(article.body, article.language);
    for (const std::string marked : {"<mark>stationn\xC3\xA9"
                                     "es</mark>",
                                     "<mark>municipalit\xC3\xA9</mark>", "<mark>politique</mark>"}) {
        EXPECT_NE(html.find(marked), std::string::npos) << marked << " in " << html;
    }
    EXPECT_NE(query_snippet(article.body, article.language, 300, highlighter).find("<mark>"), std::string::npos);
    EXPECT_EQ(highlighter.html(article.body, "en").find("<mark>"), std::string::npos);
    // A language Xapian has no stemmer for: words match as written only.
    EXPECT_EQ(highlighter.html(article.body, "xx").find("<mark>"), std::string::npos);
}

// A query stemmed in several languages (each word a synonym of its stems)
// marks a page in any of them.
TEST(HighlightLanguage, AQueryOfSeveralLanguagesMarksAPageInEach) {
    const Xapian::Stem english("en"), french("fr");
    const std::string word = "politiques";
    const Xapian::Query stems[] = {Xapian::Query("Z" + english(word), 1, 1), Xapian::Query("Z" + french(word), 1, 1)};
    const Xapian::WritableDatabase db = small_database();
    const Highlighter highlighter =
        Highlighter::of_parsed(db, Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(stems), std::end(stems)));
    EXPECT_EQ(highlighter.html("Une politique.", "fr"), "Une <mark>politique</mark>.");
    EXPECT_EQ(highlighter.html("Any politiques.", "en"), "Any <mark>politiques</mark>.");
}

} // namespace
} // namespace oped::searcher
