// `oped index --shards N`: one index written as N shards, listed in a stub
// file in the index folder. Every command opens the folder as before, and a
// search answers exactly as one index of the same pages does: the same
// hits in the same order with the same scores, facets, totals, snippets and
// pages. Re-runs stay incremental, and `oped compact` merges the shards.

#include "support/index_probe.hpp"
#include "support/pages.hpp"
#include "support/process.hpp"
#include "support/server_thread.hpp"
#include "support/temp_dir.hpp"

#include <oped/common/schema.hpp>

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace oped::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using Args = std::vector<std::string>;

// Searches of every kind the API answers: words, phrases, boolean
// operators, a misspelling, filters, facets, sorting and later pages.
const std::vector<Args> k_searches = {
    {"budget"},
    {"\"city budget\""},
    {"budget OR harbour"},
    {"harbour", "--sort", "newest"},
    {""},
    {"", "--sort", "oldest", "--limit", "5", "--page", "2"},
    {"", "--sort", "oldest", "--limit", "10", "--page", "3"},
    {"budget", "--sort", "oldest", "--limit", "100"},
    {"budgett"},
    {"council", "--author", "Ada Lovelace"},
    {"", "--year", "2021"},
    {"", "--from", "2020-03", "--to", "2021-06", "--sort", "newest"},
    {"school", "--limit", "100"},
    {"", "--site", "Valley Times", "--year", "2020"},
    {"budget", "--all-copies"},
};

// Prose of its own for page `i`: sentences drawn from a small vocabulary by
// a fixed generator, so no two pages are copies of each other, and words
// recur with different frequencies, so scores differ.
std::vector<std::string> own_prose(int i, const std::string& topic) {
    static const char* const words[] = {
        "the",     "council", "voted",     "against", "a",     "plan",    "for",   "new",  "roads",  "while",
        "budget",  "school",  "harbour",   "ferries", "rates", "readers", "argue", "that", "our",    "town",
        "must",    "spend",   "less",      "on",      "grand", "schemes", "and",   "more", "upkeep", "of",
        "bridges", "parks",   "libraries", "clinics", "every", "year",    "taxes", "rise", "faster", "than",
    };
    std::uint32_t state = 2654435761u * static_cast<std::uint32_t>(i + 1);
    const auto next = [&state] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    std::vector<std::string> paragraphs;
    for (int p = 0; p < 4; ++p) {
        std::string text;
        for (int sentence = 0; sentence < 6; ++sentence) {
            std::string line = sentence == 0 ? "On the " + topic + ", " : "";
            for (int w = 0; w < 14; ++w) line += std::string(words[next() % std::size(words)]) + " ";
            line.back() = '.';
            line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
            text += line + " ";
        }
        paragraphs.push_back(text);
    }
    return paragraphs;
}

// Three authors, three sites, four years (three pages undated), four topics.
PageSpec page(int i) {
    static const char* const authors[] = {"Ada Lovelace", "Grace Hopper", "Mary Somerville"};
    static const char* const sites[] = {"The Harbour Post", "City Ledger", "Valley Times"};
    static const char* const topics[] = {"budget", "harbour", "school", "council"};
    static const char* const hosts[] = {"https://harbour-post.test/", "https://city-ledger.test/",
                                        "https://valley-times.test/"};
    PageSpec spec = simple_spec(topics[i % 4], hosts[(i / 3) % 3] + std::to_string(i));
    spec.title = std::string("On the ") + topics[i % 4] + " number " + std::to_string(i);
    spec.authors = {authors[i % 3]};
    spec.site = sites[(i / 3) % 3];
    spec.published = std::to_string(2019 + i % 4) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    // Some undated: sorted by date, they come last either way.
    if (i % 7 == 6) spec.published.clear();
    spec.paragraphs = own_prose(i, topics[i % 4]);
    if (i % 5 == 0) spec.paragraphs.push_back("The city budget was debated at the council again, budget by budget.");
    return spec;
}

