#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace oped::schema {
namespace {

const OutletForms k_forms = {
    {"spectator.example", {{"The Spectator", 477}, {"The Spectator Archive", 159}}},
    {"rambler.example", {{"The Rambler", 26}}},
    {"the idler", {{"The Idler", 3}}},
    {"tied.example", {{"Zeta Review", 2}, {"Alpha Review", 2}}},
};

TEST(OutletTable, ShowsEachSiteUnderItsMostCommonName) {
    const auto table = OutletTable::from_forms(k_forms, {});
    EXPECT_EQ(table.name_of("spectator.example"), "The Spectator");
    EXPECT_EQ(table.name_of("rambler.example"), "The Rambler");
    EXPECT_EQ(table.name_of("tied.example"), "Alpha Review") << "a tie goes to the name that sorts first";
    EXPECT_EQ(table.name_of("unknown.example"), "");
    EXPECT_EQ(table.outlet_count(), 4u);
    const std::vector<std::string> forms{"The Spectator", "The Spectator Archive"};
    EXPECT_EQ(table.sites().at("spectator.example").forms, forms);
}

TEST(OutletTable, FilterNamesSelectSites) {
    const auto table = OutletTable::from_forms(k_forms, {});
    struct Row {
        const char* name;
        std::string filter;
        std::vector<std::string> keys;
    };
    const Row rows[] = {
        {"the name shown", "The Spectator", {"spectator.example"}},
        {"a name some pages give", "the spectator  archive", {"spectator.example"}},
        {"a name no site gives", "The Tatler", {}},
        {"nothing", "", {}},
    };
    for (const auto& row : rows) EXPECT_EQ(table.keys_for(row.filter), row.keys) << row.name;
}

TEST(OutletTable, AliasesRenameAndMergeSites) {
    const auto table = OutletTable::from_forms(
        k_forms, {{"the idler", "The Rambler"}, {"TIED.EXAMPLE", "Tied Review"}, {"Nobody", "Somebody"}});
    EXPECT_EQ(table.name_of("the idler"), "The Rambler") << "by the name shown";
    EXPECT_EQ(table.name_of("tied.example"), "Tied Review") << "by the site key";
    EXPECT_EQ(table.outlet_count(), 3u);
    EXPECT_EQ(table.keys_for("The Rambler"), (std::vector<std::string>{"rambler.example", "the idler"}));
    EXPECT_EQ(table.keys_for("The Idler"), (std::vector<std::string>{"rambler.example", "the idler"}))
        << "a merged site's own name selects the outlet it is merged into";
    const auto merged = counts_by_name({{"rambler.example", 5}, {"the idler", 2}, {"nowhere.example", 1}}, table);
    const std::map<std::string, std::uint64_t> want{{"The Rambler", 7}, {"nowhere.example", 1}};
    EXPECT_EQ(merged, want);
}

TEST(OutletTable, RoundTripsThroughItsStoredForm) {
    const auto table = OutletTable::from_forms(k_forms, {{"the idler", "The Rambler"}});
    EXPECT_EQ(OutletTable::decode(table.encode()), table);
    EXPECT_TRUE(OutletTable::decode("").empty());
    EXPECT_TRUE(OutletTable::decode("outlets0\na\tb").empty()) << "a format this code did not write";
}

TEST(OutletTable, IsCountedFromTheIndexTerms) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto page = [&](const std::string& key, const std::string& name) {
        Xapian::Document doc;
        doc.add_boolean_term(site_key_term(key));
        if (!name.empty()) doc.add_boolean_term(outlet_form_term(key, name));
        db.add_document(doc);
    };
    page("spectator.example", "The Spectator");
    page("spectator.example", "The Spectator");
    page("spectator.example", "The Spectator Archive");
    page("nameless.example", "");
    db.set_metadata(std::string(k_meta_outlet_aliases), encode_outlet_aliases({{"nameless.example", "Nameless"}}));
    store_outlet_table(db);
    const auto table = read_outlet_table(db);
    EXPECT_EQ(table.name_of("spectator.example"), "The Spectator");
    EXPECT_EQ(table.name_of("nameless.example"), "Nameless");
}

TEST(OutletFormTerm, FitsATermAndCutsAtACharacter) {
    const std::string key(k_max_site_key_bytes, 'k');
    std::string name;
    for (int i = 0; i < 200; ++i) name += "\xC3\xA9"; // é
    const std::string term = outlet_form_term(key, name);
    EXPECT_LE(term.size(), k_max_term_bytes);
    EXPECT_EQ((term.size() - 2 - key.size() - 1) % 2, 0u);
    EXPECT_EQ(outlet_name_key(std::string(300, 'a')).size(), k_max_site_key_bytes);
}

TEST(OutletAliases, ParseLinesCommentsAndErrors) {
    const auto parsed = parse_outlet_aliases(
        "# aliases\n\nThe Spectator Archive = The Spectator  # merged in 2026\n  idler.example=The Idler\r\n");
    ASSERT_TRUE(parsed) << parsed.error().message;
    const std::vector<OutletAlias> want{{"The Spectator Archive", "The Spectator"}, {"idler.example", "The Idler"}};
    EXPECT_EQ(parsed.value(), want);
    EXPECT_EQ(decode_outlet_aliases(encode_outlet_aliases(want)), want);
    struct Row {
        const char* name;
        const char* text;
        const char* line;
    };
    const Row bad[] = {
        {"no equals sign", "ok = fine\nThe Spectator\n", "line 2 "},
        {"nothing before it", "= The Spectator", "line 1 "},
        {"nothing after it", "The Spectator =  # comment", "line 1 "},
        {"two of them", "a = b = c", "line 1 "},
        {"invalid UTF-8", "a = \xFF", "line 1 "},
    };
    for (const auto& row : bad) {
        const auto r = parse_outlet_aliases(row.text);
        ASSERT_FALSE(r) << row.name;
        EXPECT_EQ(r.error().code, ErrorCode::usage) << row.name;
        EXPECT_NE(r.error().message.find(row.line), std::string::npos) << row.name << ": " << r.error().message;
    }
}

} // namespace
} // namespace oped::schema
