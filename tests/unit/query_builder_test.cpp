#include <oped/searcher/query_builder.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

namespace oped::searcher {
namespace {

// A row's sentence as a test name.
template <class Row>
std::string row_name(const testing::TestParamInfo<Row>& row) {
    std::string name;
    for (const char* c = row.param.name; *c != '\0'; ++c) {
        name.push_back(std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_');
    }
    return name;
}

// A small in-memory index (which holds no spelling data: corrections are
// tested in integration/searcher_test.cpp): a few words for wildcards, and
// 150 distinct "kestrelNNN" terms, one per document, to see word* bounded.
Xapian::WritableDatabase small_database() {
    // The in-memory backend is deprecated, but keeps a unit test free of files.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Xapian::WritableDatabase db = Xapian::InMemory::open();
#pragma GCC diagnostic pop
    for (const char* word : {"faction", "factions", "factious", "republic", "tyranny"}) {
        Xapian::Document doc;
        doc.add_term(word);
        db.add_document(doc);
    }
    for (int i = 0; i < 150; ++i) {
        Xapian::Document doc;
        const std::string n = std::to_string(1000 + i).substr(1);
        doc.add_term("kestrel" + n);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

struct QueryRow {
    const char* name;
    const char* input;
    const char* description; // Xapian::Query::get_description()
    bool notice = false;     // the text was read differently, and the user is told
};

const QueryRow k_query_rows[] = {
    {"one word is stemmed", "factions", "Query(Zfaction@1)"},
    {"a capitalised word is kept as written, lower-cased", "Madison", "Query(madison@1)"},
    {"words are ANDed by default", "faction republic", "Query((Zfaction@1 AND Zrepubl@2))"},
    {"OR joins alternatives", "faction OR republic", "Query((Zfaction@1 OR Zrepubl@2))"},
    {"NOT excludes", "faction NOT republic", "Query((Zfaction@1 AND_NOT Zrepubl@2))"},
    {"a minus sign excludes", "faction -republic", "Query((Zfaction@1 AND_NOT Zrepubl@2))"},
    // Regression: Xapian reads a query of only -words as if the signs were
    // not there, so "-republic" searched for "republic".
    {"a minus sign alone excludes from everything", "-republic", "Query((<alldocuments> AND_NOT Zrepubl@1))"},
    {"minus signs alone exclude each word", "-republic -tyranny",
     "Query((<alldocuments> AND_NOT (Zrepubl@1 OR Ztyranni@2)))"},
    {"a minus sign alone within a site excludes from the site", "-wit site:\"The Spectator\"",
     "Query((0 * XSthe spectator AND_NOT Zwit@1))"},
    {"a plus sign is the default AND", "+faction republic", "Query((Zfaction@1 AND Zrepubl@2))"},
    {"a quoted phrase keeps its order and its stop words", "\"the latent causes\"",
     "Query((the@1 PHRASE 3 latent@2 PHRASE 3 causes@3))"},
    {"parentheses group", "(faction OR republic) tyranny", "Query(((Zfaction@1 OR Zrepubl@2) AND Ztyranni@3))"},
    {"stop words are dropped outside phrases", "the faction of the republic", "Query((Zfaction@2 AND Zrepubl@5))"},
    {"a query of stop words only keeps them", "the", "Query(Zthe@1)"},
    {"title: searches title words", "title:faction", "Query(ZSfaction@1)"},
    {"title: takes a phrase", "title:\"general introduction\"", "Query((Sgeneral@1 PHRASE 2 Sintroduction@2))"},
    {"author: searches author name words", "author:madison", "Query(ZAmadison@1)"},
    {"site: filters on the folded outlet name", "site:\"The Spectator\"", "Query(0 * XSthe spectator)"},
    {"site: filters the words", "wit site:\"The  SPECTATOR\"", "Query((Zwit@1 FILTER XSthe spectator))"},
    {"genre: filters on the genre", "genre:letter", "Query(0 * XGletter)"},
    {"genre: reads a reader's word for a genre", "wit genre:Op-Ed", "Query((Zwit@1 FILTER XGopinion))"},
    {"tag: filters on the folded tag", "tag:Federalism", "Query(0 * Kfederalism)"},
    {"two tags of one field are ORed", "tag:wit tag:humour", "Query(0 * (Kwit OR Khumour))"},
    {"lang: filters on the language code", "lang:EN", "Query(0 * Len)"},
    {"date: takes a range of years", "date:2019..2020", "Query(VALUE_RANGE 0 20190101 20201231)"},
    {"date: takes a range of days", "date:2019-03-01..2019-06-30", "Query(VALUE_RANGE 0 20190301 20190630)"},
    {"date: takes one year", "date:1787", "Query(VALUE_RANGE 0 17870101 17871231)"},
    {"date: takes one month, to its last day", "date:1788-02", "Query(VALUE_RANGE 0 17880201 17880229)"},
    {"date: with an open start is an upper bound", "date:..1787", "Query(VALUE_LE 0 17871231)"},
    {"date: with an open end is a lower bound", "date:1787..", "Query(VALUE_GE 0 17870101)"},
    {"date: filters the words", "faction date:1787", "Query((Zfaction@1 FILTER VALUE_RANGE 0 17870101 17871231))"},
    {"curly double quotes are a phrase", "\xE2\x80\x9Clatent causes\xE2\x80\x9D",
     "Query((latent@1 PHRASE 2 causes@2))"},
    {"guillemets are a phrase", "\xC2\xABlatent causes\xC2\xBB", "Query((latent@1 PHRASE 2 causes@2))"},
    {"a curly apostrophe is an apostrophe", "men\xE2\x80\x99s", "Query(Zmen@1)"},
    {"an ellipsis separates words",
     "latent\xE2\x80\xA6"
     "causes",
     "Query((Zlatent@1 AND Zcaus@2))"},
    {"three dots in a pasted quotation separate words", "\"latent...causes\"", "Query((latent@1 PHRASE 2 causes@2))"},
    {"a no-break space separates words",
     "latent\xC2\xA0"
     "causes",
     "Query((Zlatent@1 AND Zcaus@2))"},
    {"a bad date falls back to the plain words, with a notice", "faction date:someday",
     "Query((Zfaction@1 AND Zdate@2 AND Zsomeday@3))", true},
    // Regression: the date processor threw through Xapian's parser, which
    // leaked when the field came first (LeakSanitizer fails this row).
    {"a bad date first falls back to the plain words, with a notice", "date:never faction",
     "Query((Zdate@1 AND Znever@2 AND Zfaction@3))", true},
    // Regression: Xapian makes an empty query of a range that ends before it
    // starts, and the parser dropped the filter: all documents were shown.
    {"a date range typed backwards is read forwards", "date:2020..2019", "Query(VALUE_RANGE 0 20190101 20201231)"},
    {"a date range typed backwards still filters the words", "faction date:2020..2019",
     "Query((Zfaction@1 FILTER VALUE_RANGE 0 20190101 20201231))"},
    {"a dangling operator falls back to the plain words, with a notice", "faction AND", "Query(Zfaction@1)", true},
    {"an unclosed phrase runs to the end", "\"latent causes", "Query((latent@1 PHRASE 2 causes@2))"},
    {"an unclosed parenthesis is closed", "(faction OR republic", "Query((Zfaction@1 OR Zrepubl@2))"},
    {"blank text has no words", "   ", "Query()"},
};

class QueryBuilding : public testing::TestWithParam<QueryRow> {};

TEST_P(QueryBuilding, Row) {
    const QueryRow& row = GetParam();
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse(row.input);
    EXPECT_EQ(parsed.query.get_description(), row.description) << row.name << ": " << row.input;
    EXPECT_EQ(!parsed.notice.empty(), row.notice) << row.name << ": " << parsed.notice;
    EXPECT_EQ(parsed.has_words, !parsed.query.empty()) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rows, QueryBuilding, testing::ValuesIn(k_query_rows), row_name<QueryRow>);

TEST(QueryBuilding, AWildcardIsBoundedToTheMostFrequentExpansions) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("kestrel*");
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    const Xapian::MSet mset = enquire.get_mset(0, 1000);
    // 150 terms start with "kestrel"; only k_max_wildcard_terms are searched.
    EXPECT_EQ(mset.size(), k_max_wildcard_terms);
    EXPECT_TRUE(parsed.notice.empty());
}

TEST(QueryBuilding, AWildcardWithFewExpansionsFindsThemAll) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.parse("facti*").query);
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 3u); // faction, factions, factious
}

TEST(QueryBuilding, APhraseHasLooserReadingsInOrder) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("\"the latent causes of faction\"");
    ASSERT_EQ(parsed.relaxed.size(), 3u);
    EXPECT_EQ(parsed.relaxed[0].first.get_description(),
              "Query(((the PHRASE 6 latent PHRASE 6 causes PHRASE 6 of PHRASE 6 faction) OR (latent PHRASE 6 causes "
              "PHRASE 6 of PHRASE 6 faction) OR (the PHRASE 6 causes PHRASE 6 of PHRASE 6 faction) OR (the PHRASE 6 "
              "latent PHRASE 6 of PHRASE 6 faction) OR (the PHRASE 6 latent PHRASE 6 causes PHRASE 6 faction) OR (the "
              "PHRASE 6 latent PHRASE 6 causes PHRASE 6 of)))");
    EXPECT_EQ(parsed.relaxed[1].first.get_description(),
              "Query(((latent SYNONYM Zlatent) AND (causes SYNONYM Zcaus) AND (faction SYNONYM Zfaction)))");
    EXPECT_EQ(parsed.relaxed[2].first.get_description(),
              "Query(((latent SYNONYM Zlatent) OR (causes SYNONYM Zcaus) OR (faction SYNONYM Zfaction)))");
    for (const auto& [query, notice] : parsed.relaxed) EXPECT_FALSE(notice.empty());
}

