#include <oped/common/text.hpp>
#include <oped/indexer/authors.hpp>
#include <oped/indexer/date_lines.hpp>
#include <oped/indexer/html_doc.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oped::indexer {
namespace {

struct NameRow {
    const char* name;
    const char* input;
    const char* expected; // "" when the input is not a name
};

TEST(NormaliseAuthor, Table) {
    const NameRow rows[] = {
        {"a plain name is kept", "Jane Doe", "Jane Doe"},
        {"a leading By goes", "By Jane Doe", "Jane Doe"},
        {"a leading French Par goes", "Par Sébastien Farcis", "Sébastien Farcis"},
        {"a leading German Von goes", "Von Max Mustermann", "Max Mustermann"},
        {"a leading Spanish Por goes", "Por Tariq Panja", "Tariq Panja"},
        {"a two-word name starting with Von is a name", "Von Miller", "Von Miller"},
        {"Written by goes", "Written by Rob Ewaschuk", "Rob Ewaschuk"},
        {"an honorific the byline shows stays", "Dr. Jane Doe", "Dr. Jane Doe"},
        {"Prof and Sir stay", "By Prof Sir John Smith", "Prof Sir John Smith"},
        {"a job title after a comma goes", "Jane Doe, Staff Writer", "Jane Doe"},
        {"a credential after a comma goes", "Brenda Goodman, MA", "Brenda Goodman"},
        {"a generational suffix stays", "Martin Luther King, Jr.", "Martin Luther King Jr."},
        {"an e-mail address goes", "Jane Doe jane.doe@example.com", "Jane Doe"},
        {"a URL in brackets goes", "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn"},
        {"an @handle goes", "Jane Doe @janedoe", "Jane Doe"},
        {"a glued date goes", "Lucas Nolan22 Dec 2016651", "Lucas Nolan"},
        {"a date after the name goes", "Nathan Willis March 25, 2015", "Nathan Willis"},
        {"all capitals get capitals on each word", "JEFFREY GETTLEMAN", "Jeffrey Gettleman"},
        {"hyphens and apostrophes keep their capitals", "GINA ROBERTS-GREY O'NEIL", "Gina Roberts-Grey O'Neil"},
        {"all lower case gets capitals", "jane doe", "Jane Doe"},
        {"mixed case is the page's own spelling", "danah McBoyd", "danah McBoyd"},
        {"an Author label run into the name goes", "Author Isaiah Shelton", "Isaiah Shelton"},
        {"Authored by goes", "Authored by Jane Doe", "Jane Doe"},
        {"Insights from goes", "Insights from Liza Burke", "Liza Burke"},
        {"a trailing Last updated goes", "Cazzy Magennis Last updated", "Cazzy Magennis"},
        {"a job title run into the name goes", "Jane Doe Staff Writer", "Jane Doe"},
        {"a group's name ending in a role word stays", "Example Editorial Team", "Example Editorial Team"},
        {"an organisation in capitals keeps its title word", "AAA Travel Editor", "AAA Travel Editor"},
        {"a name read twice is one name", "Loona Builders Loona Builders", "Loona Builders"},
        {"a trailing bullet goes", "Meaghan Weeden \u25CF", "Meaghan Weeden"},
        {"a leading ampersand goes", "& Zackery Cuevas", "Zackery Cuevas"},
        {"Fact Checked is not a name", "Fact Checked", ""},
        {"a group named by a desk stays", "News Desk", "News Desk"},
        {"Corresponding Author: goes", "Corresponding Author: Jane Doe", "Jane Doe"},
        {"Articles by goes, leaving a first name", "Articles by Juliette", "Juliette"},
        {"initials without spaces are spaced", "J.R.R. Tolkien", "J. R. R. Tolkien"},
        {"initials with spaces stay spaced", "J. R. R. Tolkien", "J. R. R. Tolkien"},
        {"a bare middle initial gets a dot", "John C Welch", "John C. Welch"},
        {"Last, First turns round", "Jong, Michiel de", "Michiel de Jong"},
        {"white space is collapsed", "  Kelli \n  Miller ", "Kelli Miller"},
        {"a name in a spaceless script is kept", "肖春芳", "肖春芳"},
        {"a user name with digits is not a name", "CC7567", ""},
        {"a pure number is not a name", "2016", ""},
        {"a sentence is not a name", "this is what we think about the new plan", ""},
        {"interface text is not a name", "Follow Author", ""},
        {"a URL alone is not a name", "https://www.example.com/people/jane-doe", ""},
        {"an @handle alone is not a name", "@ACLU", ""},
        {"a JavaScript value is not a name", "undefined", ""},
        {"nor is an object printed", "[object Object]", ""},
        {"an unfilled placeholder is not a name", "{{ article.author }}", ""},
        {"nor one of another template language", "${authorName}", ""},
        {"a template's key path is not a name", "page.head.extra.author", ""},
        {"a dotted user name is kept", "sara.r.peter", "sara.r.peter"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(normalise_author(row.input), row.expected) << row.input;
    }
}

// Trimming punctuation from a name's edges works on whole characters: the
// lead byte shared by "§", "·" and a no-break space is never cut off alone
// (found by the extract fuzz target on a page with "§Authoring applications").
TEST(NormaliseAuthor, KeepsMultiByteCharactersWhole) {
    const char* const inputs[] = {
        "\u00A7Authoring applications", "Jane Doe \u00A7",      "\u00A7 Jane Doe", "\u00C9mile Zola", "Jane Do\u00E9",
        "\u00B7Jane Doe\u00B7",         "\u00A0Jane Doe\u00A0", "\u00A9 Jane Doe",
    };
    for (const char* input : inputs) {
        SCOPED_TRACE(input);
        EXPECT_TRUE(text::is_valid_utf8(normalise_author(input)));
        for (const auto& name : split_byline(input)) EXPECT_TRUE(text::is_valid_utf8(name)) << name;
    }
    const NameRow rows[] = {
        {"a middle dot at the edges goes", "\u00B7 Jane Doe \u00B7", "Jane Doe"},
        {"a no-break space at the edges goes", "\u00A0Jane Doe\u00A0", "Jane Doe"},
        {"an accented first letter stays", "\u00C9mile Zola", "\u00C9mile Zola"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(normalise_author(row.input), row.expected) << row.input;
    }
}

struct BylineRow {
    const char* name;
    const char* input;
    std::vector<std::string> expected;
};

TEST(SplitByline, Table) {
    const BylineRow rows[] = {
        {"By A and B gives two", "By Jane Doe and John Smith", {"Jane Doe", "John Smith"}},
        {"A, B and C gives three", "Jane Doe, John Smith and Mary Major", {"Jane Doe", "John Smith", "Mary Major"}},
        {"an ampersand separates", "Jane Doe & John Smith", {"Jane Doe", "John Smith"}},
        {"a semicolon separates", "Jane Doe; John Smith", {"Jane Doe", "John Smith"}},
        {"a leading dash goes", "\u2014 Jane Doe", {"Jane Doe"}},
        {"an outlet after a bar goes", "Jane Doe | Reuters", {"Jane Doe"}},
        {"a job title after a comma goes", "By Jane Doe, Staff Writer", {"Jane Doe"}},
        {"a place after a comma goes", "By Jane Doe, Washington", {"Jane Doe"}},
        {"with-brackets list more authors",
         "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
         {"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
        {"an editor credit is not an author", "Written by Rob Ewaschuk Edited by Betsy Beyer", {"Rob Ewaschuk"}},
        {"the same person twice is one author", "JANE DOE and Jane Doe", {"Jane Doe"}},
        {"an ampersand inside a one-word pair does not split", "Mac & i", {"Mac & i"}},
        {"Last, First is one author", "Smith, Anna", {"Anna Smith"}},
        {"a date after the byline goes", "By GILLIAN MOHNEY March 11, 2015 3:46 PM", {"Gillian Mohney"}},
        {"an outlet in capitals after a comma goes", "Brian Truitt, USA TODAY", {"Brian Truitt"}},
        {"names all in capitals still split", "JANE DOE, JOHN SMITH", {"Jane Doe", "John Smith"}},
        {"a label glued to the names goes", "Authors:Jane Doe, John Smith", {"Jane Doe", "John Smith"}},
        {"an expert title after a comma goes", "Brett Example, Privacy and Security Expert", {"Brett Example"}},
        {"a reviewer alone is no author", "Reviewed by Jane Doe", {}},
        {"a medical reviewer alone is no author", "Medically reviewed by Dr. Jane Doe", {}},
        {"a dot operator separates a job title",
         "Chris McNamara \u22C5 Founder and Editor-in-Chief",
         {"Chris McNamara"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(split_byline(row.input), row.expected) << row.input;
    }
}

struct LineRow {
    const char* name;
    const char* body; // inside <body>; the headline is "Head of the story"
    std::vector<std::string> expected;
};

TEST(BylineNearHeadline, Table) {
    const std::string prose = "<p>The article's words go on for a while here, well past any byline.</p>";
    const LineRow rows[] = {
        {"a By after the date and a reading time",
         "<h1>Head of the story</h1><p>March 15, 2022 &middot; 3 min read &middot; By Jane Doe</p>",
         {"Jane Doe"}},
        {"a by after a numeric date, a role after the comma",
         "<h1>Head of the story</h1><p>03/01/2017 by Jane Doe, Senior Fellow at the Institute</p>",
         {"Jane Doe"}},
        {"a one-word user name in a marked line, cut before on",
         "<h1>Head of the story</h1><div class=story-byline>Posted by jdoe on Friday December 19, 2025 "
         "@08:00PM from the long-line dept.</div>",
         {"jdoe"}},
        {"a one-word name in an unmarked line is no byline",
         "<h1>Head of the story</h1><p>Posted by jdoe on Friday December 19, 2025</p>",
         {}},
        {"a label with a colon",
         "<h1>Head of the story</h1><p>Updated: May 2, 2024</p><p>Written by: Jane Doe</p>",
         {"Jane Doe"}},
        {"interface text run into the name ends it",
         "<h1>Head of the story</h1><p>By <a href=/c/jd>Jane Q. Doe</a> <a href=/e>View In Digital Edition</a></p>",
         {"Jane Q. Doe"}},
        {"name, role and date fields",
         "<h1>Head of the story</h1><p>Jane Doe | Senior Writer | July 2, 2025</p>",
         {"Jane Doe"}},
        {"two capitalised words beside nothing that reads as a byline",
         "<h1>Head of the story</h1><p>Personal Finance | Savings</p>",
         {}},
        {"a name alone under the headline, a date label under it",
         "<h1>Head of the story</h1><div>Jane Doe</div><div>Last Updated:</div>",
         {"Jane Doe"}},
        {"a motto under the headline, set off by a dash, is no byline",
         "<h1>Head of the story</h1><div>\u2014Vita Brevis Est.</div><div>May 2, 1714</div>",
         {}},
        {"a name alone under the headline with no date beside it is no byline",
         "<h1>Head of the story</h1><div>Jane Doe</div>",
         {}},
        {"a sentence that starts with By is no byline",
         "<h1>Head of the story</h1><p>By submitting my email address I agree to the terms.</p>",
         {}},
        {"a byline in the related list is not the article's",
         "<h1>Head of the story</h1><div class=related-posts><p>By Jane Doe</p></div>",
         {}},
        {"a byline far below the headline is not looked for",
         "<h1>Head of the story</h1><p>one</p><p>two</p><p>three</p><p>four</p><p>five</p><p>six</p>"
         "<p>By Jane Doe</p>",
         {}},
        {"the line showing the headline anchors when the h1 is the site",
         "<h1>Example Weblog</h1><p>Tagline of the site</p><p>Menu</p><p>Home</p><p>About</p><p>Archive</p>"
         "<p>Links</p><h2>Head of the story</h2><p>By Jane Doe</p>",
         {"Jane Doe"}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        XmlDocPtr doc = parse_html(std::string("<html><body>") + row.body + prose + "</body></html>");
        const LineByline found = byline_near_headline(read_text_lines(doc.get()), "Head of the story");
        EXPECT_EQ(found.names, row.expected) << row.body;
        EXPECT_EQ(found.line.empty(), row.expected.empty()) << found.line;
    }
}

TEST(AuthorsFromBio, Table) {
    const BylineRow rows[] = {
        {"The writer is A", "The writer is Amira Hassan, a professor of economics.", {"Amira Hassan"}},
        {"The authors are A and B", "The authors are Jane Doe and John Smith.", {"Jane Doe", "John Smith"}},
        {"A is a columnist for", "Daniel Okafor is a columnist for The Example Times.", {"Daniel Okafor"}},
        {"A is a professor at", "Mary Beth Jones is a professor of law at Yale.", {"Mary Beth Jones"}},
        {"A teaches", "Carlos Ruiz teaches history in Madrid.", {"Carlos Ruiz"}},
        {"an initial does not end the name", "The writer is J. Smith, a former diplomat.", {"J. Smith"}},
        {"a sentence about a place is not a bio", "New York is a city of eight million people.", {}},
        {"a sentence without a role is not a bio", "Jane Doe is a fan of long walks on the beach.", {}},
        {"an ordinary paragraph is not a bio", "The council met on Tuesday to discuss the budget.", {}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(authors_from_bio(row.input), row.expected) << row.input;
    }
}

TEST(AuthorKey, SpellingsOfOnePersonAgree) {
    EXPECT_EQ(author_key("J.R.R. Tolkien"), author_key("j r r  tolkien"));
    EXPECT_EQ(author_key("Jane Doe"), author_key("JANE DOE"));
    EXPECT_NE(author_key("Jane Doe"), author_key("John Doe"));
}

} // namespace
} // namespace oped::indexer
