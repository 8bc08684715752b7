// Spelling on a large vocabulary. Corrections come from keys written at
// commit time (common/spelling_keys.hpp), so a lookup reads a few dozen keys
// whatever the vocabulary. The scan they replaced read the terms sharing the
// word's first letter in alphabetical order and gave up after 50,000, so on
// an archive with more than that before the right word it found nothing.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/searcher/spelling.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped {
namespace {

// 52,000 distinct words "saaaaa".."sczzzz"... in 52 pages, all sorting
// before "spectator", and a page that holds it.
std::vector<Article> large_vocabulary() {
    std::vector<Article> out;
    int n = 0;
    for (int page = 0; page < 52; ++page) {
        std::string body;
        for (int i = 0; i < 1000; ++i, ++n) {
            std::string word = "sa";
            for (int v = n, d = 0; d < 4; ++d, v /= 26) word.insert(2, 1, static_cast<char>('a' + v % 26));
            body += word + " ";
        }
        out.push_back(
            test::fixture_article("v" + std::to_string(page), "Vocabulary", {}, "2001-01-01", "The Daily", {}, {body}));
    }
    out.push_back(test::fixture_article("spectator", "A letter", {}, "2001-01-02", "The Daily", {},
                                        {"The spectator of the play wrote to us."}));
    return out;
}

TEST(SpellingScale, AWordPastFiftyThousandOthersWithItsFirstLetterIsFound) {
    test::TempDir dir;
    test::build_fixture_index(dir / "db", large_vocabulary());
    const Xapian::Database db((dir / "db").string());
    std::size_t before = 0;
    for (auto it = db.allterms_begin("s"); it != db.allterms_end("s") && *it < "spectator"; ++it) ++before;
    ASSERT_GT(before, 50000u) << "the vocabulary must hide the word from a scan of 50,000 terms";

    EXPECT_EQ(searcher::correct_word(db, "spectater"), "spectator");
    EXPECT_EQ(searcher::correct_word(db, "Spetcator"), "Spectator");
    EXPECT_EQ(searcher::correct_query(db, "the spectater"), "the spectator");
}

} // namespace
} // namespace oped
