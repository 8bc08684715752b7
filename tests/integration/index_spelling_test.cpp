// Spelling data across many commits. Disabled because it fails with the
// Xapian of Debian 12 (libxapian30 1.4.22): the glass backend cannot read
// back a compressed tag when zlib has consumed the last input byte but still
// holds output (CompressionStream::decompress_chunk() asks for more input
// while its 8 KiB output buffer is full). Spelling fragment tags are long,
// sorted, highly compressible word lists: once one is written at a size just
// past a multiple of 8 KiB, the next commit that merges into it throws
// DatabaseCorruptError "Too few chunks of compressed data", oped index exits
// 5, and every later run and xapian-check fail the same way. Plain Xapian
// reproduces it: add_spelling("pagekw" + N), N = 0, 1, 2..., 50 words per
// commit, fails at the 56th commit. Here a single first run fails. Enable it
// (--gtest_also_run_disabled_tests) once the library is fixed or oped works
// around it.

#include "support/corpus.hpp"

#include <gtest/gtest.h>

#include <cstdio>

namespace oped::test {
namespace {

TEST(Spelling, DISABLED_SurvivesManyCommitsOfWordsSharingAPrefix) {
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
    EXPECT_EQ(c.open().get_spelling_suggestion("pagekw1234x"), "pagekw1234");
}

} // namespace
} // namespace oped::test
