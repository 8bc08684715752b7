#include <oped/searcher/highlight.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
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

} // namespace
} // namespace oped::searcher
