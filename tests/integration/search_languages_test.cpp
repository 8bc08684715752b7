// Queries read in each language the index holds: the words of a French,
// German or Spanish page are found in their other inflected forms, each
// language drops its own stop words, and lang: picks one language.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace oped::test {
namespace {

std::vector<Article> language_articles() {
    return {
        fixture_article("parked", "Parked cars and municipal politics", {"Ann Rider"}, "2019-03-01", "Daily Wheel", {},
                        {"A car parked on the cycle lane endangers cyclists; the councils decide slowly, and politics "
                         "changes slowly too."},
                        "en"),
        fixture_article(
            "stationnees",
            "Les voitures stationn\xC3\xA9"
            "es",
            {"Claire Roue"}, "2019-03-02", "Le Guidon", {},
            {"Une voiture stationn\xC3\xA9"
             "e sur la piste cyclable met en danger les cyclistes. Les municipalit\xC3\xA9s h\xC3\xA9sitent, "
             "et les politiques locales changent lentement."},
            "fr"),
        fixture_article("entscheidungen", "Die Entscheidungen der Bundesl\xC3\xA4nder", {"Karl Speiche"}, "2019-03-03",
                        "Der Lenker", {},
                        {"Die Regierungen der Bundesl\xC3\xA4nder treffen ihre Entscheidungen zu sp\xC3\xA4t, sagen "
                         "die Radfahrer."},
                        "de"),
        fixture_article("ciudades", "Las elecciones en las ciudades", {"Lucia Pedal"}, "2019-03-04", "El Manillar", {},
                        {"Las ciudades grandes celebran elecciones municipales cada cuatro a\xC3\xB1os, y los "
                         "ciclistas votan."},
                        "es"),
        // No language given: read as English, as it was indexed.
        fixture_article("unlabelled", "Winter cycling", {"Ann Rider"}, "2019-03-05", "Daily Wheel", {},
                        {"Cyclists parking their bicycles in winter need covered racks."}, ""),
    };
}

class SearchLanguagesTest : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir;
        build_fixture_index(*s_dir / "db", language_articles());
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }

    static std::vector<std::string> slugs(const std::string& query) {
        auto opened = searcher::Searcher::open((*s_dir / "db").string());
        if (!opened) throw std::runtime_error(opened.error().message);
        searcher::SearchRequest request;
        request.query = query;
        auto response = opened.value().search(request);
        if (!response) throw std::runtime_error(query + ": " + response.error().message);
        std::vector<std::string> out;
        for (const auto& hit : response.value().results) {
            const std::string& url = hit.article.url;
            out.push_back(url.substr(url.rfind('/') + 1));
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    static TempDir* s_dir;
};

TempDir* SearchLanguagesTest::s_dir = nullptr;

struct LanguageCase {
    const char* query;
    std::vector<std::string> expected; // slugs, sorted
};

TEST_F(SearchLanguagesTest, EachPageIsFoundByOtherFormsOfItsWords) {
    const LanguageCase cases[] = {
        // French: the page says "stationnée", "municipalités", "politiques".
        {"stationn\xC3\xA9"
         "e",
         {"stationnees"}},
        {"politiques municipalit\xC3\xA9s", {"stationnees"}},
        {"stationn\xC3\xA9s", {"stationnees"}},
        {"stationner", {"stationnees"}},
        {"municipalit\xC3\xA9", {"stationnees"}},
        {"politique locale", {"stationnees"}},
        // German: "Regierungen", "Entscheidungen"; nouns typed capitalised too.
        {"regierung", {"entscheidungen"}},
        {"Regierung", {"entscheidungen"}},
        {"Entscheidung", {"entscheidungen"}},
        // Spanish: "ciudades", "elecciones".
        {"ciclista", {"ciudades"}},
        {"elecci\xC3\xB3n", {"ciudades"}},
        // English pages, labelled or not, read as before.
        {"park", {"parked", "unlabelled"}},
        {"councils decided", {"parked"}},
    };
    for (const auto& c : cases) EXPECT_EQ(slugs(c.query), c.expected) << c.query;
}

TEST_F(SearchLanguagesTest, EachLanguageDropsItsOwnStopWords) {
    // None of these pages holds "el", "le" or "des": each is dropped by the
    // page's own language, not required.
    EXPECT_EQ(slugs("el ciudades"), std::vector<std::string>{"ciudades"});
    EXPECT_EQ(slugs("le cyclable"), std::vector<std::string>{"stationnees"});
    EXPECT_EQ(slugs("des radfahrer"), std::vector<std::string>{"entscheidungen"});
}

TEST_F(SearchLanguagesTest, LangPicksTheReading) {
    EXPECT_EQ(slugs("lang:fr politique"), std::vector<std::string>{"stationnees"});
    EXPECT_EQ(slugs("lang:es elecci\xC3\xB3n"), std::vector<std::string>{"ciudades"});
    EXPECT_EQ(slugs("lang:de regierung"), std::vector<std::string>{"entscheidungen"});
    EXPECT_EQ(slugs("lang:en regierung"), std::vector<std::string>{});
}

TEST_F(SearchLanguagesTest, AQuotedPhraseMatchesInAnyLanguage) {
    EXPECT_EQ(slugs("\"piste cyclable\""), std::vector<std::string>{"stationnees"});
    EXPECT_EQ(slugs("\"cycle lane\""), std::vector<std::string>{"parked"});
}

} // namespace
} // namespace oped::test
