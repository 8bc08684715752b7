#include "commands.hpp"

#include <oped/common/errors.hpp>
#include <oped/common/text.hpp>
#include <oped/indexer/extract.hpp>
#include <oped/indexer/page_source.hpp>
#include <oped/indexer/warc_source.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace oped::cli {
namespace {

struct ExtractOptions {
    std::vector<std::string> files;
    bool json = false;
    bool explain = false;
    std::uint64_t max_size = indexer::k_default_max_size;
};

nlohmann::json to_json(const Article& a) {
    return {{"path", a.path},
            {"url", a.url},
            {"title", a.title},
            {"authors", a.authors},
            {"published", a.published},
            {"modified", a.modified},
            {"updated", a.updated},
            {"corrections", a.corrections},
            {"author_bio", a.author_bio},
            {"site", a.site},
            {"section", a.section},
            {"tags", a.tags},
            {"description", a.description},
            {"language", a.language},
            {"type", a.type},
            {"genre", a.genre},
            {"crawl_date", a.crawl_date},
            {"body", a.body}};
}

void print_summary(const Article& a) {
    auto line = [](std::string_view label, const std::string& value) {
        if (!value.empty()) std::cout << label << value << '\n';
    };
    std::string authors;
    for (const auto& name : a.authors) authors += (authors.empty() ? "" : "; ") + name;
    std::string tags;
    for (const auto& tag : a.tags) tags += (tags.empty() ? "" : ", ") + tag;
    std::cout << "== " << a.path << '\n';
    line("title:       ", a.title);
    line("authors:     ", authors);
    line("published:   ", a.published);
    line("modified:    ", a.modified);
    line("updated:     ", a.updated);
    for (const auto& notice : a.corrections) line("correction:  ", notice);
    line("author bio:  ", a.author_bio);
    line("site:        ", a.site);
    line("section:     ", a.section);
    line("tags:        ", tags);
    line("language:    ", a.language);
    line("type:        ", a.type);
    line("genre:       ", a.genre);
    line("url:         ", a.url);
    line("crawled:     ", a.crawl_date);
    line("description: ", a.description);
    const auto words = std::count(a.body.begin(), a.body.end(), ' ') + (a.body.empty() ? 0 : 1);
    std::cout << "body:        " << words << " words\n";
    std::cout << text::head_of(a.body, 600) << (a.body.size() > 600 ? " ..." : "") << "\n\n";
}

nlohmann::json to_json(const indexer::Explanation& explanation) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : explanation.fields()) {
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& c : f.candidates) {
            candidates.push_back({{"value", c.value}, {"source", c.source}, {"score", c.score}, {"note", c.note}});
        }
        fields.push_back({{"field", f.field}, {"chosen", f.chosen}, {"reason", f.reason}, {"candidates", candidates}});
    }
    return fields;
}

// For a person: per field, the value kept and why, then every candidate
// weighed, best first.
void print_explanation(const indexer::Explanation& explanation) {
    for (const auto& f : explanation.fields()) {
        std::cout << f.field << ": " << (f.chosen.empty() ? "(none)" : f.chosen) << '\n';
        if (!f.reason.empty()) std::cout << "  because " << f.reason << '\n';
        std::vector<const indexer::Candidate*> ranked;
        for (const auto& c : f.candidates) ranked.push_back(&c);
        std::stable_sort(ranked.begin(), ranked.end(), [](auto* a, auto* b) { return a->score > b->score; });
        for (const auto* c : ranked) {
            std::cout << "  " << (c->value == f.chosen ? "* " : "  ") << c->score << "  " << c->source << ": "
                      << c->value;
            if (!c->note.empty()) std::cout << "  (" << c->note << ')';
            std::cout << '\n';
        }
    }
    std::cout << '\n';
}

// The JSON dump must survive invalid UTF-8 that slipped through: replace it.
std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

