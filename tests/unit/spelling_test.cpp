#include <oped/searcher/spelling.hpp>

#include <gtest/gtest.h>

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
    };
    for (const auto& row : rows) {
        EXPECT_EQ(edit_distance(row.a, row.b, row.limit), row.expected) << row.name;
    }
}

class Corrections : public testing::Test {
  protected:
    Corrections() : m_db(std::string(), Xapian::DB_BACKEND_INMEMORY) {
        const std::vector<std::pair<std::string, int>> words{{"liberty", 5}, {"libretto", 1},   {"soldier", 3},
                                                             {"souls", 2},   {"federalist", 4}, {"hamilton", 2}};
        for (const auto& [word, docs] : words) {
            for (int i = 0; i < docs; ++i) {
                Xapian::Document d;
                d.add_term(word);
                d.add_term("XAalexander hamilton");
                m_db.add_document(d);
            }
        }
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
        {"case is folded", "SOLDEIR", "soldier"},
        {"an indexed word is left alone", "souls", ""},
        {"nothing close gives nothing", "xylophone", ""},
        {"short words allow one edit only", "sols", "souls"},
        {"two letters are too short to correct", "li", ""},
        {"the first letter must match", "oldier", ""},
    };
    for (const auto& row : rows) EXPECT_EQ(correct_word(m_db, row.word), row.expected) << row.name;
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
    };
    for (const auto& row : rows) EXPECT_EQ(correct_query(m_db, row.query), row.expected) << row.name;
}

} // namespace
} // namespace oped::searcher
