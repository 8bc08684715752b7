#include <oped/searcher/snippet.hpp>

#include <oped/common/text.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
#include <string>

namespace oped::searcher {
namespace {

Xapian::WritableDatabase empty_database() {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    return Xapian::InMemory::open();
#pragma GCC diagnostic pop
}

struct SnippetRow {
    const char* name;
    const char* query;
    const char* text;
    std::size_t bytes;
    const char* snippet;
};

// "…" in the expected snippets.
#define ELLIPSIS "\xE2\x80\xA6"

const SnippetRow k_rows[] = {
    {"a short text is shown whole", "faction", "The latent causes of faction are sown in the nature of man.", 300,
     "The latent causes of <mark>faction</mark> are sown in the nature of man."},
    {"a word near the start shows the lead", "causes",
     "The latent causes of faction are sown in the nature of man, and we see them everywhere.", 40,
     "The latent <mark>causes</mark> of faction are sown in" ELLIPSIS},
    // Regression: Xapian's snippets began mid-word ("…o the People").
    {"a passage deep in the text starts and ends between words", "kappa",
     "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma.", 30,
     ELLIPSIS "iota <mark>kappa</mark> lambda mu nu xi" ELLIPSIS},
    // Regression: a passage filled by its words ended before the comma that
    // follows the last ("…<mark>Latin</mark> <mark>Orators</mark>…").
    {"a word that fills the passage keeps its comma and quote", "constantinopolitan",
     "Nothing much is said here at first. \"Constantinopolitan,\" he wrote, and stopped there.", 18,
     ELLIPSIS "&quot;<mark>Constantinopolitan</mark>,&quot;" ELLIPSIS},
    {"a passage starts at its sentence when it begins close enough", "kappa",
     "Alpha beta gamma delta epsilon zeta eta. Theta iota kappa lambda mu nu xi omicron pi rho sigma.", 40,
     ELLIPSIS "Theta iota <mark>kappa</mark> lambda mu nu xi omicron" ELLIPSIS},
    {"the end of a text is shown to its last word", "sigma",
     "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma.", 30,
     ELLIPSIS "mu nu xi omicron pi rho <mark>sigma</mark>."},
    {"a quoted phrase is one mark, its words alone none", "\"standing army\"",
     "An army standing still. A standing army is dangerous.", 300,
     "An army standing still. A <mark>standing army</mark> is dangerous."},
    {"a quoted phrase missing from the text leaves its words marked", "\"standing army\"", "The army was standing.",
     300, "The <mark>army</mark> was <mark>standing</mark>."},
    {"an unquoted query's words in a row are one mark", "standing army",
     "Standing still, the army waits; a standing army costs.", 300,
     "<mark>Standing</mark> still, the <mark>army</mark> waits; a <mark>standing army</mark> costs."},
    {"stop words between unquoted words belong to their phrase", "liberty of the press",
     "The press is free; liberty of the press is sacred.", 300,
     "The <mark>press</mark> is free; <mark>liberty of the press</mark> is sacred."},
    {"the passage with the phrase beats an earlier one with its words apart", "standing army",
     "The army, standing by, waited for orders all winter. Nothing else happened at all, for weeks and weeks "
     "on end. Then a standing army was raised.",
     40, ELLIPSIS "Then a <mark>standing army</mark> was raised."},
    {"the passage with more distinct words beats one word repeated", "faction liberty",
     "Faction, faction and faction again, said the first speaker to the crowd. Much later, and at length, the "
     "second spoke of liberty and faction together.",
     40, ELLIPSIS "spoke of <mark>liberty</mark> and <mark>faction</mark> together."},
    {"of equal passages the earliest is chosen", "faction",
     "Nothing here for a while, then a faction. Much later another faction appears in the text.", 30,
     ELLIPSIS "a <mark>faction</mark>. Much later another" ELLIPSIS},
    {"a word is marked by its stem", "factions", "One faction, many factions.", 300,
     "One <mark>faction</mark>, many <mark>factions</mark>."},
    // "l'\xC3\xA9t\xC3\xA9" is one word, as Xapian reads it.
    {"a cut never splits a character", "\xC3\xA9t\xC3\xA9",
     "\xC3\x80 l'\xC3\xA9t\xC3\xA9 d\xC3\xA9j\xC3\xA0 \xC3\xA9"
     "crit, \xC3\xA9t\xC3\xA9 \xC3\xA0 l'\xC3\xA9t\xC3\xA9 "
     "\xC3\xA9t\xC3\xA9 d\xC3\xA9j\xC3\xA0 \xC3\xA9t\xC3\xA9 \xC3\xA9"
     "crit.",
     12, ELLIPSIS "<mark>\xC3\xA9t\xC3\xA9</mark> \xC3\xA0" ELLIPSIS},
    {"markup in the text is escaped around marks", "faction", "<b>faction</b> & co", 300,
     "&lt;b&gt;<mark>faction</mark>&lt;/b&gt; &amp; co"},
    // An entity written out in the text is text: its & escaped, never cut.
    {"a cut never splits what becomes an entity", "faction",
     "Filler words come first here and there; then faction &amp;co follows on and on.", 30,
     ELLIPSIS "then <mark>faction</mark> &amp;amp;co follows" ELLIPSIS},
    {"a text without the query's words shows its lead", "republic",
     "Nothing of the kind is said here, not in any of these many words.", 20, "Nothing of the kind" ELLIPSIS},
};

class Snippet : public testing::TestWithParam<SnippetRow> {};

TEST_P(Snippet, Row) {
    const SnippetRow& row = GetParam();
    const Xapian::WritableDatabase db = empty_database();
    const Highlighter highlighter(db, row.query);
    const std::string snippet = query_snippet(row.text, "en", row.bytes, highlighter);
    EXPECT_EQ(snippet, row.snippet) << row.name << ": " << row.query;
    EXPECT_TRUE(text::is_valid_utf8(snippet)) << row.name;
}

std::string row_name(const testing::TestParamInfo<SnippetRow>& row) {
    std::string name;
    for (const char* c = row.param.name; *c != '\0'; ++c) {
        name.push_back(std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, Snippet, testing::ValuesIn(k_rows), row_name);

} // namespace
} // namespace oped::searcher
