#pragma once

// The archive's authors, by key (author_key.hpp). Each article holds an `XW`
// term per author key and an `XV` term per byline form (key, unit separator,
// the byline as shown), and slot 13 lists its keys. Which keys are one author
// is decided for the whole archive before each commit (write_author_groups)
// and stored in the metadata, so a new initialled form or a new aliases file
// regroups authors without touching a document; readers look a key up there
// (AuthorGroups).

#include <oped/common/author_key.hpp>

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace oped::schema {

// The aliases file's rules, as format_author_aliases() writes them; kept so
// that later runs of oped index keep them.
inline constexpr std::string_view k_meta_author_aliases = "oped:author_aliases";
// One key per author key in a group of two or more: "oped:ag:" + key, the
// group's keys (encode_list), its first key the one with most articles.
inline constexpr std::string_view k_meta_author_group_prefix = "oped:ag:";

std::string author_key_term(std::string_view key);
// Empty when the term would be too long to store (the form is then not listed).
std::string byline_form_term(std::string_view key, std::string_view form);

// Regroups the keys of `db` as it is (with its pending changes), with the
// stored aliases, and rewrites the group metadata that changed.
void write_author_groups(Xapian::WritableDatabase& db);

struct BylineForm {
    std::string form;
    std::uint64_t articles = 0;
};

// Reading the groups; lookups are cached, so one object serves one request.
class AuthorGroups {
  public:
    explicit AuthorGroups(const Xapian::Database& db) : m_db(db) {}

    // The keys of the author `key` belongs to (just `key` when it is alone).
    const std::vector<std::string>& keys_of(const std::string& key) const;
    // The first of keys_of(key): the same for every key of one author.
    const std::string& canonical(const std::string& key) const { return keys_of(key).front(); }
    // The articles of the author of the byline `name` (by its key; also the
    // exact byline, for a name that leaves no key).
    Xapian::Query query(std::string_view name) const;
    // Every byline form of these keys, most articles first (then not in
    // capitals, then the longest).
    std::vector<BylineForm> forms(const std::vector<std::string>& keys) const;
    // The name an author is shown under: its most frequent byline that is
    // the name alone and not in capitals ("Samuel Johnson", not "Dr. Samuel
    // Johnson", "Johnson, Samuel" or "SAMUEL JOHNSON"), else its most
    // frequent; empty for a key with no byline in the index.
    const std::string& display(const std::string& key) const;

  private:
    const Xapian::Database& m_db;
    mutable std::map<std::string, std::vector<std::string>, std::less<>> m_keys;
    mutable std::map<std::string, std::string, std::less<>> m_display;
};

} // namespace oped::schema
