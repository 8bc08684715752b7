#include <oped/common/author_key.hpp>

#include <oped/common/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <numeric>

namespace oped::schema {
namespace {

// Words before the name.
constexpr std::array<std::string_view, 15> k_honorifics{
    "dr", "prof", "professor", "sir", "dame", "rev", "revd", "reverend", "mr", "mrs", "ms", "mx", "miss", "hon", "fr"};
// A word that starts what follows a name: a role, an affiliation or a
// sentence about the writer ("Special to the Times", "Staff Writer",
// "Contributing Columnist", "The writer is ...").
constexpr std::array<std::string_view, 22> k_role_starts{
    "special", "staff",  "contributing", "contributor", "columnist", "correspondent", "reporter", "editor", "writer",
    "guest",   "senior", "associate",    "assistant",   "professor", "fellow",        "director", "the",    "is",
    "was",     "who",    "for",          "at"};
// Letters after a name that are a degree or an honour, not a name.
constexpr std::array<std::string_view, 12> k_credentials{"phd", "md",  "esq", "mba", "jd", "dphil",
                                                         "obe", "mbe", "cbe", "frs", "qc", "kc"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& table, std::string_view w) {
    return std::find(table.begin(), table.end(), w) != table.end();
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto at = s.find(sep, start);
        const auto end = at == std::string_view::npos ? s.size() : at;
        std::string part = text::collapse_space(s.substr(start, end - start));
        if (!part.empty() || sep != ' ') out.push_back(std::move(part));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

// A word without its dots and punctuation, for the table look-ups.
std::string plain(std::string_view word) {
    std::string out;
    for (char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) != 0) out.push_back(c);
    }
    return out;
}

// The text up to the first dash, bar or bracket set apart by spaces: what
// follows is about the writer ("John Smith - Staff Writer").
std::string before_separators(std::string s) {
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", "(", "[", "\xE2\x80\x94"}) {
        const auto at = s.find(sep);
        if (at != std::string::npos && at > 0) s.erase(at);
    }
    return s;
}

bool has_role_word(const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [](const std::string& w) {
        const std::string p = plain(w);
        return in(k_role_starts, p) || in(k_credentials, p) || p == "jr" || p == "sr";
    });
}

// "smith, john a." -> "john a. smith"; "john smith, staff writer" -> "john smith".
std::string ordered(const std::string& folded) {
    const auto parts = split(folded, ',');
    if (parts.size() < 2) return folded;
    const auto before = split(parts[0], ' ');
    const auto after = split(parts[1], ' ');
    if (before.size() == 1 && !after.empty() && after.size() <= 3 && !has_role_word(after)) {
        return parts[1] + " " + parts[0];
    }
    return parts[0];
}

// The key's words of one word of the name: "j.r.r." is three initials.
void add_key_words(std::string_view word, std::vector<std::string>& out) {
    bool dotted = word.size() >= 2;
    for (std::size_t i = 0; dotted && i < word.size(); ++i) {
        const auto u = static_cast<unsigned char>(word[i]);
        dotted = i % 2 == 0 ? std::isalpha(u) != 0 : word[i] == '.';
    }
    if (dotted) {
        for (std::size_t i = 0; i < word.size(); i += 2) out.emplace_back(1, word[i]);
        return;
    }
    std::string kept;
    for (char c : word) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalnum(u) != 0 || (c == '-' && !kept.empty())) kept.push_back(c);
    }
    while (!kept.empty() && kept.back() == '-') kept.pop_back();
    // Curly apostrophes are three bytes that are no letter: "o’neil".
    for (std::string_view quote : {"\xE2\x80\x99", "\xE2\x80\x98"}) {
        for (auto at = kept.find(quote); at != std::string::npos; at = kept.find(quote)) kept.erase(at, quote.size());
    }
    if (!kept.empty()) out.push_back(std::move(kept));
}

std::string cut_to(std::string s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    s.erase(text::char_start(s, bytes));
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

} // namespace

std::string author_key(std::string_view byline) {
    std::string folded = text::fold_for_match(text::collapse_space(byline));
    folded = ordered(text::collapse_space(before_separators(folded)));
    std::vector<std::string> words = split(folded, ' ');
    // "By", "Written by", "By:".
    if (words.size() > 2 && plain(words[0]) == "written" && plain(words[1]) == "by") words.erase(words.begin());
    if (words.size() > 1 && plain(words[0]) == "by") words.erase(words.begin());
    while (words.size() > 1 && in(k_honorifics, plain(words[0]))) words.erase(words.begin());
    for (std::size_t k = 1; k < words.size(); ++k) {
        if (in(k_role_starts, plain(words[k]))) {
            words.resize(k);
            break;
        }
    }
    while (words.size() > 1 && in(k_credentials, plain(words.back()))) words.pop_back();
    std::vector<std::string> key_words;
    for (const auto& w : words) add_key_words(w, key_words);
    std::string key;
    for (const auto& w : key_words) {
        if (!key.empty()) key.push_back(' ');
        key += w;
    }
    return cut_to(std::move(key), k_max_author_key_bytes);
}

