#include <oped/http/server.hpp>

#include <oped/common/schema.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/mount.hpp>
#include <oped/http/pages.hpp>
#include <oped/http/static_files.hpp>
#include <oped/searcher/searcher.hpp>

#include "connections.hpp"
#include "layout.hpp"
#include "request_screen.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>

namespace oped::http {
namespace {

using Clock = std::chrono::steady_clock;

constexpr unsigned k_min_default_threads = 4;
constexpr unsigned k_threads_per_core = 2;
constexpr std::size_t k_max_requests_per_connection = 100;

// Each worker thread keeps its own Searcher (and so its own Xapian
// Database) per index; Xapian objects are never shared between threads.
searcher::Searcher& thread_searcher(const std::string& db_path) {
    thread_local std::map<std::string, std::unique_ptr<searcher::Searcher>> searchers;
    auto& slot = searchers[db_path];
    if (!slot) slot = std::make_unique<searcher::Searcher>(db_path);
    return *slot;
}

// How a route's errors are written: JSON, or a page for the browser's pages.
enum class Answers { json, page };

thread_local Clock::time_point t_request_start;

// The route a path belongs to, for metrics labels.
std::string route_of(const std::string& path) {
    if (path == "/api/search") return "search";
    if (path.rfind("/api/doc/", 0) == 0) return "doc";
    if (path == "/api/stats") return "stats";
    if (path == "/healthz") return "healthz";
    if (path == "/metrics") return "metrics";
    if (path == "/api/suggest") return "suggest";
    if (path.rfind("/api/", 0) == 0) return "api_other";
    if (path == "/") return "page_search";
    if (path.rfind("/author/", 0) == 0) return "page_author";
    if (path.rfind("/doc/", 0) == 0) return "page_doc";
    if (path == "/feed") return "feed";
    if (path == "/opensearch.xml") return "opensearch";
    return "static";
}

// Browsers navigating to a page get errors as pages; API clients get JSON.
bool wants_html(const httplib::Request& req) {
    return req.path.rfind("/api/", 0) != 0 && req.get_header_value("Accept").find("text/html") != std::string::npos;
}

// A page's links are written from the root; under a base path they are
// mounted under it here, where every page passes (mount.hpp).
void apply(const Reply& reply, httplib::Response& res, const std::string& base_path) {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    const bool mounted_page = !base_path.empty() && reply.content_type.rfind("text/html", 0) == 0;
    // At the root the body is copied once, as before, not rewritten first.
    res.set_content(mounted_page ? mount_links(reply.body, base_path) : reply.body, reply.content_type);
}

std::string truncated(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n) + "..."; }

// What screen_request() refused in this thread's request, for the
// pre-routing handler to answer (both run on the worker, one after the other).
thread_local std::optional<Refusal> t_refusal;

Reply refusal_reply(const Refusal& refusal, bool html) {
    const ErrorCode code = refusal.status == 413   ? ErrorCode::too_large
                           : refusal.status == 404 ? ErrorCode::not_found
                                                   : ErrorCode::usage;
    const Error error{code, refusal.message, refusal.status == 405 ? "method" : ""};
    Reply reply = refusal.status < 400 ? Reply{refusal.status, "text/plain; charset=utf-8", refusal.message + "\n", {}}
                  : html               ? error_page(error)
                                       : error_reply(error);
    reply.status = refusal.status;
    reply.headers = refusal.headers;
    return reply;
}

std::unique_ptr<httplib::Server> make_server(const ServeOptions& options) {
    ConnectionLimits limits;
    limits.workers =
        options.threads != 0
            ? options.threads
            : std::max(k_min_default_threads, k_threads_per_core * std::max(1u, std::thread::hardware_concurrency()));
    limits.idle_timeout = std::chrono::seconds(options.keep_alive_seconds);
    limits.head_timeout = std::chrono::seconds(options.head_timeout_seconds);
    limits.max_connections = options.max_connections;
    limits.max_connections_per_client = options.max_connections_per_client;
    limits.max_requests_per_connection = k_max_requests_per_connection;
    const RequestScreen screen{options.web_dir, options.max_request_bytes, options.base_path};
    return std::make_unique<GatedServer>(
        limits, [screen](httplib::Request& req, bool& close) { t_refusal = screen_request(req, screen, close); });
}

// The base of absolute links (the feed, OpenSearch, the article page's
// canonical URL and citations): the configured public
// URL (its path, or else the base path, after it); else the scheme and host
// a trusted proxy forwarded, each when well-formed, or else the address the
// client reached, then the base path. Never the Host header, which the
// client writes.
std::string base_url(const ServeOptions& options, const httplib::Request& req) {
    if (!options.public_url.empty()) {
        const auto host = options.public_url.find("://") + 3;
        const bool has_path = options.public_url.find('/', host) != std::string::npos;
        return has_path ? options.public_url : options.public_url + options.base_path;
    }
    std::string scheme = "http";
    const bool ipv6 = req.local_addr.find(':') != std::string::npos;
    std::string host = (ipv6 ? "[" + req.local_addr + "]" : req.local_addr) + ":" + std::to_string(req.local_port);
    if (options.trust_proxy) {
        if (auto forwarded = forwarded_scheme(req.get_header_value("X-Forwarded-Proto")); !forwarded.empty()) {
            scheme = std::move(forwarded);
        }
        if (auto forwarded = forwarded_host(req.get_header_value("X-Forwarded-Host")); !forwarded.empty()) {
            host = std::move(forwarded);
        }
    }
    return scheme + "://" + host + options.base_path;
}

} // namespace

