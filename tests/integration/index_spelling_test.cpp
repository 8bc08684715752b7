// Many commits of words sharing a prefix. With Xapian 1.4.22 (Debian 12)
// this used to end in DatabaseCorruptError "Too few chunks of compressed
// data": glass cannot read back a compressed tag when zlib has consumed the
// last input byte while its 8 KiB output buffer is full, and the spelling
// table's fragment lists grow into exactly such tags (plain Xapian fails at
// the 56th commit of 50 words "pagekw" + N). oped no longer writes Xapian's
// spelling table (corrections come from the index's own terms,
// searcher/spelling.cpp) and deflates document data itself (docdata.cpp),
// so the run below must leave an index that opens and checks clean.

#include "support/corpus.hpp"

#include <oped/searcher/spelling.hpp>

#include <gtest/gtest.h>

#include <cstdio>

namespace oped::test {
namespace {

TEST(Spelling, SurvivesManyCommitsOfWordsSharingAPrefix) {
    Corpus c;
    for (int i = 0; i < 3000; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "p%04d.html", i);
        c.add_page(name, "pagekw" + std::to_string(i), "https://example.org/" + std::to_string(i));
    }
    // One thread: pages are written in name order, so each commit adds the
    // next 50 numbered words, as in the plain Xapian reproduction above.
    const IndexRun r = c.index({}, {"--batch", "50", "--threads", "1"});
    ASSERT_EQ(r.run.exit_code, 0) << r.output();
    EXPECT_EQ(c.open().get_doccount(), 3000u);
    EXPECT_EQ(check_report(c.db()), "");
    EXPECT_EQ(searcher::correct_word(c.open(), "pagekw1234x"), "pagekw1234");
}

} // namespace
} // namespace oped::test
