#include "commands.hpp"
#include "options.hpp"

#include <oped/common/errors.hpp>
#include <oped/common/schema.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/json.hpp>
#include <oped/searcher/searcher.hpp>

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <iostream>
#include <memory>

namespace oped::cli {
namespace {

struct SearchCliOptions {
    std::string db;
    bool json = false;
    bool no_spell = false;
    bool all_copies = false;
    std::vector<std::string> words;
    std::vector<std::string> authors;
    std::vector<std::string> sites;
    std::vector<std::string> tags;
    std::vector<std::string> years;
    std::vector<std::string> types;
    std::vector<std::string> genres;
    std::string from;
    std::string to;
    std::string sort = "relevance";
    unsigned limit = searcher::k_default_per_page;
    unsigned page = 1;
};

// The options as /api/search's parameters, so the command and the API read
// a search the same way, bounds and errors included.
http::ParamMap as_params(const SearchCliOptions& opt) {
    http::ParamMap params;
    std::string query;
    for (const auto& w : opt.words) query += (query.empty() ? "" : " ") + w;
    params.emplace("q", query);
    auto add_all = [&](const char* key, const std::vector<std::string>& values) {
        for (const auto& v : values) params.emplace(key, v);
    };
    add_all("author", opt.authors);
    add_all("site", opt.sites);
    add_all("tag", opt.tags);
    add_all("year", opt.years);
    add_all("type", opt.types);
    add_all("genre", opt.genres);
    if (!opt.from.empty()) params.emplace("from", opt.from);
    if (!opt.to.empty()) params.emplace("to", opt.to);
    params.emplace("sort", opt.sort);
    params.emplace("per_page", std::to_string(opt.limit));
    params.emplace("page", std::to_string(opt.page));
    if (opt.no_spell) params.emplace("spell", "0");
    if (opt.all_copies) params.emplace("collapse", "0");
    return params;
}

// Snippets are HTML; a terminal gets the text, with matches in bold on a TTY.
std::string for_terminal(const std::string& html, bool tty) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html.compare(i, 6, "<mark>") == 0) {
            if (tty) out += "\033[1m";
            i += 5;
        } else if (html.compare(i, 7, "</mark>") == 0) {
            if (tty) out += "\033[0m";
            i += 6;
        } else if (html[i] == '&') {
            static constexpr std::pair<std::string_view, char> k_entities[] = {
                {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool done = false;
            for (const auto& [entity, c] : k_entities) {
                if (html.compare(i, entity.size(), entity) == 0) {
                    out.push_back(c);
                    i += entity.size() - 1;
                    done = true;
                    break;
                }
            }
            if (!done) out.push_back('&');
        } else {
            out.push_back(html[i]);
        }
    }
    return out;
}

int run_search(const SearchCliOptions& opt) {
    auto request = http::parse_search_params(as_params(opt));
    if (!request) {
        spdlog::error("{}: {}", request.error().param, request.error().message);
        return exit_code(request.error().code);
    }
    searcher::SearchRequest& r = request.value();
    // The terminal shows no facets; JSON gives all the API gives.
    r.facets = opt.json;
    auto searcher = searcher::Searcher::open(opt.db);
    if (!searcher) {
        spdlog::error("{}", searcher.error().message);
        return exit_code(searcher.error().code);
    }
    auto response = searcher.value().search(r);
    if (!response) {
        spdlog::error("{}: {}", response.error().param, response.error().message);
        return exit_code(response.error().code);
    }
    const auto& res = response.value();
    if (opt.json) {
        std::cout << http::dump(http::to_json(res)) << '\n';
        return 0;
    }
    const bool tty = isatty(STDOUT_FILENO) != 0;
    if (!res.notice.empty()) std::cout << res.notice << "\n";
    if (res.showing_corrected) {
        std::cout << "Showing results for: " << res.corrected << "\n"
                  << "Search instead for: " << res.query << " (with --no-spell)\n";
    } else if (!res.corrected.empty()) {
        std::cout << "Did you mean: " << res.corrected << "\n";
    }
    std::cout << (res.total_is_exact ? "" : "about ") << res.total << " results (" << res.took_ms << " ms)\n\n";
    unsigned rank = (r.page - 1) * r.per_page;
    for (const auto& hit : res.results) {
        const Article& a = hit.article;
        std::string authors;
        for (const auto& name : a.authors) authors += (authors.empty() ? "" : ", ") + name;
        std::cout << ++rank << ". " << (tty ? "\033[1m" : "") << a.title << (tty ? "\033[0m" : "") << "\n   ";
        if (!authors.empty()) std::cout << authors << " · ";
        if (!a.published.empty()) std::cout << a.published.substr(0, 10) << " · ";
        if (!a.site.empty()) std::cout << a.site << " · ";
        // The genre as the web page labels it; "other" is no label there either.
        if (!a.genre.empty() && a.genre != "other") std::cout << schema::genre_label(a.genre) << " · ";
        std::cout << "#" << hit.id << "\n";
        if (!hit.copies.empty()) {
            std::cout << "   Also ran in ";
            for (std::size_t i = 0; i < hit.copies.size(); ++i) {
                const auto& c = hit.copies[i];
                std::cout << (i > 0 ? ", " : "") << (c.site.empty() ? c.title : c.site);
                if (!c.published.empty()) std::cout << " (" << c.published.substr(0, 10) << ")";
            }
            std::cout << "\n";
        }
        std::cout << "   " << for_terminal(hit.snippet, tty) << "\n";
        if (!a.url.empty()) std::cout << "   " << a.url << "\n";
        std::cout << "\n";
    }
    return 0;
}

} // namespace

