#include <oped/indexer/bio.hpp>

#include "lexicon.hpp"

#include <oped/common/author_key.hpp>
#include <oped/common/text.hpp>
#include <oped/indexer/authors.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace oped::indexer {
namespace {

constexpr std::size_t k_min_bio_bytes = 20;
// How far after the verb a role word may come.
constexpr std::size_t k_role_reach = 12;
constexpr std::size_t k_max_name_words = 5;
constexpr std::size_t k_max_bios = 2;

// Openers that stand for the writer's name.
constexpr std::array<std::string_view, 7> k_intros{
    "the writer is ",    "the author is ",     "the writers are ",  "the authors are ",
    "the columnist is ", "about the author: ", "about the writer: "};
// Verbs that say who someone is; "is" and "was" need a role after them.
constexpr std::array<std::string_view, 9> k_verbs{"is",     "was",   "teaches", "writes", "directs",
                                                  "serves", "leads", "covers",  "chairs"};
// Role words beyond lexicon::k_bio_roles that bios use.
constexpr std::array<std::string_view, 13> k_more_roles{
    "emeritus", "former",   "retired",   "chief",      "dean",       "minister",     "essayist",
    "poet",     "delegate", "secretary", "playwright", "translator", "lexicographer"};

std::string bare(std::string_view word) {
    std::string w = text::fold_case(word);
    const std::string_view punct = ".,;:!?()[]\"'";
    while (!w.empty() && punct.find(w.back()) != std::string_view::npos) w.pop_back();
    while (!w.empty() && punct.find(w.front()) != std::string_view::npos) w.erase(0, 1);
    return w;
}

bool is_role(const std::string& w) {
    return std::find(lexicon::k_bio_roles.begin(), lexicon::k_bio_roles.end(), w) != lexicon::k_bio_roles.end() ||
           std::find(k_more_roles.begin(), k_more_roles.end(), w) != k_more_roles.end();
}

bool role_within(const std::vector<std::string>& words, std::size_t from) {
    for (std::size_t k = from; k < words.size() && k < from + k_role_reach; ++k) {
        const std::string w = bare(words[k]);
        if (is_role(w) || (w == "author" && k + 1 < words.size() && bare(words[k + 1]) == "of")) return true;
    }
    return false;
}

bool capitalised(std::string_view w) {
    return !w.empty() && static_cast<unsigned char>(w[0]) < 0x80 && std::isupper(static_cast<unsigned char>(w[0]));
}

// The name of one of the authors, compared by key (case, accents,
// honorifics, initials), or by first and last word.
bool names_an_author(const std::string& name, const std::vector<std::string>& authors) {
    const std::string key = schema::author_key(name);
    if (key.empty()) return false;
    const schema::KeyShape shape = schema::key_shape(key);
    return std::any_of(authors.begin(), authors.end(), [&](const std::string& author) {
        const std::string other = schema::author_key(author);
        if (other == key) return true;
        const schema::KeyShape s = schema::key_shape(other);
        return shape.words >= 2 && s.words >= 2 && s.first == shape.first && s.last == shape.last;
    });
}

// "Jane Doe is a fellow at ...", "Jane Doe, a fellow at ..., writes",
// "Jane Doe (@jdoe) teaches law at ...".
bool named_bio(const std::string& s, const std::vector<std::string>& authors) {
    const auto words = split_words(s);
    std::size_t n = 0;
    std::string name;
    bool comma = false;
    while (n < words.size() && n < k_max_name_words) {
        std::string w = words[n];
        if (!capitalised(w)) break;
        comma = w.back() == ',';
        if (comma) w.pop_back();
        if (!name.empty()) name += ' ';
        name += w;
        ++n;
        if (comma) break;
    }
    if (n < 2 || n >= words.size() || !names_an_author(name, authors)) return false;
    // A handle or a bracket after the name.
    if (!comma && words[n].front() == '(') {
        while (n < words.size() && words[n].back() != ')' && !words[n].ends_with("),")) ++n;
        if (n < words.size()) comma = words[n].back() == ',';
        ++n;
    }
    if (n >= words.size()) return false;
    if (comma) {
        const std::string a = bare(words[n]);
        return (a == "a" || a == "an" || a == "the") && role_within(words, n + 1);
    }
    const std::string verb = bare(words[n]);
    if (std::find(k_verbs.begin(), k_verbs.end(), verb) == k_verbs.end()) return false;
    return role_within(words, n + 1) || (verb != "is" && verb != "was");
}

} // namespace

std::string clean_bio(std::string_view paragraph) {
    std::string s = text::collapse_space(paragraph);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view lead : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "*", "_", " "}) {
            if (s.starts_with(lead)) {
                s.erase(0, lead.size());
                changed = true;
            }
        }
    }
    while (!s.empty() && (s.back() == '*' || s.back() == '_' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string_view bio_line(std::string_view paragraph, const std::vector<std::string>& authors) {
    const std::string s = clean_bio(paragraph);
    if (s.size() < k_min_bio_bytes || s.size() > k_max_bio_bytes) return {};
    const std::string lower = text::fold_case(s);
    for (std::string_view intro : k_intros) {
        if (!lower.starts_with(intro)) continue;
        const auto rest = split_words(std::string_view(s).substr(intro.size()));
        // "The writer is a professor at ...", "The writer is Jane Doe, ...";
        // not "The writer is right about ...".
        if (rest.empty()) return {};
        const std::string first = bare(rest[0]);
        if (capitalised(rest[0]) || first == "a" || first == "an" || first == "the" || role_within(rest, 0)) {
            return "writer intro";
        }
        return {};
    }
    if (named_bio(s, authors)) return "author's name and role";
    return {};
}

void split_bio(std::string& body, const std::vector<std::string>& authors, std::string& bio, Explanation* explain) {
    std::vector<std::string> found;
    while (found.size() < k_max_bios) {
        const auto cut = body.rfind("\n\n");
        if (cut == std::string::npos) break; // the only paragraph is the article
        const std::string_view last = std::string_view(body).substr(cut + 2);
        const std::string_view why = bio_line(last, authors);
        if (why.empty()) break;
        found.insert(found.begin(), clean_bio(last));
        explain_add(explain, "author_bio", {found.front(), "last paragraph of the body", 1, std::string(why)});
        body.erase(cut);
    }
    if (found.empty()) {
        explain_choose(explain, "author_bio", "", "the body's last paragraph is not about its writer");
        return;
    }
    for (const auto& line : found) {
        if (!bio.empty()) bio += ' ';
        bio += line;
    }
    explain_choose(explain, "author_bio", bio, "taken out of the body text, kept apart");
}

} // namespace oped::indexer
