#include <oped/common/author_groups.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace oped::schema {
namespace {

constexpr char k_form_separator = '\x1F';

std::string group_meta_key(std::string_view key) { return std::string(k_meta_author_group_prefix) + std::string(key); }

bool all_capitals(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter;
}

// The byline is the name alone, as a reader would write it: its words are
// its key's ("John A. Smith"; not "Dr. John Smith" nor "Smith, John").
bool plain(const std::string& form) {
    std::string words;
    for (char c : text::fold_for_match(form)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) != 0 || c == '-') {
            words.push_back(c);
        } else if (c != '\'' && !words.empty() && words.back() != ' ') {
            words.push_back(' ');
        }
    }
    while (!words.empty() && words.back() == ' ') words.pop_back();
    return words == author_key(form);
}

} // namespace

std::string author_key_term(std::string_view key) { return boolean_term(prefix::author_key, key); }

std::string byline_form_term(std::string_view key, std::string_view form) {
    std::string term = std::string(prefix::byline_form) + std::string(key) + k_form_separator + std::string(form);
    return term.size() > k_max_term_bytes ? std::string() : term;
}

void write_author_groups(Xapian::WritableDatabase& db) {
    KeyCounts keys;
    const std::string prefix(prefix::author_key);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        keys.emplace_back((*t).substr(prefix.size()), t.get_termfreq());
    }
    AuthorAliases aliases;
    if (auto parsed = parse_author_aliases(db.get_metadata(std::string(k_meta_author_aliases)))) {
        aliases = std::move(parsed).value();
    }
    std::map<std::string, std::string> wanted;
    for (const auto& group : group_author_keys(keys, aliases)) {
        const std::string packed = encode_list(group);
        for (const auto& key : group) wanted.emplace(group_meta_key(key), packed);
    }
    const std::string meta_prefix(k_meta_author_group_prefix);
    std::vector<std::string> stale;
    for (auto k = db.metadata_keys_begin(meta_prefix); k != db.metadata_keys_end(meta_prefix); ++k) {
        if (wanted.find(*k) == wanted.end()) stale.push_back(*k);
    }
    for (const auto& k : stale) db.set_metadata(k, std::string());
    for (const auto& [k, packed] : wanted) {
        if (db.get_metadata(k) != packed) db.set_metadata(k, packed);
    }
}

const std::vector<std::string>& AuthorGroups::keys_of(const std::string& key) const {
    const auto found = m_keys.find(key);
    if (found != m_keys.end()) return found->second;
    std::vector<std::string> keys = decode_list(m_db.get_metadata(group_meta_key(key)));
    if (keys.empty() || std::find(keys.begin(), keys.end(), key) == keys.end()) keys = {key};
    return m_keys.emplace(key, std::move(keys)).first->second;
}

Xapian::Query AuthorGroups::query(std::string_view name) const {
    std::vector<Xapian::Query> any{Xapian::Query(boolean_term(prefix::author_exact, fold_for_term(name)))};
    if (const std::string key = author_key(name); !key.empty()) {
        for (const auto& k : keys_of(key)) any.emplace_back(author_key_term(k));
    }
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

std::vector<BylineForm> AuthorGroups::forms(const std::vector<std::string>& keys) const {
    std::map<std::string, std::uint64_t> counts;
    for (const auto& key : keys) {
        const std::string start = std::string(prefix::byline_form) + key + k_form_separator;
        for (auto t = m_db.allterms_begin(start); t != m_db.allterms_end(start); ++t) {
            counts[(*t).substr(start.size())] += t.get_termfreq();
        }
    }
    std::vector<BylineForm> out;
    out.reserve(counts.size());
    for (auto& [form, n] : counts) out.push_back({form, n});
    std::stable_sort(out.begin(), out.end(), [](const BylineForm& a, const BylineForm& b) {
        if (a.articles != b.articles) return a.articles > b.articles;
        if (all_capitals(a.form) != all_capitals(b.form)) return !all_capitals(a.form);
        // Then the fuller name: "John A. Smith" names the author of "John
        // Smith" too, not the reverse.
        return a.form.size() > b.form.size();
    });
    return out;
}

const std::string& AuthorGroups::display(const std::string& key) const {
    const std::string& first = canonical(key);
    const auto found = m_display.find(first);
    if (found != m_display.end()) return found->second;
    const auto all = forms(keys_of(key));
    // The most frequent plain byline not in capitals, else the most frequent.
    const auto best = std::find_if(all.begin(), all.end(),
                                   [](const BylineForm& f) { return plain(f.form) && !all_capitals(f.form); });
    std::string shown = best != all.end() ? best->form : all.empty() ? std::string() : all.front().form;
    return m_display.emplace(first, std::move(shown)).first->second;
}

} // namespace oped::schema
