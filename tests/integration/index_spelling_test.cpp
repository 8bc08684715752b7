// The spelling keys as `oped index` writes them, and the searcher's
// corrections from them, on real indexes.
//
// Many commits of words sharing a prefix. With Xapian 1.4.22 (Debian 12)
// this used to end in DatabaseCorruptError "Too few chunks of compressed
// data": glass cannot read back a compressed tag when zlib has consumed the
// last input byte while its 8 KiB output buffer is full, and the spelling
// table's fragment lists grow into exactly such tags (plain Xapian fails at
// the 56th commit of 50 words "pagekw" + N). oped does not write Xapian's
// spelling table: its own keys (common/spelling_keys.hpp) are metadata,
// which glass does not compress, rewritten at every commit for the words it
// changed; and it deflates document data itself (docdata.cpp). The run below
// must leave an index that opens and checks clean, its keys in place.

#include "support/corpus.hpp"

#include <oped/common/spelling_keys.hpp>
#include <oped/searcher/searcher.hpp>
#include <oped/searcher/spelling.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace oped::test {
namespace {

bool listed(const Xapian::Database& db, const std::string& variant, const std::string& word) {
    const auto words = spelling::decode_words(db.get_metadata(spelling::metadata_key(variant)));
    return std::find(words.begin(), words.end(), word) != words.end();
}

searcher::SearchResponse search(const Corpus& c, const std::string& query, bool auto_correct = true) {
    auto opened = searcher::Searcher::open(c.db());
    if (!opened) throw std::runtime_error(opened.error().message);
    searcher::SearchRequest request;
    request.query = query;
    request.auto_correct = auto_correct;
    request.collapse = false; // the tests' pages share their prose: syndicated copies, each counted here
    auto response = opened.value().search(request);
    if (!response) throw std::runtime_error(response.error().message);
    return std::move(response).value();
}

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
    // Words that share their first seven letters meet under their last.
    EXPECT_EQ(searcher::correct_word(c.open(), "pagekw1234x"), "pagekw1234");
    EXPECT_EQ(searcher::correct_word(c.open(), "pagekw2934"), "");
    EXPECT_EQ(searcher::correct_word(c.open(), "pagekx2934"), "pagekw2934");
    EXPECT_TRUE(listed(c.open(), "$kw2999", "pagekw2999"));
}

TEST(Spelling, AMisspeltQueryIsSearchedCorrectedWithItsCaseAndTheTypedOneOffered) {
    Corpus c;
    c.add_page("a.html", "constitution");
    c.add_page("b.html", "constitution");
    ASSERT_EQ(c.index().run.exit_code, 0);
    const auto r = search(c, "constitushun");
    EXPECT_EQ(r.query, "constitushun");
    EXPECT_EQ(r.corrected, "constitution");
    EXPECT_TRUE(r.showing_corrected);
    EXPECT_EQ(r.total, 2u);
    // The pages' author is Ada Lovelace: her name keeps its capital.
    EXPECT_EQ(search(c, "lovelase").corrected, "Lovelace");
    EXPECT_EQ(search(c, "CONSTITUSHUN").corrected, "CONSTITUTION");
    const auto typed = search(c, "constitushun", false);
    EXPECT_EQ(typed.total, 0u);
    EXPECT_EQ(typed.corrected, "constitution");
    EXPECT_FALSE(typed.showing_corrected);
}

TEST(Spelling, ARareCorrectWordIsNotCorrectedToACommonOne) {
    Corpus c;
    c.add_page("rare.html", "zephyrine");
    for (const char* name : {"c1.html", "c2.html", "c3.html"}) c.add_page(name, "zephyrite");
    ASSERT_EQ(c.index().run.exit_code, 0);
    const auto r = search(c, "zephyrine");
    EXPECT_EQ(r.total, 1u);
    EXPECT_EQ(r.corrected, "");
    EXPECT_FALSE(r.showing_corrected);
    EXPECT_EQ(search(c, "zephyrike").corrected, "zephyrite"); // the more frequent of two at one edit
}

TEST(Spelling, AnIncrementalRunUpdatesTheKeys) {
    Corpus c;
    c.add_page("gone.html", "quixotical");
    c.add_page("stays.html", "quintessence");
    ASSERT_EQ(c.index().run.exit_code, 0);
    EXPECT_EQ(searcher::correct_word(c.open(), "quixoticel"), "quixotical");
    EXPECT_TRUE(listed(c.open(), "quixoti", "quixotical"));

    // A page removed, another added: the removed page's word leaves its keys
    // and is never offered; the new page's word is.
    std::filesystem::remove(c.page_path("gone.html"));
    c.add_page("new.html", "quarantined");
    const IndexRun again = c.index();
    ASSERT_EQ(again.run.exit_code, 0) << again.output();
    EXPECT_EQ(again.counts.removed, 1u);
    EXPECT_EQ(searcher::correct_word(c.open(), "quixoticel"), "");
    EXPECT_FALSE(listed(c.open(), "quixoti", "quixotical"));
    EXPECT_EQ(searcher::correct_word(c.open(), "quarantimed"), "quarantined");
    EXPECT_EQ(searcher::correct_word(c.open(), "quintesence"), "quintessence");
    const auto r = search(c, "quixoticel");
    EXPECT_FALSE(r.showing_corrected);
    EXPECT_EQ(r.corrected, "");

    // oped remove drops its words too.
    const RunResult removed = run_oped({"remove", "--db", c.db(), c.page_path("new.html").string()});
    ASSERT_EQ(removed.exit_code, 0) << removed.err;
    EXPECT_FALSE(listed(c.open(), "quarant", "quarantined"));
    EXPECT_EQ(check_report(c.db()), "");
}

} // namespace
} // namespace oped::test