json search(const std::string& db, const Args& args) {
    Args full{"search", "--db", db, "--json"};
    full.insert(full.end(), args.begin(), args.end());
    const RunResult r = run_oped(full);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    json answer = json::parse(r.out, nullptr, false);
    if (answer.is_object()) answer.erase("took_ms");
    return answer;
}

json stats(const std::string& db) {
    const RunResult r = run_oped({"stats", "--db", db, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    json figures = json::parse(r.out, nullptr, false);
    // What differs between two indexes of the same pages by nature.
    for (const char* key : {"size_bytes", "revision", "last_update"}) figures.erase(key);
    return figures;
}

class ShardedIndex : public ::testing::Test {
  protected:
    void SetUp() override {
        for (int i = 0; i < 24; ++i) write_file(pages() / ("p" + std::to_string(i) + ".html"), article_page(page(i)));
        // One extraction thread: both indexes get the pages in the same order.
        ASSERT_EQ(index(one()).exit_code, 0);
        const RunResult r = index(sharded(), {"--shards", "3"});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }

    fs::path pages() const { return m_dir / "pages"; }
    std::string one() const { return (m_dir / "one").string(); }
    std::string sharded() const { return (m_dir / "sharded").string(); }

    RunResult index(const std::string& db, const Args& extra = {}) const {
        Args args{"index", "-q", "--threads", "1", "--db", db};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(pages().string());
        return run_oped(args);
    }

    void expect_same_answers() const {
        for (const auto& args : k_searches) {
            const json expected = search(one(), args);
            ASSERT_TRUE(expected.is_object());
            EXPECT_EQ(search(sharded(), args), expected) << "oped search " << json(args).dump();
        }
        EXPECT_EQ(stats(sharded()), stats(one()));
    }

    TempDir m_dir;
};

TEST_F(ShardedIndex, IsAFolderOfShardsListedInAStubFile) {
    const std::string stub = read_file(fs::path(sharded()) / "XAPIANDB");
    EXPECT_NE(stub.find("glass shard-00\nglass shard-01\nglass shard-02\n"), std::string::npos) << stub;
    EXPECT_FALSE(fs::exists(fs::path(sharded()) / "iamglass"));
    // Documents go round the shards: 24 pages, 8 in each.
    for (const char* shard : {"shard-00", "shard-01", "shard-02"}) {
        EXPECT_EQ(Xapian::Database((fs::path(sharded()) / shard).string()).get_doccount(), 8u) << shard;
    }
    EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 24u);
}

TEST_F(ShardedIndex, AnswersEverySearchAsOneIndexDoes) {
    // The pages are what this test needs: most match, none is a copy.
    const json all = search(one(), {"", "--all-copies"});
    ASSERT_EQ(all["total"], 24) << all.dump();
    EXPECT_EQ(search(one(), {""})["total"], 24) << "some pages were taken for copies of others";
    ASSERT_EQ(all["facets"]["author"].size(), 3u) << all.dump();
    ASSERT_EQ(all["facets"]["site"].size(), 3u) << all.dump();
    expect_same_answers();
}

// What differs between two servers of the same pages by nature: the time
// an answer took, and when each index was last written.
std::string without_timings(std::string body) {
    // Each marker, and what follows it up to (not including) the first of `ends`.
    const std::pair<const char*, const char*> parts[] = {
        {"<span class=\"summary-took\">", "<"},
        {"\"took_ms\":", ",}"},
        {"\"last_update\":", ",}"},
        {"\"revision\":", ",}"},
        {"\"size_bytes\":", ",}"},
    };
    for (const auto& [marker, ends] : parts) {
        for (auto at = body.find(marker); at != std::string::npos; at = body.find(marker, at)) {
            const auto end = body.find_first_of(ends, at + std::string_view(marker).size());
            body.erase(at, (end == std::string::npos ? body.size() : end) - at);
        }
    }
    return body;
}

std::unique_ptr<ServerThread> serve(const std::string& db) {
    http::ServeOptions options;
    options.db_path = db;
    options.public_url = "http://oped.test"; // links the same whatever the port
    return std::make_unique<ServerThread>(options);
}

// Every kind of page and API answer, from a server of each index.
void expect_same_pages(const std::string& expected_db, const std::string& db, const std::string& id) {
    const auto one_server = serve(expected_db);
    const auto sharded_server = serve(db);
    const std::vector<std::string> paths = {
        "/api/search?q=budget",
        "/api/search?q=&sort=newest&page=2",
        "/api/search?q=harbour&author=Grace%20Hopper",
        "/api/suggest?q=bud",
        "/api/stats",
        "/?q=budget%20OR%20school",
        "/?q=council&year=2021",
        "/author/Ada%20Lovelace",
        "/doc/" + id,
        "/doc/" + id + "/cite.bib",
        "/feed?q=budget",
        "/",
        "/?sort=oldest&page=2",
    };
    for (const auto& path : paths) {
        auto a = one_server->client().Get(path);
        auto b = sharded_server->client().Get(path);
        ASSERT_TRUE(a && b) << path;
        EXPECT_EQ(a->status, 200) << path;
        EXPECT_EQ(b->status, a->status) << path;
        EXPECT_EQ(without_timings(b->body), without_timings(a->body)) << path;
    }
}

TEST_F(ShardedIndex, ServesEveryPageAsOneIndexDoes) {
    expect_same_pages(one(), sharded(), search(one(), {"harbour"})["results"][0]["id"]);
    auto metrics = serve(sharded())->client().Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
    EXPECT_NE(metrics->body.find("oped_index_revision 1\n"), std::string::npos) << metrics->body;
}

TEST_F(ShardedIndex, ReRunsStayIncrementalAndAnswerTheSame) {
    fs::remove(pages() / "p4.html");
    PageSpec changed = page(7);
    changed.paragraphs.push_back("A new paragraph about the harbour budget and its lighthouses.");
    write_file(pages() / "p7.html", article_page(changed));
    shift_mtime(pages() / "p7.html", std::chrono::seconds(5));
    write_file(pages() / "p30.html", article_page(page(30)));

    const RunResult first = index(one());
    const RunResult second = index(sharded());
    ASSERT_EQ(second.exit_code, 0) << second.err;
    const auto counts = parse_summary(second.out);
    ASSERT_TRUE(counts.has_value()) << second.out;
    EXPECT_EQ(*counts, (SummaryCounts{24, 1, 1, 22, 1, 0, 0})) << second.out;
    EXPECT_EQ(parse_summary(first.out), counts);
    expect_same_answers();
    EXPECT_EQ(search(sharded(), {"lighthouses"})["total"], 1);

    // Nothing changed: nothing is read again.
    EXPECT_EQ(parse_summary(index(sharded()).out), (SummaryCounts{24, 0, 0, 24, 0, 0, 0}));
}

TEST_F(ShardedIndex, RemoveDeletesFromTheShardThatHoldsThePage) {
    const std::string id = search(one(), {"harbour"})["results"][0]["id"];
    for (const auto& db : {one(), sharded()}) {
        const RunResult r = run_oped({"remove", "--db", db, id});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("removed 1 documents"), std::string::npos) << r.out;
    }
    expect_same_answers();
}