Result<Article> extract_bytes(const Result<std::string>& bytes, const std::string& path,
                              indexer::Explanation* explanation) {
    if (!bytes) return bytes.error();
    try {
        return indexer::extract_article(bytes.value(), path, explanation);
    } catch (const std::exception& e) {
        return Error{ErrorCode::internal, e.what(), path};
    }
}

// Prints one page's article or error; false for an error.
bool emit(const ExtractOptions& opt, const std::string& path, const Result<Article>& article,
          const indexer::Explanation& explanation) {
    if (!article) {
        const Error& e = article.error();
        if (opt.json) {
            std::cout << dump({{"path", path}, {"error", {{"code", error_name(e.code)}, {"message", e.message}}}})
                      << '\n';
        } else {
            std::cerr << path << ": " << e.message << '\n';
        }
        return false;
    }
    if (opt.json) {
        nlohmann::json out = to_json(article.value());
        if (opt.explain) out["explain"] = to_json(explanation);
        std::cout << dump(out) << '\n';
    } else {
        print_summary(article.value());
        if (opt.explain) print_explanation(explanation);
    }
    return true;
}

// A WARC file: each HTML response as a page, each bad record as an error;
// the records that are not pages are counted on stderr.
bool extract_warc(const ExtractOptions& opt, const std::string& file) {
    bool ok = true;
    indexer::WarcPages pages(file, opt.max_size);
    indexer::WarcSkipCounts skipped;
    while (auto item = pages.next()) {
        if (item->kind == indexer::WarcItem::Kind::skipped) {
            ++(skipped.*(item->skip));
            continue;
        }
        if (item->kind == indexer::WarcItem::Kind::failed) {
            const std::string where = item->error.param.empty() ? file : item->error.param;
            ok = emit(opt, where, Result<Article>(item->error), {}) && ok;
            continue;
        }
        const std::string path = indexer::record_path(file, item->record.target_uri);
        indexer::Explanation explanation;
        Result<Article> article =
            extract_bytes(indexer::page_bytes(*item, opt.max_size), path, opt.explain ? &explanation : nullptr);
        if (article) {
            article.value().url = item->record.target_uri;
            if (article.value().published.empty()) article.value().crawl_date = item->record.date;
        }
        ok = emit(opt, path, article, explanation) && ok;
    }
    if (skipped.total() > 0) {
        std::cerr << file << ": " << skipped.total() << " records are not pages (" << skipped.describe() << ")\n";
    }
    return ok;
}

int run_extract(const ExtractOptions& opt) {
    int rc = 0;
    for (const auto& file : opt.files) {
        const std::string path = std::filesystem::absolute(file).lexically_normal().string();
        std::error_code ec;
        bool ok = true;
        if (indexer::is_warc_file(path) && std::filesystem::is_regular_file(path, ec)) {
            ok = extract_warc(opt, path);
        } else {
            indexer::Explanation explanation;
            const auto article =
                extract_bytes(indexer::read_page(file, opt.max_size), path, opt.explain ? &explanation : nullptr);
            ok = emit(opt, path, article, explanation);
        }
        if (!ok) rc = exit_code(ErrorCode::not_html); // "some files failed"
    }
    return rc;
}

} // namespace

Command add_extract(CLI::App& app) {
    auto opt = std::make_shared<ExtractOptions>();
    CLI::App* sub = app.add_subcommand("extract", "Print what oped extracts from HTML pages and WARC files");
    sub->add_flag("--json", opt->json, "One JSON object per page (a WARC file's: per HTML response), one per line");
    sub->add_flag("--explain", opt->explain,
                  "Also show, per field, the candidates weighed, where each came from, its score and why one won");
    sub->add_option("--max-size", opt->max_size, "Skip files larger than this many bytes")->capture_default_str();
    sub->add_option("files", opt->files, "HTML files (.html .htm .xhtml, optionally .gz) and .warc or .warc.gz files")
        ->required();
    return [opt] { return run_extract(*opt); };
}

} // namespace oped::cli
