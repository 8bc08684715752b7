#include <oped/searcher/spelling.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/spelling_keys.hpp>
#include <oped/indexer/document.hpp>
#include <oped/indexer/spelling_data.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace oped::searcher {
namespace {

TEST(EditDistance, Table) {
    struct Row {
        const char* name;
        const char* a;
        const char* b;
        unsigned limit;
        unsigned expected;
    };
    const Row rows[] = {
        {"equal words", "liberty", "liberty", 2, 0},
        {"one substitution", "liberty", "libarty", 2, 1},
        {"one insertion", "federalist", "federallist", 2, 1},
        {"one deletion", "federalist", "federlist", 2, 1},
        {"an adjacent swap is one edit", "soldier", "soldeir", 2, 1},
        {"past the limit stops at limit + 1", "liberty", "tyranny", 2, 3},
        {"length difference alone exceeds the limit", "war", "warfareships", 2, 3},
        {"letters, not bytes, are counted", "caf\xC3\xA9", "cafe", 2, 1},
        {"a phonetic ending is three edits", "constitushun", "constitution", 3, 3},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(edit_distance(row.a, row.b, row.limit), row.expected) << row.name;
    }
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(SpellingVariants, Table) {
    struct Row {
        const char* name;
        const char* word;
        std::size_t deletions;
        const char* variant;
        bool expected;
    };
    const Row rows[] = {
        {"a word is its own variant", "war", 1, "war", true},
        {"one letter deleted", "soldier", 1, "sldier", true},
        {"two letters deleted", "soldier", 2, "sldir", true},
        {"no more than asked", "soldier", 1, "sldir", false},
        {"the first letter is never deleted", "soldier", 1, "oldier", false},
        {"only the first seven letters make the head's keys", "constitution", 0, "constit", true},
        {"a misspelt ending shares them", "constitushun", 0, "constit", true},
        {"a long word's last seven letters make the tail's keys", "pagekw1234", 1, "$kw1234", true},
        {"an extra last letter deleted meets it", "pagekw1234x", 1, "$kw1234", true},
        {"the tail's last letter may be deleted", "pagekw1234", 1, "$ekw123", true},
        {"a short word has no tail keys", "soldier", 0, "$soldier", false},
        {"letters, not bytes, are deleted", "caf\xC3\xA9s", 1, "caf\xC3\xA9", true},
        {"two letters are kept at least", "war", 2, "w", false},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(has(spelling::variants(row.word, row.deletions), row.variant), row.expected) << row.name;
    }
    // A lookup reads a bounded number of keys, whatever the word.
    EXPECT_LE(spelling::variants("constitutionalities", 2).size(), 22u + 29u);
    // A swap near the end of a long word: the two tails meet.
    const auto typed = spelling::variants("pagekw1243", 1);
    const auto indexed = spelling::variants("pagekw1234", 1);
    EXPECT_TRUE(std::any_of(typed.begin(), typed.end(), [&](const auto& v) { return v[0] == '$' && has(indexed, v); }));
}

TEST(SpellingWordTerms, Table) {
    struct Row {
        const char* name;
        const char* term;
        bool expected;
    };
    const Row rows[] = {
        {"a word", "liberty", true},
        {"a word with digits", "pagekw12", true},
        {"a number", "1787", false},
        {"a prefixed term", "Sliberty", false},
        {"a stemmed term", "Zliberti", false},
        {"two letters", "of", false},
        {"an accented word", "libert\xC3\xA9", true},
    };
    for (const auto& row : rows) EXPECT_EQ(spelling::is_word_term(row.term), row.expected) << row.name;
}

// Documents holding `word`, and the authors' names of each.
struct Words {
    std::string word;
    int docs;
    std::string author;
};

class Corrections : public testing::Test {
  protected:
    Corrections() : m_db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        const std::vector<Words> words{{"liberty", 5, ""},
                                       {"libretto", 1, ""},
                                       {"soldier", 3, ""},
                                       {"souls", 2, ""},
                                       {"federalist", 4, ""},
                                       {"constitution", 6, ""},
                                       {"constitutional", 2, ""},
                                       {"hamilton", 2, "Alexander Hamilton"},
                                       {"mcboyd", 1, "Danah McBoyd"},
                                       {"madison", 1, ""}};
        indexer::SpellingUpdate spelling;
        for (const auto& w : words) {
            for (int i = 0; i < w.docs; ++i) {
                Xapian::Document d;
                d.add_term(w.word);
                if (!w.author.empty()) {
                    d.add_term(std::string(schema::prefix::author) + w.word);
                    d.add_value(schema::slot::authors, w.author);
                }
                spelling.note(d);
                m_db.add_document(d);
            }
        }
        spelling.write(m_db);
        // Indexed after the keys were written, and so never filed.
        Xapian::Document unfiled;
        unfiled.add_term("unfiledword");
        m_db.add_document(unfiled);
    }
    Xapian::WritableDatabase m_db;
};

TEST_F(Corrections, Words) {
    struct Row {
        const char* name;
        const char* word;
        const char* expected;
    };
    const Row rows[] = {
        {"a misspelt word gets the indexed one", "libertey", "liberty"},
        {"capitals are kept", "SOLDEIR", "SOLDIER"},
        {"a capital first letter is kept", "Libertey", "Liberty"},
        {"an indexed word is left alone", "souls", ""},
        {"nothing close gives nothing", "xylophone", ""},
        {"short words allow one edit only", "sols", "souls"},
        {"two letters are too short to correct", "li", ""},
        {"the first letter must match", "oldier", ""},
        {"a long word allows three edits", "constitushun", "constitution"},
        {"the fewest edits win over frequency", "constitutionel", "constitutional"},
        {"a name keeps its capital", "Hamliton", "Hamilton"},
        {"a name typed in lower case takes its display form", "hamliton", "Hamilton"},
        {"a name's inner capitals are kept", "mcboid", "McBoyd"},
        {"a word not in the author names stays in lower case", "madisen", "madison"},
        {"candidates come from the spelling keys, not a scan of the terms", "unfiledwrd", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(correct_word(m_db, row.word), row.expected) << row.name;
}

TEST_F(Corrections, AWordGoneFromTheIndexIsNotOffered) {
    // The keys still list "libretto" until a commit rewrites them; the index
    // no longer holds it.
    for (Xapian::PostingIterator it = m_db.postlist_begin("libretto"); it != m_db.postlist_end("libretto");) {
        const Xapian::docid id = *it;
        ++it;
        m_db.delete_document(id);
    }
    EXPECT_EQ(correct_word(m_db, "librettoo"), "");
}

TEST_F(Corrections, Queries) {
    struct Row {
        const char* name;
        const char* query;
        const char* expected;
    };
    const Row rows[] = {
        {"each misspelt word is corrected", "libertey soldeir", "liberty soldier"},
        {"nothing to correct gives empty", "liberty soldier", ""},
        {"operators stay", "libertey AND soldier", "liberty AND soldier"},
        {"field names and values stay", "author:hamiltn federalst", "author:hamiltn federalist"},
        {"quoted field values stay", "author:\"alexandr hamiltn\" federalst", "author:\"alexandr hamiltn\" federalist"},
        {"phrases are corrected word by word", "\"the soldeir\"", "\"the soldier\""},
        {"wildcards stay", "federalst*", ""},
        {"each word keeps its case", "Hamliton FEDERALST", "Hamilton FEDERALIST"},
    };
    for (const auto& row : rows) EXPECT_EQ(correct_query(m_db, row.query), row.expected) << row.name;
}

class SpellingKeys : public testing::Test {
  protected:
    SpellingKeys() : m_db(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

    std::vector<std::string> listed(const std::string& variant) const {
        return spelling::decode_words(m_db.get_metadata(spelling::metadata_key(variant)));
    }
    Xapian::docid add(const std::string& word, indexer::SpellingUpdate& spelling) {
        Xapian::Document d;
        d.add_term(word);
        spelling.note(d);
        return m_db.add_document(d);
    }
    Xapian::WritableDatabase m_db;
};

TEST_F(SpellingKeys, AKeyKeepsItsMostFrequentWordsOnly) {
    indexer::SpellingUpdate spelling;
    // 30 words under the key "wordsa"; word "wordsaN" in N + 1 documents.
    for (int n = 0; n < 30; ++n) {
        for (int i = 0; i <= n; ++i)
            add("wordsa" + std::string(1, static_cast<char>('a' + n % 26)) + std::to_string(n), spelling);
    }
    spelling.write(m_db);
    const auto words = listed("wordsa");
    ASSERT_EQ(words.size(), spelling::k_list_max);
    EXPECT_EQ(words.front(), "wordsad29");
    EXPECT_EQ(m_db.get_termfreq(words.back()), 30 - spelling::k_list_max + 1);
}

TEST_F(SpellingKeys, AWordDeletedIsDroppedFromItsKeysAtTheNextWrite) {
    indexer::SpellingUpdate spelling;
    add("soldier", spelling);
    const Xapian::docid gone = add("soldiery", spelling);
    spelling.write(m_db);
    EXPECT_EQ(listed("soldier"), (std::vector<std::string>{"soldier", "soldiery"}));
    spelling.note_stored(m_db, gone);
    m_db.delete_document(gone);
    spelling.write(m_db);
    EXPECT_EQ(listed("soldier"), (std::vector<std::string>{"soldier"}));
}

TEST_F(SpellingKeys, NoteAllCoversAnIndexBuiltBeforeTheKeys) {
    Xapian::Document d;
    d.add_term("liberty");
    d.add_term("Sliberty");
    d.add_term("XAalexander hamilton");
    m_db.add_document(d);
    EXPECT_FALSE(indexer::has_spelling_keys(m_db));
    indexer::SpellingUpdate spelling;
    spelling.note_all(m_db);
    spelling.write(m_db);
    EXPECT_TRUE(indexer::has_spelling_keys(m_db));
    EXPECT_EQ(listed("liberty"), (std::vector<std::string>{"liberty"}));
    EXPECT_EQ(correct_word(m_db, "libertey"), "liberty");
}

TEST_F(SpellingKeys, WordsGatheredWithTheDocumentAreFiledAsTheDocumentsOwn) {
    // The extraction threads gather a document's words (BuiltDocument::words)
    // and the writer files them: the same words, and the same keys, as
    // noting the document itself.
    indexer::DocumentBuilder builder;
    Article a;
    a.path = "/pages/liberty.html";
    a.title = "On Liberty";
    a.authors = {"Alexander Hamilton"};
    a.body = "The soldiers of liberty wrote letters. Liberty needs constitutional guards.";
    indexer::BuiltDocument built = builder.build(a, "sig");
    std::vector<std::string> from_doc;
    for (auto it = built.doc.termlist_begin(); it != built.doc.termlist_end(); ++it) {
        if (spelling::is_word_term(*it)) from_doc.push_back(*it);
    }
    EXPECT_EQ(built.words, from_doc);
    EXPECT_NE(std::find(built.words.begin(), built.words.end(), "liberty"), built.words.end());
    for (const auto& word : built.words) EXPECT_FALSE(word[0] >= 'A' && word[0] <= 'Z') << word;

    indexer::SpellingUpdate spelling;
    spelling.note(std::move(built.words));
    m_db.add_document(built.doc);
    spelling.write(m_db);
    EXPECT_EQ(listed("liberty"), (std::vector<std::string>{"liberty"}));
    EXPECT_EQ(correct_word(m_db, "constitutionel"), "constitutional");
}

} // namespace
} // namespace oped::searcher
