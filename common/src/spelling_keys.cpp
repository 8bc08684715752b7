#include <oped/common/spelling_keys.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <xapian.h>

#include <algorithm>

namespace oped::spelling {
namespace {

std::vector<unsigned> code_points(std::string_view s) {
    std::vector<unsigned> out;
    for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it) out.push_back(*it);
    return out;
}

bool is_letter(unsigned cp) {
    switch (Xapian::Unicode::get_category(cp)) {
        case Xapian::Unicode::UPPERCASE_LETTER:
        case Xapian::Unicode::LOWERCASE_LETTER:
        case Xapian::Unicode::TITLECASE_LETTER:
        case Xapian::Unicode::MODIFIER_LETTER:
        case Xapian::Unicode::OTHER_LETTER:
            return true;
        default:
            return false;
    }
}

// Appends to `out` every variant of `letters` made by deleting up to `left`
// more letters at positions from `from` on, never the one at `fixed` (none
// when past the end);
// `kept` holds the letters so far.
void delete_from(const std::vector<unsigned>& letters, std::size_t from, std::size_t fixed, std::size_t left,
                 std::string& kept, std::size_t kept_letters, std::vector<std::string>& out) {
    if (from == letters.size()) {
        if (kept_letters >= 2) out.push_back(kept);
        return;
    }
    const std::size_t mark = kept.size();
    text::append_utf8(kept, static_cast<char32_t>(letters[from]));
    delete_from(letters, from + 1, fixed, left, kept, kept_letters + 1, out);
    kept.resize(mark);
    if (left > 0 && from != fixed) delete_from(letters, from + 1, fixed, left - 1, kept, kept_letters, out);
}

} // namespace

std::string metadata_key(std::string_view variant) {
    std::string key(schema::k_meta_spelling_prefix);
    key += variant;
    return key;
}

bool is_word_term(std::string_view term) {
    // Asked of every term of every document indexed: one pass, no copy.
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    std::size_t count = 0;
    bool letter = false;
    for (Xapian::Utf8Iterator it(term.data(), term.size()), end; it != end; ++it) {
        if (++count > k_max_letters) return false;
        letter = letter || is_letter(*it);
    }
    return count >= k_min_letters && letter;
}

std::vector<std::string> variants(std::string_view word, std::size_t deletions) {
    const auto letters = code_points(word);
    std::vector<std::string> out;
    std::string kept;
    if (letters.size() <= k_prefix) {
        delete_from(letters, 0, 0, deletions, kept, 0, out);
    } else {
        const std::vector<unsigned> head(letters.begin(), letters.begin() + k_prefix);
        delete_from(head, 0, 0, deletions, kept, 0, out);
        // The tail's keys are marked apart from the head's.
        const std::vector<unsigned> tail(letters.end() - k_prefix, letters.end());
        std::string tail_kept(k_tail_mark);
        delete_from(tail, 0, k_prefix, deletions, tail_kept, 0, out);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> decode_words(std::string_view value) {
    std::vector<std::string> out;
    while (!value.empty()) {
        const auto end = value.find('\n');
        if (end != 0) out.emplace_back(value.substr(0, end));
        if (end == std::string_view::npos) break;
        value.remove_prefix(end + 1);
    }
    return out;
}

std::string encode_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out.push_back('\n');
        out += w;
    }
    return out;
}

} // namespace oped::spelling
