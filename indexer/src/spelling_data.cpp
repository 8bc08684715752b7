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
template <typename It>
void add_words(It begin, It end, std::unordered_set<std::string>& words) {
    for (auto it = begin; it != end; ++it) {
        const std::string term = *it;
        if (spelling::is_word_term(term)) words.insert(term);
    }
}

} // namespace

void SpellingUpdate::note(const Xapian::Document& doc) { add_words(doc.termlist_begin(), doc.termlist_end(), m_words); }

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
    std::unordered_map<std::string, std::vector<const std::string*>> by_key;
    for (const auto& word : m_words) {
        for (auto& variant : spelling::variants(word, spelling::k_filed_deletions)) {
            by_key[std::move(variant)].push_back(&word);
        }
    }
    // Frequencies as of this commit (a writable database counts its pending
    // changes), each asked once.
    std::unordered_map<std::string, Xapian::doccount> freq_of;
    auto freq = [&](const std::string& word) {
        auto [it, fresh] = freq_of.try_emplace(word, 0);
        if (fresh) it->second = db.get_termfreq(word);
        return it->second;
    };
    std::size_t written = 0;
    for (const auto& [variant, noted] : by_key) {
        const std::string key = spelling::metadata_key(variant);
        const std::string old_value = db.get_metadata(key);
        std::vector<std::string> words = spelling::decode_words(old_value);
        for (const std::string* word : noted) words.push_back(*word);
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