TEST(QueryBuilding, WordsWithoutAPhraseHaveOnlyTheOrReading) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("latent causes");
    ASSERT_EQ(parsed.relaxed.size(), 1u);
    EXPECT_EQ(parsed.relaxed[0].first.get_description(), "Query((Zlatent@1 OR Zcaus@2))");
}

struct RelaxedRow {
    const char* name;
    const char* input;
    std::vector<std::string> readings; // descriptions, in the order tried
};

// Regression: the looser readings were the query's words re-parsed without
// operators, so a site: or date: filter became words and -words became
// wanted: a phrase not found showed pages from other sites, or the very pages
// the user had excluded.
const RelaxedRow k_relaxed_rows[] = {
    {"a filter still filters the looser readings",
     "\"counteract ambition\" site:\"Independent Journal\"",
     {"Query((((counteract SYNONYM Zcounteract) AND (ambition SYNONYM Zambit)) FILTER XSindependent journal))",
      "Query((((counteract SYNONYM Zcounteract) OR (ambition SYNONYM Zambit)) FILTER XSindependent journal))"}},
    {"a date range still filters the looser readings",
     "\"counteract ambition\" date:1788",
     {"Query((((counteract SYNONYM Zcounteract) AND (ambition SYNONYM Zambit)) FILTER VALUE_RANGE 0 17880101 "
      "17881231))",
      "Query((((counteract SYNONYM Zcounteract) OR (ambition SYNONYM Zambit)) FILTER VALUE_RANGE 0 17880101 "
      "17881231))"}},
    {"an excluded word stays excluded in the looser readings",
     "\"false wit\" -judgment",
     {"Query((((false SYNONYM Zfals) AND (wit SYNONYM Zwit)) AND_NOT Zjudgment@3))",
      "Query((((false SYNONYM Zfals) OR (wit SYNONYM Zwit)) AND_NOT Zjudgment@3))"}},
    {"a title phrase loosens within the title",
     "title:\"general introduction\"",
     {"Query(((Sgeneral SYNONYM ZSgeneral) AND (Sintroduction SYNONYM ZSintroduct)))",
      "Query(((Sgeneral SYNONYM ZSgeneral) OR (Sintroduction SYNONYM ZSintroduct)))"}},
    {"stop words of a phrase are dropped from its words, after the phrase with one word different",
     "\"the mischiefs of faction\"",
     {"Query(((the PHRASE 5 mischiefs PHRASE 5 of PHRASE 5 faction) OR (mischiefs PHRASE 5 of PHRASE 5 faction) OR "
      "(the PHRASE 5 of PHRASE 5 faction) OR (the PHRASE 5 mischiefs PHRASE 5 faction) OR (the PHRASE 5 mischiefs "
      "PHRASE 5 of)))",
      "Query(((mischiefs SYNONYM Zmischief) AND (faction SYNONYM Zfaction)))",
      "Query(((mischiefs SYNONYM Zmischief) OR (faction SYNONYM Zfaction)))"}},
    {"the phrase with one word different still filters and excludes",
     "\"ambition must counteract\" -tyranny site:\"Independent Journal\"",
     {"Query(((((ambition PHRASE 4 must PHRASE 4 counteract) OR (must PHRASE 4 counteract) OR (ambition PHRASE 4 "
      "counteract) OR (ambition PHRASE 4 must)) FILTER XSindependent journal) AND_NOT Ztyranni@4))",
      "Query(((((ambition SYNONYM Zambit) AND (must SYNONYM Zmust) AND (counteract SYNONYM Zcounteract)) FILTER "
      "XSindependent journal) AND_NOT Ztyranni@4))",
      "Query(((((ambition SYNONYM Zambit) OR (must SYNONYM Zmust) OR (counteract SYNONYM Zcounteract)) FILTER "
      "XSindependent journal) AND_NOT Ztyranni@4))"}},
    {"a title phrase with one word different stays in the title",
     "title:\"a general introduction\"",
     {"Query(((Sa PHRASE 4 Sgeneral PHRASE 4 Sintroduction) OR (Sgeneral PHRASE 4 Sintroduction) OR (Sa PHRASE 4 "
      "Sintroduction) OR (Sa PHRASE 4 Sgeneral)))",
      "Query(((Sgeneral SYNONYM ZSgeneral) AND (Sintroduction SYNONYM ZSintroduct)))",
      "Query(((Sgeneral SYNONYM ZSgeneral) OR (Sintroduction SYNONYM ZSintroduct)))"}},
    {"words without a phrase have only the any-word reading", "latent causes", {"Query((Zlatent@1 OR Zcaus@2))"}},
    {"one word has no looser reading", "faction", {}},
    {"excluded words alone have no looser reading", "-faction", {}},
    {"a filter alone has no looser reading", "site:\"The Spectator\"", {}},
};

