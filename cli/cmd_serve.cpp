#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
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
    std::printf("oped: serving %s on http://%s:%d/\n", opt.serve.db_path.c_str(), host.c_str(), port.value());
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
    sub->add_option("--web", opt->serve.web_dir, "Folder of the web page's files")->capture_default_str();
    sub->add_option("--log-level", opt->log_level, "trace, debug, info, warn, error or off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
        ->capture_default_str();
    return [opt] { return run_serve(*opt); };
}

} // namespace oped::cli
