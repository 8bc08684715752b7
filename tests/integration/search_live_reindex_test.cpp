// The server keeps answering on every route while `oped index` writes to the
// index it serves, and sees the new pages without a restart.

#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <future>
#include <mutex>
#include <string>
#include <vector>

namespace oped::test {
namespace {

using nlohmann::json;

// Words drawn by a seed: each page's prose of its own, so that no two pages
// are copies of one piece (which the searcher shows as one result).
std::string prose(unsigned seed, int words) {
    static const std::vector<std::string> k_words{
        "harvest", "roads",    "taxes",   "assembly", "provinces", "grain",    "bridge",  "militia", "market",
        "weather", "courts",   "letters", "ships",    "canal",     "wool",     "tariff",  "clergy",  "schools",
        "mills",   "election", "debt",    "river",    "frost",     "horses",   "bank",    "printer", "quarry",
        "ferry",   "orchard",  "fever",   "census",   "lottery",   "turnpike", "charter", "tithe",   "salt"};
    std::string out;
    unsigned x = seed * 2654435761U + 1U;
    for (int i = 0; i < words; ++i) {
        x = x * 1103515245U + 12345U;
        out += k_words[(x >> 16) % k_words.size()];
        out += ' ';
    }
    return out;
}

// A page as publishers write them: JSON-LD NewsArticle, a canonical link,
// and a body of several paragraphs naming `keyword`.
std::string page(int n, const std::string& keyword) {
    const std::string id = std::to_string(n);
    const std::string title = "Dispatch number " + id + " on the " + keyword + " question";
    std::string body;
    for (int p = 0; p < 4; ++p) {
        body += "<p>Paragraph " + std::to_string(p) + " of dispatch " + id + " weighs the " + keyword +
                " question: " + prose(static_cast<unsigned>(n * 4 + p), 40) + "</p>\n";
    }
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
           "</title>\n<link rel=\"canonical\" href=\"https://live.example/dispatch/" + id +
           "\">\n<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
           "\"headline\":\"" +
           title + "\",\"author\":{\"@type\":\"Person\",\"name\":\"Harriet Martineau\"},\"datePublished\":\"1790-01-" +
           (n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1) + "\"}</script></head><body><article><h1>" + title +
           "</h1>\n" + body + "</article></body></html>\n";
}

std::uint64_t total_for(httplib::Client& client, const std::string& word) {
    const auto res = client.Get("/api/search?per_page=1&q=" + word);
    if (!res || res->status != 200) throw std::runtime_error("search failed");
    return json::parse(res->body)["total"].get<std::uint64_t>();
}

// Every route that reads the index; `json` when it answers JSON. "{doc}" is
// the public id of the first page.
struct Probe {
    const char* path;
    bool json;
};
constexpr Probe k_probes[] = {
    {"/api/search?q=harbour", true},
    {"/api/search?q=lighthouse&per_page=50", true},
    {"/api/search?q=question&sort=newest", true},
    {"/api/search?year=1790&facets=true", true},
    {"/api/doc/{doc}", true},
    {"/api/stats", true},
    {"/api/suggest?q=harr", true},
    {"/healthz", true},
    {"/metrics", false},
    {"/?q=question&facets=true", false},
    {"/author/Harriet%20Martineau", false},
    {"/doc/{doc}?q=harbour", false},
    {"/feed?q=question", false},
};

TEST(SearchLiveReindex, EveryRouteKeepsSucceedingWhileOpedIndexAddsPagesAndTheNewPagesAppear) {
    TempDir dir;
    const std::string db = (dir / "db").string();
    for (int n = 0; n < 10; ++n) write_file(dir / "pages" / ("old-" + std::to_string(n) + ".html"), page(n, "harbour"));
    const RunResult first = run_oped({"index", "--db", db, (dir / "pages").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;

    http::ServeOptions options;
    options.db_path = db;
    options.threads = 4;
    ServerThread server(options);
    {
        auto client = server.client();
        ASSERT_EQ(total_for(client, "harbour"), 10u);
        ASSERT_EQ(total_for(client, "lighthouse"), 0u);
    }

    // Clients query in a loop, each request checked, until told to stop.
    std::atomic<bool> stop{false};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    const std::string first_page = schema::public_id("https://live.example/dispatch/0");
    auto client_loop = [&](int c) {
        auto client = server.client();
        std::uint64_t requests = 0;
        while (!stop) {
            const Probe& probe = k_probes[(requests + static_cast<std::uint64_t>(c)) % std::size(k_probes)];
            std::string path = probe.path;
            if (const auto at = path.find("{doc}"); at != std::string::npos) path.replace(at, 5, first_page);
            const auto res = client.Get(path);
            ++requests;
            std::string problem;
            if (!res) {
                problem = "no answer: " + httplib::to_string(res.error());
            } else if (res->status != 200) {
                problem = std::to_string(res->status) + " " + res->body.substr(0, 200);
            } else if (probe.json && !json::accept(res->body)) {
                problem = "not JSON: " + res->body.substr(0, 200);
            } else if (res->body.empty()) {
                problem = "an empty answer";
            }
            if (!problem.empty()) {
                std::lock_guard lock(failures_mutex);
                failures.push_back(path + ": " + problem);
            }
        }
        return requests;
    };
    std::vector<std::future<std::uint64_t>> clients;
    for (int c = 0; c < 3; ++c) clients.push_back(std::async(std::launch::async, client_loop, c));

    // Three runs of the indexer, each adding pages, committing in small batches.
    int added = 0;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 12; ++i, ++added) {
            write_file(dir / "pages" / ("new-" + std::to_string(added) + ".html"), page(100 + added, "lighthouse"));
        }
        const RunResult run = run_oped({"index", "--db", db, "--batch", "5", (dir / "pages").string()});
        EXPECT_EQ(run.exit_code, 0) << run.err;
    }
    stop = true;
    std::uint64_t requests = 0;
    for (auto& f : clients) requests += f.get();

    EXPECT_TRUE(failures.empty()) << failures.size() << " of " << requests
                                  << " requests failed, first: " << (failures.empty() ? "" : failures.front());
    EXPECT_GT(requests, 0u);
    // The same server, never restarted, sees every new page.
    auto client = server.client();
    EXPECT_EQ(total_for(client, "lighthouse"), static_cast<std::uint64_t>(added));
    EXPECT_EQ(total_for(client, "harbour"), 10u);
}

} // namespace
} // namespace oped::test