class RelaxedReadings : public testing::TestWithParam<RelaxedRow> {};

TEST_P(RelaxedReadings, Row) {
    const RelaxedRow& row = GetParam();
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse(row.input);
    std::vector<std::string> got;
    for (const auto& [query, notice] : parsed.relaxed) {
        got.push_back(query.get_description());
        EXPECT_FALSE(notice.empty()) << row.name;
    }
    EXPECT_EQ(got, row.readings) << row.name << ": " << row.input;
}

INSTANTIATE_TEST_SUITE_P(Rows, RelaxedReadings, testing::ValuesIn(k_relaxed_rows), row_name<RelaxedRow>);

struct BoostRow {
    const char* name;
    const char* input;
    const char* boost; // the ranking boost's description; "Query()" for none
};

const BoostRow k_boost_rows[] = {
    {"a word counts as typed and in the title", "factions", "Query((0.5 * factions OR 2 * Sfactions))"},
    {"two words count as a phrase, in the title and as a title phrase", "standing army",
     "Query((0.5 * (standing OR army) OR 2 * (standing PHRASE 2 army) OR 2 * (Sstanding AND Sarmy) OR 2 * "
     "(Sstanding PHRASE 2 Sarmy)))"},
    {"stop words count in a phrase, not on their own", "liberty of the press",
     "Query((0.5 * (liberty OR press) OR 2 * (liberty PHRASE 4 of PHRASE 4 the PHRASE 4 press) OR 1 * ((liberty "
     "PHRASE 2 of) OR (the PHRASE 2 press)) OR 2 * (Sliberty AND Spress) OR 2 * (Sliberty PHRASE 4 Sof PHRASE 4 "
     "Sthe PHRASE 4 Spress)))"},
    {"numbers are words of the title", "Spectator No. 10",
     "Query((0.5 * (spectator OR no OR 10) OR 2 * (spectator PHRASE 3 no PHRASE 3 10) OR 1 * ((spectator PHRASE 2 "
     "no) OR (no PHRASE 2 10)) OR 2 * (Sspectator AND Sno AND S10) OR 2 * (Sspectator PHRASE 3 Sno PHRASE 3 "
     "S10)))"},
    {"a quoted phrase, which every match holds, is weighed by its words unchecked", "\"latent causes\"",
     "Query((0.5 * (latent OR causes) OR 2 * (latent AND causes) OR 2 * (Slatent AND Scauses) OR 2 * "
     "(Slatent PHRASE 2 Scauses)))"},
    {"only pairs inside one quoted phrase go unchecked", "\"liberty of the\" press \"free states\"",
     "Query((0.5 * (liberty OR press OR free OR states) OR 2 * (liberty PHRASE 6 of PHRASE 6 the PHRASE 6 press "
     "PHRASE 6 free PHRASE 6 states) OR 1 * ((liberty AND of) OR (the PHRASE 2 press) OR (press "
     "PHRASE 2 free) OR (free AND states)) OR 2 * (Sliberty AND Spress AND Sfree AND Sstates) OR 2 * (Sliberty "
     "PHRASE 6 Sof PHRASE 6 Sthe PHRASE 6 Spress PHRASE 6 Sfree PHRASE 6 Sstates)))"},
    {"excluded words and filters do not count", "wit -judgment -\"false wit\" site:\"The Spectator\" date:1711",
     "Query((0.5 * wit OR 2 * Swit))"},
    {"a wildcard does not count", "facti* republic", "Query((0.5 * republic OR 2 * Srepublic))"},
    {"a query with operators has no boost", "faction OR republic", "Query()"},
    {"a query with parentheses has no boost", "(faction republic)", "Query()"},
    {"stop words alone have no boost", "the", "Query()"},
    {"a filter alone has no boost", "site:\"The Spectator\"", "Query()"},
};

