#pragma once

// An index for the web pages' tests: a few plain articles and one whose
// every field is hostile (markup, script, event handlers, a javascript: URL,
// control characters), written the way `oped index` writes them; and
// checks on rendered HTML through libxml2's parser.

#include "support/search_fixture.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/article.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/indexer/document.hpp>
#include <oped/indexer/html_doc.hpp>
#include <oped/indexer/index_writer.hpp>
#include <oped/indexer/spelling_data.hpp>
#include <oped/searcher/searcher.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace oped::test {

// Whether `url` is a fixture article's original address ("https://<outlet>.example/<slug>"),
// a link that leaves the archive on purpose.
inline bool is_fixture_article_url(const std::string& url) {
    const std::string scheme = "https://";
    if (url.rfind(scheme, 0) != 0) return false;
    const auto slash = url.find('/', scheme.size());
    if (slash == std::string::npos) return false;
    const std::string host = url.substr(scheme.size(), slash - scheme.size());
    const std::string suffix = ".example";
    return host.size() > suffix.size() && host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           host != "evil.example";
}

inline Article web_article(const std::string& slug, std::string title, std::vector<std::string> authors,
                           std::string published, std::string site, std::vector<std::string> tags, std::string body) {
    Article a;
    a.path = "/web-fixture/" + slug + ".html";
    a.url = "https://" + fixture_host(site) + "/" + slug;
    a.title = std::move(title);
    a.authors = std::move(authors);
    a.published = std::move(published);
    a.site = std::move(site);
    a.section = "Opinion";
    a.tags = std::move(tags);
    a.language = "en";
    a.body = std::move(body);
    return a;
}

inline const char* const k_hostile_title = "<script>alert(1)</script> Zanzibar & \"quotes\" 'too'";
inline const char* const k_hostile_author = "Mallory \"><img src=x onerror=alert(2)>";
inline const char* const k_hostile_site = "<b>Hostile</b> Gazette";
inline const char* const k_hostile_tag = "<svg onload=alert(3)>";

inline std::vector<Article> web_articles() {
    Article hostile = web_article(
        "hostile", k_hostile_title, {k_hostile_author}, "1787-11-05", k_hostile_site, {k_hostile_tag},
        "Zanzibar merchants wrote <script>alert(4)</script> and <img src=x onerror=alert(5)> in their letter.\n\n"
        "A control character \x01 and a form feed \x0C sit in this paragraph about Zanzibar cloves.");
    hostile.url = "javascript:alert(6)";
    return {
        web_article("federalist-10", "The Federalist No. 10: The Union as a Safeguard Against Domestic Faction",
                    {"James Madison"}, "1787-11-22", "Independent Journal", {"The Federalist", "Faction"},
                    "Among the numerous advantages promised by a well constructed Union, none deserves to be "
                    "more accurately developed than its tendency to break and control the violence of faction."
                    "\n\nLiberty is to faction what air is to fire, an aliment without which it expires."),
        web_article("federalist-51", "The Federalist No. 51: Checks and Balances",
                    {"Alexander Hamilton", "James Madison"}, "1788-02-06", "Independent Journal", {"The Federalist"},
                    "If men were angels, no government would be necessary. Ambition must be made to "
                    "counteract ambition, and faction to check faction."),
        web_article("federalist-1", "The Federalist No. 1: General Introduction", {"Alexander Hamilton"}, "1787-10-27",
                    "Independent Journal", {"The Federalist"},
                    "You are called upon to deliberate on a new Constitution for the United States. The spirit "
                    "of faction will be felt on every side."),
        web_article("crisis-1", "The American Crisis, Number I", {"Thomas Paine"}, "1776-12-23", "Pennsylvania Journal",
                    {"Liberty"},
                    "These are the times that try men's souls. Tyranny, like hell, is not easily conquered."),
        hostile,
    };
}

// A fresh index of articles() (web_articles() unless a test's fixture says
// otherwise) in a temporary folder, and a Searcher on it.
class WebFixture : public ::testing::Test {
  protected:
    virtual std::vector<Article> articles() const { return web_articles(); }