Server::Server(ServeOptions options) : m_options(std::move(options)), m_server(make_server(m_options)) {}

Server::~Server() = default;

Result<int> Server::bind() {
    // Refuse to start without a readable index: a clear message, not 500s.
    auto db = schema::open_for_reading(m_options.db_path);
    if (!db) return db.error();
    install_routes();
    int port = m_options.port;
    if (port == 0) {
        port = m_server->bind_to_any_port(m_options.host);
        if (port < 0) port = -1;
    } else if (!m_server->bind_to_port(m_options.host, port)) {
        port = -1;
    }
    if (port < 0) {
        return Error{ErrorCode::io,
                     "cannot listen on " + m_options.host + ":" + std::to_string(m_options.port) +
                         " (is the port taken, or the address not local?)",
                     "listen"};
    }
    return port;
}

void Server::run() {
    m_in_run = true;
    if (!m_stopping) m_server->listen_after_bind();
    m_in_run = false;
}

void Server::stop() {
    m_stopping = true;
    // httplib ignores a stop() that comes before listen_after_bind() has
    // marked itself running (a SIGTERM just after start-up): wait for that.
    while (m_in_run && !m_server->is_running()) std::this_thread::yield();
    m_server->stop();
}

bool Server::is_running() const { return m_server->is_running(); }

