#include <oped/indexer/spelling_data.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/spelling_keys.hpp>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace oped::indexer {
namespace {

constexpr std::string_view k_spelling_version = "1";

// The words of a term list that spelling may suggest.
template <typename It, typename Words>
void add_words(It begin, It end, Words& words) {
    for (auto it = begin; it != end; ++it) {
        std::string term = *it;
        if (spelling::is_word_term(term)) words.insert(words.end(), std::move(term));
    }
}

} // namespace

std::vector<std::string> spelling_words(const Xapian::Document& doc) {
    std::vector<std::string> words;
    add_words(doc.termlist_begin(), doc.termlist_end(), words);
    return words;
}

void SpellingUpdate::note(const Xapian::Document& doc) { add_words(doc.termlist_begin(), doc.termlist_end(), m_words); }

void SpellingUpdate::note(std::vector<std::string>&& words) {
    m_words.insert(std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
}

void SpellingUpdate::note_stored(const Xapian::Database& db, Xapian::docid docid) {
    try {
        add_words(db.termlist_begin(docid), db.termlist_end(docid), m_words);
    } catch (const Xapian::DocNotFoundError&) {
    }
}

void SpellingUpdate::note_all(const Xapian::Database& db) {
    // Unprefixed terms start with a lower-case letter, a digit or a
    // non-ASCII byte: the prefixed ones, "A" to "Z...", are skipped over.
    auto it = db.allterms_begin();
    while (it != db.allterms_end()) {
        const std::string term = *it;
        if (term[0] >= 'A' && term[0] <= 'Z') {
            it.skip_to("[");
            continue;
        }
        if (spelling::is_word_term(term)) m_words.insert(term);
        ++it;
    }
    m_covers_all = true;
}

std::size_t SpellingUpdate::write(Xapian::WritableDatabase& db) {
    // Words and keys are visited in sorted order. Neighbouring keys share
    // B-tree blocks, which Xapian's table cursor keeps from one lookup to
    // the next, so a sorted pass reads each block once; in hash order every
    // lookup read its path again (a third of the commit's time).
    std::vector<const std::string*> words_sorted;
    words_sorted.reserve(m_words.size());
    for (const auto& word : m_words) words_sorted.push_back(&word);
    std::sort(words_sorted.begin(), words_sorted.end(), [](const auto* a, const auto* b) { return *a < *b; });
    std::vector<std::pair<std::string, const std::string*>> filed;
    for (const std::string* word : words_sorted) {
        for (auto& variant : spelling::variants(*word, spelling::k_filed_deletions)) {
            filed.emplace_back(std::move(variant), word);
        }
    }
    std::sort(filed.begin(), filed.end());
    // Frequencies as of this commit (a writable database counts its pending
    // changes), each asked once: the noted words first, in order.
    std::unordered_map<std::string, Xapian::doccount> freq_of;
    freq_of.reserve(words_sorted.size());
    for (const std::string* word : words_sorted) freq_of.emplace(*word, db.get_termfreq(*word));
    auto freq = [&](const std::string& word) {
        auto [it, fresh] = freq_of.try_emplace(word, 0);
        if (fresh) it->second = db.get_termfreq(word);
        return it->second;
    };
    std::size_t written = 0;
    for (auto group = filed.begin(); group != filed.end();) {
        const std::string& variant = group->first;
        auto group_end = group;
        while (group_end != filed.end() && group_end->first == variant) ++group_end;
        const std::string key = spelling::metadata_key(variant);
        const std::string old_value = db.get_metadata(key);
        std::vector<std::string> words = spelling::decode_words(old_value);
        for (auto it = group; it != group_end; ++it) words.push_back(*it->second);
        group = group_end;
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        std::erase_if(words, [&](const std::string& w) { return freq(w) == 0; });
        std::sort(words.begin(), words.end(), [&](const std::string& a, const std::string& b) {
            const auto fa = freq(a);
            const auto fb = freq(b);
            return fa != fb ? fa > fb : a < b;
        });
        if (words.size() > spelling::k_list_max) words.resize(spelling::k_list_max);
        std::string value = spelling::encode_words(words);
        if (value == old_value) continue;
        db.set_metadata(key, value); // an empty value deletes the key
        ++written;
    }
    if (m_covers_all) db.set_metadata(std::string(schema::k_meta_spelling_version), std::string(k_spelling_version));
    m_words.clear();
    m_covers_all = false;
    return written;
}

bool has_spelling_keys(const Xapian::Database& db) {
    return db.get_metadata(std::string(schema::k_meta_spelling_version)) == k_spelling_version;
}

} // namespace oped::indexer
