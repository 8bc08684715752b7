// The index under a running server is replaced (deleted and rebuilt, or
// another folder renamed over it) or deleted: every route answers from the
// index on disk at the next request, on every worker, or says clearly that
// there is none, and the server never needs a restart.

#include "support/search_fixture.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The index that replaces search_fixture_articles(): none of its words,
// authors or titles are in the other, but its first article has the URL of
// the other's first, so the same public id now names another text.
std::vector<Article> replacement_articles() {
    Article first = fixture_article(
        "federalist-10", "The Lighthouse Keepers Petition", {"Grace Darling"}, "1838-09-07", "Northumberland Gazette",
        {"Lighthouses"}, {"The lighthouse keepers of the Farne Islands petition the board for oil and glass."});
    first.url = search_fixture_articles().front().url;
    return {
        first,
        fixture_article("lighthouse-dues", "On Lighthouse Dues", {"Grace Darling"}, "1839-03-02",
                        "Northumberland Gazette", {"Lighthouses"},
                        {"Every ship that passes pays its lighthouse dues, and the keepers see none of it."}),
        fixture_article("fog-signals", "Fog Signals and Lighthouses", {"William Darling"}, "1840-11-20",
                        "Northumberland Gazette", {"Lighthouses", "Fog"},
                        {"When the fog comes down no lighthouse is seen, and the gun must speak for it."}),
    };
}

constexpr int k_workers = 4;

// Every route that reads the index, and what it answers when that index is
// the fixture's (`old_index`) or the replacement.
struct Route {
    std::string path;
    bool page; // an HTML page (errors as pages), else JSON
    std::function<void(const std::string& body, bool old_index)> check;
};

std::uint64_t old_count() { return search_fixture_articles().size(); }
std::uint64_t new_count() { return replacement_articles().size(); }
bool has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::vector<Route> routes() {
    const std::string old_title = search_fixture_articles().front().title;
    const std::string new_title = replacement_articles().front().title;
    const std::string first_id = schema::public_id(indexer::unique_id(search_fixture_articles().front()));
    return {
        {"/api/search?q=lighthouse", false,
         [](const std::string& body, bool old_index) {
             EXPECT_EQ(json::parse(body)["total"], old_index ? 0 : new_count());
         }},
        {"/api/search?q=faction", false,
         [](const std::string& body, bool old_index) { EXPECT_EQ(json::parse(body)["total"] == 0, !old_index); }},
        {"/api/doc/" + first_id, false,
         [=](const std::string& body, bool old_index) {
             EXPECT_EQ(json::parse(body)["title"], old_index ? old_title : new_title);
         }},
        {"/api/stats", false,
         [](const std::string& body, bool old_index) {
             EXPECT_EQ(json::parse(body)["documents"], old_index ? old_count() : new_count());
         }},
        {"/healthz", false,
         [](const std::string& body, bool old_index) {
             EXPECT_EQ(json::parse(body)["documents"], old_index ? old_count() : new_count());
         }},
        {"/api/suggest?q=grac", false,
         [](const std::string& body, bool old_index) { EXPECT_EQ(json::parse(body)[1].empty(), old_index) << body; }},
        {"/feed?q=lighthouse", false,
         [=](const std::string& body, bool old_index) { EXPECT_EQ(has(body, new_title), !old_index); }},
        {"/metrics", false,
         [](const std::string& body, bool old_index) {
             const std::string line = "oped_index_documents " + std::to_string(old_index ? old_count() : new_count());
             EXPECT_TRUE(has(body, line + "\n")) << line;
         }},
        {"/?q=lighthouse", true,
         [=](const std::string& body, bool old_index) { EXPECT_EQ(has(body, new_title), !old_index); }},
        {"/doc/" + first_id, true,
         [=](const std::string& body, bool old_index) { EXPECT_TRUE(has(body, old_index ? old_title : new_title)); }},
        {"/author/James%20Madison", true,
         [](const std::string& body, bool old_index) { EXPECT_EQ(has(body, "author-name"), old_index); }},
        {"/author/Grace%20Darling", true,
         [](const std::string& body, bool old_index) { EXPECT_EQ(has(body, "author-name"), !old_index); }},
    };
}

// Whether an answer is the route's own, on the fixture or the replacement.
// Routes of an author missing from that index answer 404, the rest 200.
void expect_answer(const httplib::Result& res, const Route& route, bool old_index, const std::string& where) {
    SCOPED_TRACE(where + " " + route.path + (old_index ? " (old index)" : " (new index)"));
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    const bool absent_author = route.path == (old_index ? "/author/Grace%20Darling" : "/author/James%20Madison");
    EXPECT_EQ(res->status, absent_author ? 404 : 200) << res->body.substr(0, 300);
    route.check(res->body, old_index);
}

