#pragma once

// Bringing the spelling keys (common/spelling_keys.hpp) up to date at a
// commit. The writer notes the words of every document it adds, replaces or
// deletes; before the commit, write() rewrites the keys those words are
// filed under: each key's list is merged with the noted words, words no
// longer in the index are dropped, and the k_list_max most frequent are
// kept. Only the keys of changed words are read and written, so a commit
// costs in proportion to what it changed, not to the vocabulary.
//
// The keys are metadata, which glass keeps uncompressed: Xapian 1.4.22's
// bug with compressed tags that grow across commits (which made its own
// spelling table unreadable, tests/integration/index_spelling_test.cpp)
// does not reach them.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace oped::indexer {

// The words of a document that spelling may suggest. The extraction threads
// gather them as they build each document, so the writer's thread, which
// every page waits on, only files them.
std::vector<std::string> spelling_words(const Xapian::Document& doc);

class SpellingUpdate {
  public:
    // The words of a document about to be added (or the new version of one
    // being replaced).
    void note(const Xapian::Document& doc);
    // The same, from the document's spelling_words().
    void note(std::vector<std::string>&& words);
    // The words of a stored document about to be deleted or replaced.
    void note_stored(const Xapian::Database& db, Xapian::docid docid);
    // Every word of the index: for an index whose keys were never built.
    void note_all(const Xapian::Database& db);

    // Rewrites the keys of the noted words in `db` (before its commit), stamps
    // the spelling version when the keys cover the whole index, and forgets
    // the words. Returns the number of keys written.
    std::size_t write(Xapian::WritableDatabase& db);

  private:
    std::unordered_set<std::string> m_words;
    bool m_covers_all = false;
};

// True when `db`'s spelling keys were built for all of its words.
bool has_spelling_keys(const Xapian::Database& db);

} // namespace oped::indexer
