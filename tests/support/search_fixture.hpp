#pragma once

// The searcher's fixture: a dozen articles with known authors, dates, outlets
// and tags (two with two authors, one undated, one with hostile markup, one in
// French), indexed the way `oped index` writes them (DocumentBuilder, spelling
// data, schema stamp), and a brute-force reading of the same articles that
// tests compare the searcher's counts with.

#include <oped/common/article.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/indexer/document.hpp>
#include <oped/indexer/index_writer.hpp>
#include <oped/indexer/spelling_data.hpp>

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace oped::test {

// Each outlet has a site of its own, as on the web: "The Spectator" ->
// "the-spectator.example". Pages of one host are one outlet (outlets.hpp).
inline std::string fixture_host(const std::string& site) {
    std::string host;
    for (const unsigned char c : site) {
        if (std::isalnum(c) != 0) {
            host += static_cast<char>(std::tolower(c));
        } else if (!host.empty() && host.back() != '-') {
            host += '-';
        }
    }
    return host + ".example";
}

inline Article fixture_article(const std::string& slug, std::string title, std::vector<std::string> authors,
                               std::string published, std::string site, std::vector<std::string> tags,
                               std::vector<std::string> paragraphs, std::string language = "en") {
    Article a;
    a.path = "/fixture/" + slug + ".html";
    a.url = "https://" + fixture_host(site) + "/" + slug;
    a.title = std::move(title);
    a.authors = std::move(authors);
    a.published = std::move(published);
    a.site = std::move(site);
    a.section = "Opinion";
    a.tags = std::move(tags);
    a.language = std::move(language);
    for (const auto& p : paragraphs) a.body += (a.body.empty() ? "" : "\n\n") + p;
    return a;
}

inline const std::vector<Article>& search_fixture_articles() {
    static const std::vector<Article> k_articles{
        fixture_article(
            "federalist-10", "The Federalist No. 10: The Union as a Safeguard Against Domestic Faction",
            {"James Madison"}, "1787-11-22", "Independent Journal", {"The Federalist", "Faction"},
            {"Among the numerous advantages promised by a well constructed Union, none deserves to be more "
             "accurately developed than its tendency to break and control the violence of faction.",
             "By a faction, I understand a number of citizens, whether amounting to a majority or a minority of "
             "the whole, who are united and actuated by some common impulse of passion.",
             "The latent causes of faction are thus sown in the nature of man.",
             "Liberty is to faction what air is to fire, an aliment without which it instantly expires."}),
        fixture_article(
            "federalist-51", "The Federalist No. 51: The Structure Must Furnish the Proper Checks and Balances",
            {"Alexander Hamilton", "James Madison"}, "1788-02-06", "Independent Journal",
            {"The Federalist", "Separation of Powers"},
            {"But what is government itself, but the greatest of all reflections on human nature? If men were "
             "angels, no government would be necessary. If angels were to govern men, neither external nor "
             "internal controls on government would be necessary.",
             "Ambition must be made to counteract ambition.",
             "Justice is the end of government. It is the end of civil society."}),
        fixture_article(
            "federalist-1", "The Federalist No. 1: General Introduction", {"Alexander Hamilton"}, "1787-10-27",
            "Independent Journal", {"The Federalist", "Introduction"},
            {"After an unequivocal experience of the inefficacy of the subsisting federal government, you are "
             "called upon to deliberate on a new Constitution for the United States of America.",
             "A torrent of angry and malignant passions will be let loose, and the spirit of faction will be "
             "felt on every side."}),
        fixture_article("american-crisis-1", "The American Crisis, Number I", {"Thomas Paine"}, "1776-12-23",
                        "Pennsylvania Journal", {"The American Crisis", "Liberty"},
                        {"These are the times that try men's souls. The summer soldier and the sunshine patriot "
                         "will, in this crisis, shrink from the service of their country.",
                         "Tyranny, like hell, is not easily conquered; yet we have this consolation with us, that "
                         "the harder the conflict, the more glorious the triumph."}),
        fixture_article("spectator-62", "The Spectator No. 62: True and False Wit", {"Joseph Addison"}, "1711-05-11",
                        "The Spectator", {"Wit"},
                        {"Mr. Locke has an admirable reflection upon the difference of wit and judgment.",
                         "True wit consists in the resemblance of ideas, and false wit in the resemblance of "
                         "single letters."}),
        fixture_article("spectator-10", "The Spectator No. 10: The Design of the Paper",
                        {"Joseph Addison", "Richard Steele"}, "1711-03-12", "The Spectator", {"Wit", "Morality"},
                        {"It was said of Socrates, that he brought philosophy down from heaven, to inhabit "
                         "among men.",
                         "I shall endeavour to enliven morality with wit, and to temper wit with morality."}),
        fixture_article("rambler-106", "The Rambler No. 106: The Vanity of an Author's Expectations",
                        {"Samuel Johnson"}, "1751-03-23", "The Rambler", {"Fame"},
                        {"No place affords a more striking conviction of the vanity of human hopes, than a "
                         "public library."}),
        fixture_article("undated-letter", "A Letter Without a Date", {}, "", "The Spectator", {},
                        {"This letter came to us without any date, and concerns the wit of coffee houses."}),
        fixture_article("hostile", "<script>alert(1)</script> Crisis of Markup", {"Mallory <b>Bold</b>"}, "2019-03-15",
                        "Hostile Gazette", {"Markup"},
                        {"A page that quotes <script>alert('owned')</script> inside its text about markup & "
                         "escaping, with \"quoted\" words and it's apostrophes."}),
        fixture_article("carbon", "Carbon Pricing Now", {"Ada Lovelace"}, "2019-07-01", "Modern Review", {"Climate"},
                        {"The climate will not wait for the committee, and a carbon price is the least "
                         "a serious government can do."}),
        fixture_article("leap-day", "Leap Day Reflections", {"Ada Lovelace"}, "2020-02-29", "Modern Review",
                        {"Climate"}, {"Every fourth year the calendar borrows a day, and the climate does not."}),
        fixture_article("liberte", "La libert\xC3\xA9 de la presse", {"Jean Dupont"}, "2020-06-30", "Le Monde Fictif",
                        {"Libert\xC3\xA9"},
                        {"La libert\xC3\xA9 de la presse est essentielle \xC3\xA0 toute d\xC3\xA9mocratie."}, "fr"),
    };
    return k_articles;
}

// Index `articles` into a new database at `db_path`, one commit.
inline void build_fixture_index(const std::filesystem::path& db_path, const std::vector<Article>& articles) {
    auto opened = indexer::open_for_writing(db_path.string());
    if (!opened) throw std::runtime_error(opened.error().message);
    Xapian::WritableDatabase db = std::move(opened).value();
    indexer::DocumentBuilder builder;
    indexer::SpellingUpdate spelling;
    spelling.note_all(db); // a new index: its keys will cover it all
    for (const auto& a : articles) {
        indexer::BuiltDocument built = builder.build(a, "0:0");
        spelling.note(built.doc);
        db.replace_document(built.id_term, built.doc);
    }
    spelling.write(db);
    schema::store_outlet_table(db); // as oped index does before each commit
    db.commit();
}

// An article's public id, as the index gives it (its /doc/ link).
inline std::string public_id_of(const Article& article) { return schema::public_id(indexer::unique_id(article)); }

// The English stems of a text's words, as a query word is compared.
inline std::set<std::string> stems_of(const std::string& text) {
    static const Xapian::Stem k_stem("en");
    std::set<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.insert(k_stem(word));
        word.clear();
    };
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(u)));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

// Whether an article's title, authors or body has a word with this stem.
inline bool has_word(const Article& a, const std::string& word) {
    std::string text = a.title + " " + a.body;
    for (const auto& name : a.authors) text += " " + name;
    return stems_of(text).count(Xapian::Stem("en")(word)) != 0;
}

// Facet counts by brute force: every author and tag of a multi-valued
// article counts once each.
struct BruteFacets {
    std::map<std::string, std::uint64_t> author, year, site, tag;
};

template <class Predicate>
BruteFacets brute_facets(const std::vector<Article>& articles, Predicate matches) {
    BruteFacets f;
    for (const auto& a : articles) {
        if (!matches(a)) continue;
        for (const auto& name : a.authors) ++f.author[name];
        for (const auto& tag : a.tags) ++f.tag[tag];
        if (a.published.size() >= 4) ++f.year[a.published.substr(0, 4)];
        if (!a.site.empty()) ++f.site[a.site];
    }
    return f;
}

} // namespace oped::test