void expect_unavailable(const httplib::Result& res, const Route& route, const std::string& where) {
    SCOPED_TRACE(where + " " + route.path + " (no index)");
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    if (route.path == "/metrics") {
        // The server's own figures stand.
        EXPECT_EQ(res->status, 200);
        EXPECT_TRUE(has(res->body, "oped_index_documents 0\n"));
        return;
    }
    EXPECT_EQ(res->status, 503) << res->body.substr(0, 300);
    EXPECT_EQ(res->get_header_value("Retry-After"), "5");
    if (route.page) {
        EXPECT_TRUE(has(res->get_header_value("Content-Type"), "text/html"));
        EXPECT_TRUE(has(res->body, "The archive is unavailable")) << res->body.substr(0, 300);
        return;
    }
    ASSERT_TRUE(json::accept(res->body)) << res->body.substr(0, 300);
    const json error = json::parse(res->body)["error"];
    EXPECT_EQ(error["code"], "unavailable");
    EXPECT_TRUE(has(error["message"].get<std::string>(), "try again")) << error;
}

// A server with k_workers workers on an index of the fixture's articles, and
// one client per worker: a keep-alive connection holds its worker for as long
// as it stays open, so k_workers open connections are served by k_workers
// different workers, each with its own Searcher.
class ServeReplacedIndex : public testing::Test {
  protected:
    void SetUp() override {
        build_fixture_index(db(), search_fixture_articles());
        http::ServeOptions options;
        options.db_path = db().string();
        options.threads = k_workers;
        // Connections must stay with their workers however slow the machine.
        options.keep_alive_seconds = 3600;
        m_server = std::make_unique<ServerThread>(options);
    }

    fs::path db() const { return m_dir / "db"; }
    const TempDir& dir() const { return m_dir; }

    // `count` clients, each on its own worker, each of whose Searchers has
    // answered every route from the fixture's index.
    std::vector<httplib::Client> warmed_clients(int count) {
        std::vector<httplib::Client> clients;
        for (int c = 0; c < count; ++c) {
            clients.push_back(m_server->client());
            clients.back().set_keep_alive(true);
            for (const auto& route : routes()) {
                expect_answer(clients.back().Get(route.path), route, true, "client " + std::to_string(c));
            }
        }
        return clients;
    }

    httplib::Client fresh_client() { return m_server->client(); }

  private:
    TempDir m_dir;
    std::unique_ptr<ServerThread> m_server;
};

Xapian::rev revision_of(const fs::path& db) { return Xapian::Database(db.string()).get_revision(); }

struct Replacement {
    const char* name;
    std::function<void(const fs::path& db, const TempDir& dir)> replace;
};

class ServeReplacedIndexBy : public ServeReplacedIndex, public testing::WithParamInterface<Replacement> {};

TEST_P(ServeReplacedIndexBy, EveryRouteOnEveryWorkerAnswersFromTheNewIndexAtTheNextRequest) {
    auto clients = warmed_clients(k_workers);
    const Xapian::rev before = revision_of(db());
    GetParam().replace(db(), dir());
    // What made Xapian's reopen() miss the replacement: the same revision.
    ASSERT_EQ(revision_of(db()), before);
    for (std::size_t c = 0; c < clients.size(); ++c) {
        for (const auto& route : routes()) {
            expect_answer(clients[c].Get(route.path), route, false, "client " + std::to_string(c));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Replacements, ServeReplacedIndexBy,
                         testing::Values(Replacement{"DeletedAndRebuiltInPlace",
                                                     [](const fs::path& db, const TempDir&) {
                                                         fs::remove_all(db);
                                                         build_fixture_index(db, replacement_articles());
                                                     }},
                                         Replacement{"RebuiltBesideAndRenamedOverIt",
                                                     [](const fs::path& db, const TempDir& dir) {
                                                         build_fixture_index(dir / "db.new", replacement_articles());
                                                         fs::rename(db, dir / "db.old");
                                                         fs::rename(dir / "db.new", db);
                                                     }}),
                         [](const testing::TestParamInfo<Replacement>& row) { return std::string(row.param.name); });

TEST_F(ServeReplacedIndex, ADeletedIndexIsOne503OnEveryRouteAndWorkerUntilItIsBack) {
    // Half the workers have opened the index, half have not yet.
    auto clients = warmed_clients(k_workers / 2);
    while (clients.size() < static_cast<std::size_t>(k_workers)) {
        clients.push_back(fresh_client());
        clients.back().set_keep_alive(true);
    }
    auto expect_all_unavailable = [&](const std::string& phase) {
        for (std::size_t c = 0; c < clients.size(); ++c) {
            for (const auto& route : routes()) {
                expect_unavailable(clients[c].Get(route.path), route, phase + ", client " + std::to_string(c));
            }
        }
    };

    fs::remove_all(db());
    expect_all_unavailable("deleted");
    // The indexer has made the folder but not yet the index.
    fs::create_directories(db());
    expect_all_unavailable("an empty folder");
    // The API answers JSON even to a browser's Accept header.
    const auto api = clients.front().Get("/api/search?q=x", {{"Accept", "text/html"}});
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 503);
    EXPECT_TRUE(json::accept(api->body));

    fs::remove_all(db());
    build_fixture_index(db(), replacement_articles());
    for (std::size_t c = 0; c < clients.size(); ++c) {
        for (const auto& route : routes()) {
            expect_answer(clients[c].Get(route.path), route, false, "back, client " + std::to_string(c));
        }
    }
}

} // namespace
} // namespace oped::test