class RankingBoost : public testing::TestWithParam<BoostRow> {};

TEST_P(RankingBoost, Row) {
    const BoostRow& row = GetParam();
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    EXPECT_EQ(builder.parse(row.input).boost.get_description(), row.boost) << row.name << ": " << row.input;
}

INSTANTIATE_TEST_SUITE_P(Rows, RankingBoost, testing::ValuesIn(k_boost_rows), row_name<BoostRow>);

TEST(QueryBuilding, TheLooserReadingsBoostCheckTheirPhrases) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("\"latent causes\"");
    EXPECT_EQ(parsed.loose_boost.get_description(),
              "Query((0.5 * (latent OR causes) OR 2 * (latent PHRASE 2 causes) OR 2 * (Slatent AND Scauses) OR 2 * "
              "(Slatent PHRASE 2 Scauses)))");
}

// The boost that leaves the query's phrases unchecked weighs every match by
// what the checked boost's parts weigh it, each run alone, added up: pages
// holding the phrase once or twice, beside pages holding its words apart or
// in part, and a title of its words. (Run whole, Xapian 1.4.22 weighs the
// checked boost a little lower on the page holding the phrase twice, 18.30
// against the parts' 18.58; the order of the pages is the same.)
TEST(QueryBuilding, APhraseWeighedByItsWordsWeighsEveryMatchAsItsCheckedParts) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Xapian::WritableDatabase db = Xapian::InMemory::open();
#pragma GCC diagnostic pop
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("en"));
    const char* pages[][2] = {
        {"the accumulation of all powers in the same hands", "On tyranny"},
        {"all powers and the accumulation of wealth", "Powers"},
        {"the accumulation of all powers, the accumulation of all powers", "The accumulation of all powers"},
        {"of all the powers of the union, accumulation is the least", "Union"},
        {"a page about something else entirely", "Else"},
    };
    for (const auto& [body, title] : pages) {
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(body);
        terms.increase_termpos();
        terms.index_text(title, 1, "S");
        db.add_document(doc);
    }
    db.commit();
    QueryBuilder builder(db);
    // Each match's weight, with the boost run as the searcher runs it
    // (ranking.hpp, with_boost()).
    auto weights = [&](const Xapian::Query& query, const Xapian::Query& boost) {
        Xapian::Enquire enquire(db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_OR, query, Xapian::Query(Xapian::Query::OP_FILTER, boost, query)));
        std::map<Xapian::docid, double> out;
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
        return out;
    };
    for (const char* text : {"\"the accumulation of all powers\"", "\"accumulation of\" powers", "\"all powers\""}) {
        SCOPED_TRACE(text);
        const ParsedQuery parsed = builder.parse(text);
        ASSERT_NE(parsed.boost.get_description(), parsed.loose_boost.get_description());
        std::map<Xapian::docid, double> parts = weights(parsed.query, Xapian::Query());
        ASSERT_FALSE(parts.empty());
        const std::map<Xapian::docid, double> query_alone = parts;
        for (std::size_t i = 0; i < parsed.loose_boost.get_num_subqueries(); ++i) {
            for (const auto& [docid, weight] : weights(parsed.query, parsed.loose_boost.get_subquery(i))) {
                parts[docid] += weight - query_alone.at(docid);
            }
        }
        const std::map<Xapian::docid, double> unchecked = weights(parsed.query, parsed.boost);
        ASSERT_EQ(unchecked.size(), parts.size());
        for (const auto& [docid, weight] : parts) {
            SCOPED_TRACE(docid);
            EXPECT_NEAR(unchecked.at(docid), weight, 1e-9);
        }
    }
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

