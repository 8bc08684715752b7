#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/common/schema.hpp>
#include <oped/http/json.hpp>
#include <oped/searcher/author.hpp>

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <memory>

namespace oped::cli {
namespace {

struct AuthorsOptions {
    std::string db;
    bool json = false;
};

int run_authors(const AuthorsOptions& opt) {
    auto opened = schema::open_for_reading(opt.db);
    if (!opened) {
        spdlog::error("{}", opened.error().message);
        return exit_code(opened.error().code);
    }
    const auto authors = searcher::list_authors(opened.value());
    if (opt.json) {
        std::cout << http::dump(http::to_json(authors)) << '\n';
        return 0;
    }
    // One author a line: articles, name, then each byline with its count.
    for (const auto& a : authors) {
        std::string forms;
        for (const auto& b : a.bylines) {
            forms += (forms.empty() ? "" : "; ") + b.value + " (" + std::to_string(b.count) + ")";
        }
        std::printf("%6llu  %s  [%s]\n", static_cast<unsigned long long>(a.articles), a.name.c_str(), forms.c_str());
    }
    return 0;
}

} // namespace

Command add_authors(CLI::App& app) {
    auto opt = std::make_shared<AuthorsOptions>();
    CLI::App* sub = app.add_subcommand(
        "authors", "List the index's authors, most articles first, each with its bylines (one author, many bylines)");
    add_db_option(*sub, opt->db);
    sub->add_flag("--json", opt->json, "As JSON: name, keys, articles and bylines of each author");
    return [opt] { return run_authors(*opt); };
}

} // namespace oped::cli