Command add_search(CLI::App& app) {
    auto opt = std::make_shared<SearchCliOptions>();
    CLI::App* sub = app.add_subcommand("search", "Search the index from the terminal");
    add_db_option(*sub, opt->db);
    sub->add_flag("--json", opt->json, "The same JSON as /api/search");
    sub->add_flag("--no-spell", opt->no_spell, "Search the words as typed, never a spelling correction");
    sub->add_flag("--all-copies", opt->all_copies, "Each syndicated copy as a result of its own, not one per piece");
    // One value per flag, as for --type: the query words after it are not filter values.
    sub->add_option("--author", opt->authors, "Only this author (repeat for either)")->allow_extra_args(false);
    sub->add_option("--site", opt->sites, "Only this outlet (repeat for either)")->allow_extra_args(false);
    sub->add_option("--tag", opt->tags, "Only this tag (repeat for either)")->allow_extra_args(false);
    sub->add_option("--type", opt->types, "Only pages of this type: article, listing or other (repeat for either)")
        ->check(CLI::IsMember({"article", "listing", "other"}))
        ->allow_extra_args(false);
    sub->add_option("--genre", opt->genres,
                    "Only articles of this genre: opinion, editorial, letter, analysis, news, review or other (repeat "
                    "for either)")
        ->check(CLI::IsMember({"opinion", "editorial", "letter", "analysis", "news", "review", "other"}))
        ->allow_extra_args(false);
    sub->add_option("--year", opt->years, "Only this year of publication (repeat for either)")->allow_extra_args(false);
    sub->add_option("--from", opt->from, "Published on or after (1787, 1787-11, 1787-11-22)");
    sub->add_option("--to", opt->to, "Published on or before");
    sub->add_option("--sort", opt->sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    sub->add_option("--limit", opt->limit, "Results per page")
        ->check(CLI::Range(1u, searcher::k_max_per_page))
        ->capture_default_str();
    sub->add_option("--page", opt->page, "Page of results")
        ->check(CLI::Range(1u, searcher::k_max_depth))
        ->capture_default_str();
    sub->add_option("query", opt->words, "Query words (quote phrases)");
    return [opt] { return run_search(*opt); };
}

} // namespace oped::cli