    void SetUp() override {
        const std::string db_path = (m_dir / "db").string();
        {
            auto opened = indexer::open_for_writing(db_path);
            if (!opened) throw std::runtime_error(opened.error().message);
            Xapian::WritableDatabase db = std::move(opened).value();
            indexer::DocumentBuilder builder;
            indexer::SpellingUpdate spelling;
            spelling.note_all(db);
            for (const auto& a : articles()) {
                indexer::BuiltDocument built = builder.build(a, "0:0");
                spelling.note(built.doc);
                db.replace_document(built.id_term, built.doc);
                m_ids[a.path] = schema::public_id(indexer::unique_id(a));
            }
            spelling.write(db);
            schema::store_outlet_table(db); // as oped index does before each commit
            db.commit();
        }
        auto opened = searcher::Searcher::open(db_path);
        if (!opened) throw std::runtime_error(opened.error().message);
        m_searcher = std::make_unique<searcher::Searcher>(std::move(opened).value());
    }

    // The public id of a fixture page.
    std::string id_of(const std::string& slug) { return m_ids.at("/web-fixture/" + slug + ".html"); }
    searcher::Searcher& searcher() { return *m_searcher; }

  private:
    TempDir m_dir;
    std::map<std::string, std::string> m_ids;
    std::unique_ptr<searcher::Searcher> m_searcher;
};

// What a page must never hold, whatever the index or the request held:
// elements other than the ones the pages write, event-handler attributes,
// javascript: links, scripts but the one module and at most one JSON-LD
// block (data, never run) that is whole JSON.
inline void expect_inert_html(const std::string& html) {
    static const std::set<std::string> k_allowed = {
        "html",   "head", "meta",  "title",   "link",   "script", "body",    "a",       "header",     "div",
        "span",   "form", "label", "input",   "button", "p",      "details", "summary", "dl",         "dt",
        "dd",     "code", "main",  "section", "h1",     "h2",     "h3",      "figure",  "figcaption", "svg",
        "g",      "rect", "ol",    "ul",      "li",     "nav",    "time",    "mark",    "aside",      "article",
        "footer", "i",    "pre",   "q",       "img",    "strong"};
    auto doc = indexer::parse_html(html);
    ASSERT_NE(doc, nullptr);
    int scripts = 0;
    int json_ld = 0;
    int images = 0;
    indexer::walk_elements(indexer::root_element(doc.get()), [&](xmlNode* node, int) {
        const std::string tag(indexer::tag_name(node));
        EXPECT_TRUE(k_allowed.count(tag) != 0) << "unexpected <" << tag << ">";
        if (tag == "script" && indexer::attr(node, "type") == "application/ld+json") {
            ++json_ld;
            EXPECT_TRUE(nlohmann::json::accept(indexer::raw_text(node))) << indexer::raw_text(node);
        } else if (tag == "script") {
            ++scripts;
            EXPECT_EQ(indexer::attr(node, "src"), "/app.js");
            EXPECT_EQ(indexer::raw_text(node), "");
        }
        if (tag == "img") {
            ++images;
            EXPECT_EQ(indexer::attr(node, "src"), "/icon.svg"); // the masthead's, and only it
        }
        for (xmlAttr* a = node->properties; a != nullptr; a = a->next) {
            const std::string name = reinterpret_cast<const char*>(a->name);
            EXPECT_FALSE(name.size() > 2 && name[0] == 'o' && name[1] == 'n') << "<" << tag << " " << name << ">";
            if (name == "href" || name == "src" || name == "action") {
                const std::string value = indexer::attr(node, name.c_str());
                EXPECT_EQ(value.rfind("javascript:", 0), std::string::npos) << value;
            }
        }
        return true;
    });
    EXPECT_EQ(scripts, 1);
    EXPECT_LE(json_ld, 1);
    EXPECT_LE(images, 1);
}

} // namespace oped::test