TEST(QueryBuilding, TheBoostOfAThirtyWordQueryIsBounded) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    std::string text;
    for (int i = 0; i < 30; ++i) text += "word" + std::to_string(i) + " ";
    const std::string boost = builder.parse(text).boost.get_description();
    // Twelve adjacent pairs, no longer phrase, no title part.
    EXPECT_EQ(count_of(boost, " PHRASE 2 "), 12u) << boost;
    EXPECT_EQ(count_of(boost, "PHRASE"), 12u) << boost;
    EXPECT_EQ(count_of(boost, "Sword"), 0u) << boost;
}

TEST(QueryBuilding, APhraseOfTwelveWordsHasOneLooseReadingPerWordAndOneForAWordForgotten) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("\"a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12\"");
    ASSERT_FALSE(parsed.relaxed.empty());
    const std::string loose = parsed.relaxed[0].first.get_description();
    EXPECT_EQ(count_of(loose, " PHRASE 13 a"), 12u * 10 + 11) << loose;
}

TEST(QueryBuilding, ALongerPhraseIsLoosenedToItsHalves) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    const ParsedQuery parsed = builder.parse("\"a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14\"");
    ASSERT_FALSE(parsed.relaxed.empty());
    EXPECT_EQ(parsed.relaxed[0].first.get_description(),
              "Query(((a1 PHRASE 15 a2 PHRASE 15 a3 PHRASE 15 a4 PHRASE 15 a5 PHRASE 15 a6 PHRASE 15 a7 PHRASE 15 a8 "
              "PHRASE 15 a9 PHRASE 15 a10 PHRASE 15 a11 PHRASE 15 a12 PHRASE 15 a13 PHRASE 15 a14) OR (a1 PHRASE 7 a2 "
              "PHRASE 7 a3 PHRASE 7 a4 PHRASE 7 a5 PHRASE 7 a6 PHRASE 7 a7) OR (a8 PHRASE 7 a9 PHRASE 7 a10 PHRASE 7 "
              "a11 PHRASE 7 a12 PHRASE 7 a13 PHRASE 7 a14)))");
}

