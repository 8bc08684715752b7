#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/http/mount.hpp>
#include <oped/http/pages.hpp>
#include <oped/http/server.hpp>

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

namespace oped::cli {
namespace {

struct ServeCliOptions {
    http::ServeOptions serve;
    std::string listen = "127.0.0.1:8080";
    std::string log_level = "info";
};

Result<bool> parse_listen(const std::string& listen, http::ServeOptions& out) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
        return Error{ErrorCode::usage, "--listen must be HOST:PORT, e.g. 127.0.0.1:8080", "listen"};
    }
    out.host = listen.substr(0, colon);
    if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']') {
        out.host = out.host.substr(1, out.host.size() - 2);
    }
    try {
        std::size_t used = 0;
        const int port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1 || port < 0 || port > 65535) throw std::out_of_range("port");
        out.port = port;
    } catch (const std::exception&) {
        return Error{ErrorCode::usage, "--listen port must be 0 to 65535", "listen"};
    }
    return true;
}

// A public URL with a path names where the pages are: under a base path,
// that path must be the base path. Empty when they agree.
std::string public_url_clash(const std::string& public_url, const std::string& base_path) {
    if (public_url.empty() || base_path.empty()) return {};
    const auto slash = public_url.find('/', public_url.find("://") + 3);
    if (slash == std::string::npos || public_url.substr(slash) == base_path) return {};
    return "its path " + public_url.substr(slash) + " is not the base path " + base_path +
           " (give the URL without a path, or with the base path)";
}

bool env_flag(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && (std::string_view(value) == "1" || std::string_view(value) == "true");
}

int run_serve(ServeCliOptions& opt) {
    spdlog::set_level(spdlog::level::from_str(opt.log_level));
    auto listen = parse_listen(opt.listen, opt.serve);
    if (!listen) {
        spdlog::error("{}", listen.error().message);
        return exit_code(listen.error().code);
    }
    if (!opt.serve.public_url.empty()) {
        auto base = http::public_base_url(opt.serve.public_url);
        if (!base) {
            spdlog::error("--public-url: {}", base.error().message);
            return exit_code(base.error().code);
        }
        opt.serve.public_url = base.value();
    }
    auto base_path = http::parse_base_path(opt.serve.base_path);
    if (!base_path) {
        spdlog::error("--base-path: {}", base_path.error().message);
        return exit_code(base_path.error().code);
    }
    opt.serve.base_path = base_path.value();
    if (auto clash = public_url_clash(opt.serve.public_url, opt.serve.base_path); !clash.empty()) {
        spdlog::error("--public-url: {}", clash);
        return exit_code(ErrorCode::usage);
    }
    // Block the stop signals in every thread; one thread waits for them and
    // stops the server, so shutdown runs outside a signal handler.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    http::Server server(opt.serve);
    auto port = server.bind();
    if (!port) {
        spdlog::error("{}", port.error().message);
        return exit_code(port.error().code) == 0 ? 1 : exit_code(port.error().code);
    }
    const bool ipv6 = opt.serve.host.find(':') != std::string::npos;
    const std::string host = ipv6 ? "[" + opt.serve.host + "]" : opt.serve.host;
    spdlog::info("web files from {}", opt.serve.web_dir);
    std::printf("oped: serving %s on http://%s:%d%s/\n", opt.serve.db_path.c_str(), host.c_str(), port.value(),
                opt.serve.base_path.c_str());
    std::fflush(stdout);
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        spdlog::info("signal {}: stopping", sig);
        server.stop();
    });
    server.run();
    // run() can also return on its own (listen failure); wake the waiter.
    // SIGTERM is blocked in every thread and only ever taken by sigwait().
    pthread_kill(waiter.native_handle(), SIGTERM); // NOLINT(bugprone-bad-signal-to-kill-thread)
    waiter.join();
    spdlog::info("stopped");
    return 0;
}

} // namespace

Command add_serve(CLI::App& app) {
    auto opt = std::make_shared<ServeCliOptions>();
    CLI::App* sub = app.add_subcommand("serve", "Serve the index over HTTP (JSON API and web page)");
    add_db_option(*sub, opt->serve.db_path);
    opt->serve.web_dir = default_web_dir();
    sub->add_option("--listen", opt->listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
    sub->add_option("--threads", opt->serve.threads,
                    "Worker threads: requests handled at once (default: 2 per core, at least 4)");
    if (const char* env = std::getenv("OPED_PUBLIC_URL"); env != nullptr) opt->serve.public_url = env;
    sub->add_option("--public-url", opt->serve.public_url,
                    "Base of absolute links in feeds and OpenSearch, e.g. https://opeds.example "
                    "(default: $OPED_PUBLIC_URL, else the address the client reached)");
    if (const char* env = std::getenv("OPED_BASE_PATH"); env != nullptr) opt->serve.base_path = env;
    sub->add_option("--base-path", opt->serve.base_path,
                    "Serve every page, file and API route under this path, e.g. /archive, for a reverse proxy "
                    "that passes the path on unchanged (default: $OPED_BASE_PATH, else /)");
    opt->serve.trust_proxy = env_flag("OPED_TRUST_PROXY");
    sub->add_flag("--trust-proxy", opt->serve.trust_proxy,
                  "Take the scheme and host of absolute links from X-Forwarded-Proto and X-Forwarded-Host "
                  "(default: $OPED_TRUST_PROXY=1, else off: those headers are ignored)");
    sub->add_option("--web", opt->serve.web_dir, "Folder of the web page's files")->capture_default_str();
    sub->add_option("--log-level", opt->log_level, "trace, debug, info, warn, error or off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
        ->capture_default_str();
    return [opt] { return run_serve(*opt); };
}

} // namespace oped::cli