void Server::install_routes() {
    httplib::Server& s = *m_server;
    // httplib's default sets SO_REUSEPORT, which lets a second server bind a
    // port already in use and take half its connections. SO_REUSEADDR alone
    // still allows a quick restart over connections in TIME_WAIT.
    s.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Timeouts and keep-alive are GatedServer's (connections.hpp); these two
    // only feed the Keep-Alive header of each reply.
    s.set_payload_max_length(m_options.max_request_bytes);
    s.set_keep_alive_max_count(k_max_requests_per_connection);
    s.set_keep_alive_timeout(m_options.keep_alive_seconds);
    // httplib writes the headers and the body of a reply separately; with
    // Nagle's algorithm the body then waits for the client's delayed ACK of
    // the headers: 40 ms added to every answer on a keep-alive connection.
    s.set_tcp_nodelay(true);
    s.set_default_headers({
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    });

    const std::string db_path = m_options.db_path;
    const std::string base_path = m_options.base_path;
    // Every route that reads the index: the handler runs in the searcher's
    // with_retry(), on the index as it is now, rerun when a commit lands
    // mid-way; no index to read is one 503 on every route.
    auto with_searcher = [db_path, base_path](Answers answers, auto&& fn) {
        return [db_path, base_path, answers, fn](const httplib::Request& req, httplib::Response& res) {
            searcher::Searcher& searcher = thread_searcher(db_path);
            Result<Reply> done = searcher.with_retry([&] { return fn(req, searcher); });
            Reply reply = done                       ? std::move(done).value()
                          : answers == Answers::page ? error_page(done.error())
                                                     : error_reply(done.error());
            reply.headers.emplace_back("Cache-Control", "no-store");
            if (reply.status == 503) reply.headers.emplace_back("Retry-After", "5");
            apply(reply, res, base_path);
        };
    };

    s.Get("/api/search", with_searcher(Answers::json, [](const httplib::Request& req, searcher::Searcher& searcher) {
              return handle_search(req.params, searcher);
          }));
    s.Get(R"(/api/doc/([^/]{1,32}))",
          with_searcher(Answers::json, [](const httplib::Request& req, searcher::Searcher& searcher) {
              return handle_doc(req.matches[1], searcher);
          }));
    s.Get("/api/stats", with_searcher(Answers::json, [](const httplib::Request&, searcher::Searcher& searcher) {
              return handle_stats(searcher);
          }));
    s.Get("/healthz", with_searcher(Answers::json, [](const httplib::Request&, searcher::Searcher& searcher) {
              return handle_health(searcher);
          }));
    // The web pages (server-rendered; web/ adds styles and the script).
    s.Get("/", with_searcher(Answers::page, [](const httplib::Request& req, searcher::Searcher& searcher) {
              return handle_search_page(req.params, searcher);
          }));
    s.Get(R"(/author/(.{1,200}))",
          with_searcher(Answers::page, [](const httplib::Request& req, searcher::Searcher& searcher) {
              return handle_author_page(req.matches[1], req.params, searcher);
          }));
    s.Get(R"(/doc/([^/]{1,32}))", with_searcher(Answers::page, [options = m_options](const httplib::Request& req,
                                                                                     searcher::Searcher& searcher) {
              return handle_doc_page(req.matches[1], req.params, searcher, base_url(options, req));
          }));
    s.Get(
        R"(/doc/([^/]{1,32})/cite\.(ris|bib))",
        with_searcher(Answers::json, [options = m_options](const httplib::Request& req, searcher::Searcher& searcher) {
            return handle_citation_file(req.matches[1], req.matches[2], searcher, base_url(options, req));
        }));
    s.Get("/feed", with_searcher(Answers::json,
                                 [options = m_options](const httplib::Request& req, searcher::Searcher& searcher) {
                                     return handle_feed(req.params, searcher, base_url(options, req));
                                 }));
    s.Get("/opensearch.xml", [options = m_options](const httplib::Request& req, httplib::Response& res) {
        apply(handle_opensearch(base_url(options, req)), res, options.base_path);
    });
    s.Get("/api/suggest", with_searcher(Answers::json, [](const httplib::Request& req, searcher::Searcher& searcher) {
              return handle_suggest(req.params, searcher);
          }));
    s.Get("/metrics", [this, db_path](const httplib::Request&, httplib::Response& res) {
        // The server's own figures stand while the index is unavailable.
        searcher::Searcher& searcher = thread_searcher(db_path);
        std::uint64_t docs = 0;
        std::string revision = "0";
        auto index = searcher.with_retry([&searcher] {
            return std::pair{std::uint64_t{searcher.database().get_doccount()},
                             std::to_string(schema::index_revision(searcher.database()))};
        });
        if (index) std::tie(docs, revision) = std::move(index).value();
        res.set_content(m_metrics.render(docs, revision), "text/plain; version=0.0.4");
    });

    if (!m_options.web_dir.empty() && std::filesystem::is_directory(m_options.web_dir)) {
        // httplib refuses paths that climb out of the mount and lists no folders.
        s.set_mount_point("/", m_options.web_dir, {{"Cache-Control", std::string(k_static_cache_control)}});
        // httplib calls this for a GET of a file (not for a HEAD), with the
        // file's bytes read: its tag, and a 304 when the browser holds them.
        // A Range request (206) is answered in full, as before.
        s.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
            const std::string tag = entity_tag(res.body);
            res.set_header("ETag", tag);
            if (res.status == 200 && none_match(req.get_header_value("If-None-Match"), tag)) {
                res.status = 304;
                res.body.clear();
            }
        });
    }

    s.set_pre_routing_handler([base_path](const httplib::Request& req, httplib::Response& res) {
        t_request_start = Clock::now();
        if (t_refusal) {
            // A path outside the base path is a page's 404 to a browser.
            apply(refusal_reply(*t_refusal, t_refusal->status == 404 && wants_html(req)), res, base_path);
            t_refusal.reset();
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_error_handler([base_path](const httplib::Request& req, httplib::Response& res) {
        // A handler's own error reply (a 404 for a missing document) stands.
        if (!res.body.empty()) return;
        if (wants_html(req)) {
            const bool missing = res.status == 404;
            apply(error_page(Error{missing ? ErrorCode::not_found : ErrorCode::usage,
                                   missing ? "There is no page at this address." : "The request was refused.", ""}),
                  res, base_path);
            return;
        }
        if (res.status == 404) {
            apply(error_reply(Error{ErrorCode::not_found, "no such route: " + truncated(req.path, 200), "path"}), res,
                  base_path);
        } else if (res.body.empty()) {
            apply(error_reply(Error{res.status == 413 ? ErrorCode::too_large : ErrorCode::usage,
                                    "request refused (HTTP " + std::to_string(res.status) + ")", ""}),
                  res, base_path);
        }
    });
    s.set_exception_handler([base_path](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            std::rethrow_exception(std::move(ep));
        } catch (const Xapian::Error& e) {
            what = e.get_description();
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        spdlog::error("{} {}: {}", req.method, truncated(req.path, 200), what);
        const Error error{ErrorCode::internal, "internal error", ""};
        apply(wants_html(req) ? error_page(error) : error_reply(error), res, base_path);
    });
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        // A request refused before routing (a request line too long) never
        // started the clock: its time is unknown, not the time since this
        // thread's previous request.
        std::optional<double> ms;
        if (t_request_start != Clock::time_point{}) {
            ms = std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
        }
        t_request_start = Clock::time_point{};
        m_metrics.record(route_of(req.path), res.status, ms);
        spdlog::info("{} {} {} {}B {}", req.method, truncated(req.target, 300), res.status, res.body.size(),
                     ms ? fmt::format("{:.1f}ms", *ms) : std::string("-"));
    });
}

} // namespace oped::http