TEST(QueryBuilding, TheParserIsReusableAfterAFallback) {
    Xapian::WritableDatabase db = small_database();
    QueryBuilder builder(db);
    EXPECT_FALSE(builder.parse("date:never").notice.empty());
    const ParsedQuery again = builder.parse("faction republic");
    EXPECT_EQ(again.query.get_description(), "Query((Zfaction@1 AND Zrepubl@2))");
    EXPECT_TRUE(again.notice.empty());
}

struct NormaliseRow {
    const char* name;
    const char* input;
    const char* expected;
};

const NormaliseRow k_normalise_rows[] = {
    {"curly doubles become straight", "\xE2\x80\x9Cwe the people\xE2\x80\x9D", "\"we the people\""},
    {"low and reversed doubles become straight",
     "\xE2\x80\x9E"
     "a"
     "\xE2\x80\x9F",
     "\"a\""},
    {"curly singles become apostrophes", "\xE2\x80\x98men\xE2\x80\x99s\xE2\x80\x99", "'men's'"},
    {"an ellipsis becomes a space",
     "a\xE2\x80\xA6"
     "b",
     "a b"},
    {"three dots become a space", "a...b", "a b"},
    {"two dots stay, for date ranges", "date:1787..1788", "date:1787..1788"},
    {"white space collapses", "  a \t\n b  ", "a b"},
    {"other letters pass through", "caf\xC3\xA9 \xE2\x82\xAC", "caf\xC3\xA9 \xE2\x82\xAC"},
};

class QueryNormalising : public testing::TestWithParam<NormaliseRow> {};