KeyShape key_shape(std::string_view key) {
    const auto words = split(key, ' ');
    KeyShape out;
    out.words = words.size();
    if (words.empty()) return out;
    out.first = words.front();
    out.last = words.back();
    out.initialled = words.size() >= 3 && std::all_of(words.begin() + 1, words.end() - 1,
                                                      [](const std::string& w) { return w.size() == 1; });
    return out;
}

Result<AuthorAliases> parse_author_aliases(std::string_view text) {
    AuthorAliases out;
    std::size_t number = 0;
    for (const auto& raw : split(text, '\n')) {
        ++number;
        const std::string line = text::collapse_space(raw);
        if (line.empty() || line.front() == '#') continue;
        const std::string where = "aliases line " + std::to_string(number);
        const bool is_split = line.find("!=") != std::string::npos;
        const auto at = is_split ? line.find("!=") : line.find('=');
        if (at == std::string::npos) {
            std::string message = where;
            message += ": expected 'A = B' or 'A != B', got '";
            message += line;
            message += "'";
            return Error{ErrorCode::invalid_param, std::move(message), "author-aliases"};
        }
        const std::string left = author_key(line.substr(0, at));
        const std::string right = author_key(line.substr(at + (is_split ? 2 : 1)));
        if (left.empty() || right.empty()) {
            std::string message = where;
            message += ": a side holds no name: '";
            message += line;
            message += "'";
            return Error{ErrorCode::invalid_param, std::move(message), "author-aliases"};
        }
        if (is_split && left == right) {
            std::string message = where;
            message += ": both sides are the author key '";
            message += left;
            message += "', which cannot be split";
            return Error{ErrorCode::invalid_param, std::move(message), "author-aliases"};
        }
        if (left == right) continue;
        (is_split ? out.split : out.merge).emplace_back(left, right);
    }
    return out;
}

std::string format_author_aliases(const AuthorAliases& aliases) {
    std::string out;
    for (const auto& [a, b] : aliases.merge) {
        out += a;
        out += " = ";
        out += b;
        out += '\n';
    }
    for (const auto& [a, b] : aliases.split) {
        out += a;
        out += " != ";
        out += b;
        out += '\n';
    }
    return out;
}

namespace {

class Groups {
  public:
    Groups(const KeyCounts& keys, const AuthorAliases& aliases) : m_parent(keys.size()) {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
        for (std::size_t i = 0; i < keys.size(); ++i) m_index.emplace(keys[i].first, i);
        for (const auto& [a, b] : aliases.split) {
            const auto x = m_index.find(a), y = m_index.find(b);
            if (x != m_index.end() && y != m_index.end()) m_apart.emplace_back(x->second, y->second);
        }
    }

    void merge(const std::string& a, const std::string& b) {
        const auto x = m_index.find(a), y = m_index.find(b);
        if (x == m_index.end() || y == m_index.end()) return;
        const std::size_t rx = root(x->second), ry = root(y->second);
        if (rx == ry) return;
        for (const auto& [p, q] : m_apart) {
            const std::size_t rp = root(p), rq = root(q);
            if ((rp == rx && rq == ry) || (rp == ry && rq == rx)) return;
        }
        m_parent[rx] = ry;
    }

    std::size_t root(std::size_t i) {
        while (m_parent[i] != i) i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }

  private:
    std::vector<std::size_t> m_parent;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::vector<std::pair<std::size_t, std::size_t>> m_apart;
};

} // namespace

std::vector<std::vector<std::string>> group_author_keys(const KeyCounts& keys, const AuthorAliases& aliases) {
    Groups groups(keys, aliases);
    for (const auto& [a, b] : aliases.merge) groups.merge(a, b);
    // (first, last) -> the initialled keys of that name.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> initialled;
    for (const auto& [key, count] : keys) {
        KeyShape shape = key_shape(key);
        if (shape.initialled) initialled[{shape.first, shape.last}].push_back(key);
    }
    for (const auto& [key, count] : keys) {
        const KeyShape shape = key_shape(key);
        if (shape.words != 2 || shape.first.size() < 2) continue;
        const auto found = initialled.find({shape.first, shape.last});
        if (found != initialled.end() && found->second.size() == 1) groups.merge(key, found->second.front());
    }
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < keys.size(); ++i) members[groups.root(i)].push_back(i);
    std::vector<std::vector<std::string>> out;
    for (auto& [root, group] : members) {
        if (group.size() < 2) continue;
        std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
            if (keys[a].second != keys[b].second) return keys[a].second > keys[b].second;
            return keys[a].first < keys[b].first;
        });
        std::vector<std::string> names;
        for (std::size_t i : group) names.push_back(keys[i].first);
        out.push_back(std::move(names));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace oped::schema