TEST_F(ShardedIndex, KeepsTheShardsItWasCreatedWith) {
    const RunResult other = index(sharded(), {"--shards", "2"});
    EXPECT_EQ(other.exit_code, 2) << other.err;
    EXPECT_NE(other.err.find("has 3 shards, not 2"), std::string::npos) << other.err;
    EXPECT_EQ(index(sharded(), {"--shards", "3"}).exit_code, 0);

    const RunResult on_one = index(one(), {"--shards", "2"});
    EXPECT_EQ(on_one.exit_code, 2) << on_one.err;
    EXPECT_NE(on_one.err.find("has 1 shard, not 2"), std::string::npos) << on_one.err;

    for (const char* bad : {"0", "65", "x"}) {
        const RunResult r = index((m_dir / "new").string(), {"--shards", bad});
        EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    }
    EXPECT_FALSE(fs::exists(m_dir / "new"));
    EXPECT_EQ(Xapian::Database(sharded()).get_doccount(), 24u);
}

TEST_F(ShardedIndex, AMissingShardIsAnErrorNotAnEmptyShard) {
    fs::remove_all(fs::path(sharded()) / "shard-01");
    const RunResult r = index(sharded());
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("shard-01"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(fs::path(sharded()) / "shard-01"));
}

TEST_F(ShardedIndex, AStubOfRemoteShardsIsOnlySearched) {
    const fs::path remote = m_dir / "remote";
    write_file(remote / "XAPIANDB", "remote 127.0.0.1:1\n");
    for (const Args& args : {Args{"index", "-q", "--db", remote.string(), pages().string()},
                             Args{"remove", "--db", remote.string(), "https://harbour-post.test/1"}}) {
        const RunResult r = run_oped(args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_NE(r.err.find("is not a local shard"), std::string::npos) << r.err;
    }
    EXPECT_EQ(read_file(remote / "XAPIANDB"), "remote 127.0.0.1:1\n");
    EXPECT_EQ(std::distance(fs::directory_iterator(remote), fs::directory_iterator()), 1);
}

TEST_F(ShardedIndex, CompactMergesTheShardsIntoOneIndex) {
    const std::string out = (m_dir / "compact").string();
    const RunResult r = run_oped({"compact", "--db", sharded(), out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("(3 shards)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("24 documents"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(fs::path(out) / "iamglass"));
    EXPECT_EQ(stats(out), stats(one()));
    // Compaction renumbers the documents, so ties may change places: the
    // same hits with the same scores, and the same facets and totals.
    const auto hits = [](const json& answer) {
        std::vector<std::pair<std::string, double>> listed;
        for (const auto& hit : answer["results"]) listed.emplace_back(hit["id"], hit["score"]);
        std::sort(listed.begin(), listed.end());
        return listed;
    };
    for (const auto& args : k_searches) {
        const json expected = search(one(), args);
        const json got = search(out, args);
        EXPECT_EQ(got["total"], expected["total"]) << json(args).dump();
        EXPECT_EQ(got["facets"], expected["facets"]) << json(args).dump();
        // Where every hit is on the page, the page holds the same hits.
        if (expected["results"].size() == expected["total"]) {
            EXPECT_EQ(hits(got), hits(expected)) << json(args).dump();
        }
    }

    // Only into a new or empty folder.
    const RunResult again = run_oped({"compact", "--db", sharded(), out});
    EXPECT_EQ(again.exit_code, 2) << again.err;
    EXPECT_NE(again.err.find("not an empty folder"), std::string::npos) << again.err;
    EXPECT_EQ(Xapian::Database(out).get_doccount(), 24u);
}

TEST_F(ShardedIndex, TheRevisionGrowsWithEveryCommit) {
    const auto revision = [&] {
        const RunResult r = run_oped({"stats", "--db", sharded(), "--json"});
        return std::stoul(json::parse(r.out)["revision"].get<std::string>());
    };
    const unsigned long before = revision();
    EXPECT_GT(before, 0u);
    shift_mtime(pages() / "p1.html", std::chrono::seconds(5));
    ASSERT_EQ(index(sharded()).exit_code, 0);
    EXPECT_GT(revision(), before);
}

// A free loopback port (another process may take it before it is used; the
// servers below are started until all of them listen).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0;
    ::close(fd);
    return ok ? ntohs(addr.sin_port) : 0;
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// One xapian-tcpsrv (Debian's xapian-tools) per shard, on loopback; the
// guard kills them.
class TcpServers {
  public:
    explicit TcpServers(const std::vector<std::string>& shards) {
        for (const auto& shard : shards) {
            for (int attempt = 0; attempt < 5; ++attempt) {
                const int port = free_port();
                const pid_t pid =
                    spawn_program("xapian-tcpsrv", {"--port", std::to_string(port), "--interface", "127.0.0.1", shard},
                                  m_logs / (std::to_string(port) + ".out"), m_logs / (std::to_string(port) + ".err"));
                m_pids.push_back(pid);
                if (wait_listening(pid, port)) {
                    m_ports.push_back(port);
                    break;
                }
            }
        }
        if (m_ports.size() != shards.size()) throw std::runtime_error("xapian-tcpsrv did not start listening");
    }
    ~TcpServers() {
        for (const pid_t pid : m_pids) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
    TcpServers(const TcpServers&) = delete;
    TcpServers& operator=(const TcpServers&) = delete;

    // A stub database of `remote` lines, one per server.
    std::string stub() const {
        std::string text;
        for (const int port : m_ports) text += "remote 127.0.0.1:" + std::to_string(port) + "\n";
        return text;
    }

  private:
    static bool wait_listening(pid_t pid, int port) {
        for (int i = 0; i < 3000; ++i) {
            if (accepts(port)) return true;
            if (::waitpid(pid, nullptr, WNOHANG) == pid) return false; // it exited: the port was taken
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    TempDir m_logs;
    std::vector<pid_t> m_pids;
    std::vector<int> m_ports;
};

// Four shards served by xapian-tcpsrv and searched through a stub of
// `remote` lines: Xapian runs the match on the servers, which cannot run
// oped's facet and timeline spies, so those are shown the matches at the
// front (remote_spies.hpp); sorting by date uses the slot, as the remote
// backend takes no KeyMaker. Every answer equals one local index's.
TEST_F(ShardedIndex, ShardsOnXapianTcpServersAnswerAsOneIndexDoes) {
    // A syndicated copy (each facet counts its piece once) and a page dated
    // to its year only (no month on the timeline): the servers count them
    // by their facet rows.
    PageSpec copy = page(1);
    copy.url = "https://valley-times.test/reprint-1";
    copy.site = "Valley Times";
    write_file(pages() / "p24.html", article_page(copy));
    PageSpec year_only = page(24);
    year_only.published = "2020";
    write_file(pages() / "p25.html", article_page(year_only));
    // One index and the shards, each written afresh: the same docids.
    const std::string single = (m_dir / "single").string();
    ASSERT_EQ(index(single).exit_code, 0);
    const std::string four = (m_dir / "four").string();
    const RunResult indexed = index(four, {"--shards", "4"});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    Xapian::doccount rows = 0;
    for (int i = 0; i < 4; ++i) {
        rows += Xapian::Database((fs::path(four) / ("shard-0" + std::to_string(i))).string())
                    .get_value_freq(schema::slot::facet_row);
    }
    EXPECT_EQ(rows, 3u) << "the copy, the page it copies and the page dated to its year";
    std::vector<std::string> shards;
    for (int i = 0; i < 4; ++i) shards.push_back((fs::path(four) / ("shard-0" + std::to_string(i))).string());
    const TcpServers servers(shards);
    const std::string remote = (m_dir / "remote").string();
    write_file(fs::path(remote) / "XAPIANDB", servers.stub());

    for (const auto& args : k_searches) {
        const json expected = search(single, args);
        ASSERT_TRUE(expected.is_object());
        EXPECT_EQ(search(remote, args), expected) << "oped search " << json(args).dump();
    }
    const RunResult figures = run_oped({"stats", "--db", remote});
    EXPECT_EQ(figures.exit_code, 0) << figures.err;
    EXPECT_NE(figures.out.find("documents:    26"), std::string::npos) << figures.out;
    expect_same_pages(single, remote, search(single, {"harbour"})["results"][0]["id"]);
}

} // namespace
} // namespace oped::test