TEST_P(QueryNormalising, Row) {
    EXPECT_EQ(normalise_query_text(GetParam().input), GetParam().expected) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(Rows, QueryNormalising, testing::ValuesIn(k_normalise_rows), row_name<NormaliseRow>);

struct FilterRow {
    const char* name;
    SearchRequest request;
    const char* description; // or, when the request is refused, nullptr
    const char* error_param = "";
};

SearchRequest with(void (*fill)(SearchRequest&)) {
    SearchRequest r;
    fill(r);
    return r;
}

const FilterRow k_filter_rows[] = {
    {"no filters match everything", SearchRequest{}, "Query(<alldocuments>)"},
    {"authors are ORed, by byline and by key", with([](SearchRequest& r) {
         r.authors = {"James Madison", "Alexander  HAMILTON"};
     }),
     "Query((XAjames madison OR XWjames madison OR XAalexander hamilton OR XWalexander hamilton))"},
    {"an author's key drops the honorific and the order",
     with([](SearchRequest& r) { r.authors = {"Johnson, Dr. Samuel"}; }),
     "Query((XAjohnson, dr. samuel OR XWsamuel johnson))"},
    {"sites are ORed", with([](SearchRequest& r) {
         r.sites = {"The Spectator", "The Rambler"};
     }),
     "Query((XSthe spectator OR XSthe rambler))"},
    {"tags are ORed", with([](SearchRequest& r) { r.tags = {"Wit"}; }), "Query(Kwit)"},
    {"years are ORed", with([](SearchRequest& r) {
         r.years = {"1787", "1788"};
     }),
     "Query((Y1787 OR Y1788))"},
    {"different filters are ANDed", with([](SearchRequest& r) {
         r.authors = {"James Madison"};
         r.years = {"1787"};
     }),
     "Query(((XAjames madison OR XWjames madison) AND Y1787))"},
    {"from and to make a range", with([](SearchRequest& r) {
         r.from = "1787";
         r.to = "1788-02";
     }),
     "Query(VALUE_RANGE 0 17870101 17880229)"},
    {"from alone is a lower bound", with([](SearchRequest& r) { r.from = "1787-11-22"; }),
     "Query(VALUE_GE 0 17871122)"},
    {"to alone is an upper bound", with([](SearchRequest& r) { r.to = "1787-11"; }), "Query(VALUE_LE 0 17871130)"},
    {"a year of two digits is refused", with([](SearchRequest& r) {
         r.years = {"1787", "87"};
     }),
     nullptr, "year"},
    {"a listing type is its term", with([](SearchRequest& r) { r.types = {"listing"}; }), "Query(XTlisting)"},
    {"articles are the pages of no other type, so pages indexed before types count",
     with([](SearchRequest& r) { r.types = {"article"}; }), "Query((<alldocuments> AND_NOT (XTlisting OR XTother)))"},
    {"types are ORed", with([](SearchRequest& r) {
         r.types = {"listing", "other"};
     }),
     "Query((XTlisting OR XTother))"},
    {"an unknown type is refused", with([](SearchRequest& r) { r.types = {"blog"}; }), nullptr, "type"},
    {"genres are ORed, a reader's word read as its genre", with([](SearchRequest& r) {
         r.genres = {"Letters", "op-ed"};
     }),
     "Query((XGletter OR XGopinion))"},
    {"an unknown genre is refused", with([](SearchRequest& r) { r.genres = {"poetry"}; }), nullptr, "genre"},
    {"a year of words is refused", with([](SearchRequest& r) { r.years = {"last"}; }), nullptr, "year"},
    {"a month 13 in from is refused", with([](SearchRequest& r) { r.from = "1787-13"; }), nullptr, "from"},
    {"a word in to is refused", with([](SearchRequest& r) { r.to = "soon"; }), nullptr, "to"},
    {"a 30th of February in to is refused", with([](SearchRequest& r) { r.to = "1788-02-30"; }), nullptr, "to"},
};

class FilterQuery : public testing::TestWithParam<FilterRow> {};

TEST_P(FilterQuery, Row) {
    const FilterRow& row = GetParam();
    const auto q = filter_query(row.request);
    if (row.description == nullptr) {
        ASSERT_FALSE(q) << row.name << ": " << q.value().get_description();
        EXPECT_EQ(q.error().code, ErrorCode::invalid_param) << row.name;
        EXPECT_EQ(q.error().param, row.error_param) << row.name;
        EXPECT_FALSE(q.error().message.empty()) << row.name;
    } else {
        ASSERT_TRUE(q) << row.name << ": " << q.error().message;
        EXPECT_EQ(q.value().get_description(), row.description) << row.name;
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, FilterQuery, testing::ValuesIn(k_filter_rows), row_name<FilterRow>);

} // namespace
} // namespace oped::searcher
