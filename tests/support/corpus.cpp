#include "support/corpus.hpp"

#include <oped/common/schema.hpp>

namespace oped::test {

std::filesystem::path Corpus::add_page(const std::string& name, const std::string& keyword, const std::string& url) {
    const auto path = page_path(name);
    write_file(path, article_page(simple_spec(keyword, url)));
    return path;
}

IndexRun Corpus::index(const std::vector<std::string>& paths, const std::vector<std::string>& extra) const {
    std::vector<std::string> args{"index", "-q", "--db", db()};
    args.insert(args.end(), extra.begin(), extra.end());
    if (paths.empty()) {
        args.push_back(root().string());
    } else {
        args.insert(args.end(), paths.begin(), paths.end());
    }
    IndexRun out;
    out.run = run_oped(args);
    if (auto counts = parse_summary(out.run.out)) {
        out.counts = *counts;
        out.has_summary = true;
    }
    return out;
}

Xapian::doccount Corpus::matches(const std::string& word) const {
    Xapian::Enquire enquire(open());
    enquire.set_query(Xapian::Query(word));
    return enquire.get_mset(0, 10000).size();
}

std::size_t Corpus::docs_with_id(const std::string& id) const {
    return postings(open(), schema::boolean_term(schema::prefix::id, id)).size();
}

std::size_t Corpus::docs_with_path(const std::filesystem::path& path) const {
    return postings(open(), schema::boolean_term(schema::prefix::path, path.string())).size();
}

} // namespace oped::test
