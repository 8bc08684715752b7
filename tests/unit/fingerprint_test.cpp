// Syndicated copies' fingerprints (indexer/fingerprint.hpp): normalisation,
// and which edits of an essay still make the same piece.

#include <oped/common/schema.hpp>
#include <oped/indexer/fingerprint.hpp>

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace oped::indexer::copies {
namespace {

// A column of `sentences` sentences drawn from one topic's vocabulary with a
// fixed seed: two seeds give two essays on the same subject in the same
// words, which must not be taken for one piece.
std::vector<std::string> essay(std::uint32_t seed, int sentences) {
    static const std::vector<std::string> k_words{
        "the",      "council",   "budget",    "city",     "must",       "taxes",    "schools",  "roads",
        "we",       "should",    "and",       "of",       "a",          "to",       "for",      "our",
        "mayor",    "spending",  "voters",    "public",   "transit",    "housing",  "rent",     "plan",
        "is",       "not",       "in",        "that",     "this",       "year",     "will",     "cost",
        "families", "residents", "growth",    "debt",     "bonds",      "police",   "parks",    "library",
        "every",    "new",       "more",      "less",     "than",       "they",     "it",       "has",
        "been",     "promised",  "delivered", "again",    "neighbours", "streets",  "buses",    "fares",
        "wages",    "jobs",      "business",  "downtown", "suburbs",    "election", "promises", "accounts",
    };
    std::uint32_t state = seed;
    const auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    std::vector<std::string> out;
    for (int s = 0; s < sentences; ++s) {
        std::string sentence;
        const unsigned length = 12 + next() % 10;
        for (unsigned w = 0; w < length; ++w) {
            std::string word = k_words[next() % k_words.size()];
            if (w == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
            sentence += (w == 0 ? "" : " ") + word;
        }
        out.push_back(sentence + ".");
    }
    return out;
}

std::string join(const std::vector<std::string>& sentences) {
    std::string out;
    for (const auto& s : sentences) out += (out.empty() ? "" : " ") + s;
    return out;
}

TEST(CopiesNormalise, Table) {
    struct Row {
        const char* name;
        const char* text;
        std::vector<std::string> words;
    };
    const std::vector<Row> rows{
        {"case and punctuation do not count", "The Mayor's PLAN, again!", {"the", "mayor", "s", "plan", "again"}},
        {"curly quotes and dashes are not words", "\xE2\x80\x9CRent\xE2\x80\x9D \xE2\x80\x94 fares", {"rent", "fares"}},
        {"accented capitals fold", "\xC3\x89T\xC3\x89 caf\xC3\xA9", {"\xC3\xA9t\xC3\xA9", "caf\xC3\xA9"}},
        {"runs of white space are one break", "a \n\t  b", {"a", "b"}},
        {"no words", " -- ... ", {}},
    };
    for (const auto& row : rows) EXPECT_EQ(normalised_words(row.text), row.words) << row.name;
}

TEST(CopiesSketch, ShortBodiesHaveNone) {
    EXPECT_FALSE(sketch_of(join(essay(1, 3))));
    EXPECT_TRUE(sketch_of(join(essay(1, 10))));
}

TEST(CopiesSketch, EditsThatKeepThePieceAndOnesThatDoNot) {
    const std::vector<std::string> original = essay(7, 45); // about 750 words
    struct Row {
        const char* name;
        std::function<std::string()> other;
        bool same;
    };
    const std::vector<Row> rows{
        {"the same text", [&] { return join(original); }, true},
        {"other case, punctuation and line breaks",
         [&] {
             std::string t;
             for (const auto& s : original) t += "\n\n\xE2\x80\x9C" + s + "\xE2\x80\x9D ";
             for (auto& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
             return t;
         },
         true},
        {"a different opening line",
         [&] {
             auto v = original;
             v[0] = "This column first appeared elsewhere and is reprinted with permission.";
             return join(v);
         },
         true},
        {"four sentences rewritten",
         [&] {
             auto v = original;
             const auto other = essay(99, 45);
             for (const int i : {5, 15, 25, 35}) v[static_cast<std::size_t>(i)] = other[static_cast<std::size_t>(i)];
             return join(v);
         },
         true},
        {"the last third trimmed",
         [&] { return join(std::vector<std::string>(original.begin(), original.begin() + 30)); }, true},
        {"trimmed, rewritten and a new opening together",
         [&] {
             auto v = std::vector<std::string>(original.begin(), original.begin() + 34);
             v[0] = "Reprinted by arrangement.";
             v[10] = essay(5, 11)[10];
             v[20] = essay(5, 21)[20];
             return join(v);
         },
         true},
        {"another essay on the same subject in the same words", [] { return join(essay(8, 45)); }, false},
        {"a quarter of the essay quoted in another",
         [&] {
             auto v = essay(11, 45);
             for (int i = 0; i < 11; ++i) v[static_cast<std::size_t>(i)] = original[static_cast<std::size_t>(i)];
             return join(v);
         },
         false},
    };
    const auto base = sketch_of(join(original));
    ASSERT_TRUE(base);
    for (const auto& row : rows) {
        const auto other = sketch_of(row.other());
        ASSERT_TRUE(other) << row.name;
        EXPECT_EQ(same_piece(*base, *other), row.same) << row.name << ": similarity " << similarity(*base, *other);
    }
}

TEST(CopiesSketch, BandTermsRoundTrip) {
    const auto sketch = sketch_of(join(essay(3, 20)));
    ASSERT_TRUE(sketch);
    const auto terms = band_terms(*sketch);
    ASSERT_EQ(terms.size(), k_bands);
    for (const auto& term : terms) {
        EXPECT_TRUE(term.starts_with(schema::prefix::copy_band)) << term;
        EXPECT_LE(term.size(), schema::k_max_term_bytes);
    }
    EXPECT_EQ(sketch_from_terms(terms), sketch);
}

TEST(CopiesSketch, MalformedTermsGiveNoSketch) {
    const auto terms = band_terms(*sketch_of(join(essay(3, 20))));
    struct Row {
        const char* name;
        std::function<std::vector<std::string>()> terms;
    };
    const std::vector<Row> rows{
        {"a band missing", [&] { return std::vector<std::string>(terms.begin() + 1, terms.end()); }},
        {"a band twice",
         [&] {
             auto v = terms;
             v[1] = v[0];
             return v;
         }},
        {"not hex",
         [&] {
             auto v = terms;
             v[2].back() = 'x';
             return v;
         }},
        {"cut short",
         [&] {
             auto v = terms;
             v[3].pop_back();
             return v;
         }},
        {"another prefix",
         [&] {
             auto v = terms;
             v[4][2] = 'g';
             return v;
         }},
    };
    for (const auto& row : rows) EXPECT_FALSE(sketch_from_terms(row.terms())) << row.name;
}

} // namespace
} // namespace oped::indexer::copies
