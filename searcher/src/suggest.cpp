#include <oped/searcher/suggest.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <algorithm>

namespace oped::searcher {
namespace {

struct Candidate {
    std::string text;
    Xapian::doccount freq = 0;
};

void by_frequency(std::vector<Candidate>& all) {
    std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.freq > b.freq; });
}

bool any_word_starts_with(std::string_view name, std::string_view prefix) {
    for (std::size_t at = 0; at < name.size();) {
        if (name.compare(at, prefix.size(), prefix) == 0) return true;
        const auto space = name.find(' ', at);
        if (space == std::string_view::npos) break;
        at = space + 1;
    }
    return false;
}

// The display form of a folded author name, read from an article naming them.
std::string display_author(const Xapian::Database& db, const std::string& term, std::string_view folded) {
    const auto first = db.postlist_begin(term);
    if (first == db.postlist_end(term)) return std::string(folded);
    for (auto& name : schema::decode_list(db.get_document(*first).get_value(schema::slot::authors))) {
        if (schema::fold_for_term(name) == folded) return name;
    }
    return std::string(folded);
}

std::vector<Candidate> authors(const Xapian::Database& db, const std::string& folded) {
    std::vector<Candidate> found;
    const std::string prefix(schema::prefix::author_exact);
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < k_max_suggest_scan;
         ++it, ++scanned) {
        const std::string term = *it;
        const std::string_view name = std::string_view(term).substr(prefix.size());
        if (any_word_starts_with(name, folded)) found.push_back({term, it.get_termfreq()});
    }
    by_frequency(found);
    if (found.size() > k_max_suggestions) found.resize(k_max_suggestions);
    for (auto& c : found) c.text = display_author(db, c.text, std::string_view(c.text).substr(prefix.size()));
    return found;
}

std::vector<Candidate> title_words(const Xapian::Database& db, const std::string& word) {
    std::vector<Candidate> found;
    const std::string prefix = std::string(schema::prefix::title) + word;
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && scanned < k_max_suggest_scan;
         ++it, ++scanned) {
        found.push_back({std::string(*it).substr(schema::prefix::title.size()), it.get_termfreq()});
    }
    by_frequency(found);
    return found;
}

} // namespace

std::vector<std::string> suggest(const Xapian::Database& db, std::string_view raw, std::size_t limit) {
    limit = std::min(limit, k_max_suggestions);
    std::vector<std::string> out;
    if (raw.size() > k_max_suggest_bytes) return out;
    const std::string typed = text::collapse_space(raw);
    const std::string folded = schema::fold_for_term(typed);
    if (folded.empty() || limit == 0) return out;
    auto add = [&](std::string s) {
        if (out.size() < limit && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    };
    for (auto& c : authors(db, folded)) add(std::move(c.text));
    // Complete the last word being typed; the words before it stay as typed.
    const auto space = typed.rfind(' ');
    const std::string head = space == std::string::npos ? std::string() : typed.substr(0, space + 1);
    const std::string last = text::fold_case(space == std::string::npos ? typed : typed.substr(space + 1));
    if (last.empty()) return out;
    for (auto& c : title_words(db, last)) add(head + c.text);
    return out;
}

} // namespace oped::searcher
