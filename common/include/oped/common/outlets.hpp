#pragma once

// One outlet, one name. Pages of one site (the same site key: the registered
// domain of the page's URL, else its folded outlet name) are one outlet,
// shown under the name most of its pages give, or the name an alias gives
// it. The indexer files each page's site key (XO term, slot 11) and the name
// the page gives (an XN term per key and name, so a term's frequency is the
// number of pages giving that name); before each commit it counts the table
// from those terms and the stored aliases (`oped index --outlets FILE`) and
// stores it (schema::k_meta_outlets). The searcher reads the table to show,
// count and filter outlets by their one name.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace oped::schema {

// Site keys made from a name are cut to this many bytes (at a character).
inline constexpr std::size_t k_max_site_key_bytes = 100;

// The site key of a page that states no URL: its outlet's name, folded (and
// cut); empty for an empty name.
std::string outlet_name_key(std::string_view outlet);
// The terms: "XO" + key, and "XN" + key + "\t" + the name as given (cut to
// fit a term, at a character).
std::string site_key_term(std::string_view key);
std::string outlet_form_term(std::string_view key, std::string_view name);

// "The Spectator Archive = The Spectator": pages of the site whose key or
// shown name is `from` (compared folded) are shown as `to`.
struct OutletAlias {
    std::string from;
    std::string to;
    bool operator==(const OutletAlias&) const = default;
};
// An aliases file: one "FROM = TO" per line, "#" starts a comment, blank
// lines are skipped; any other line is an error naming its number.
Result<std::vector<OutletAlias>> parse_outlet_aliases(std::string_view text);
// As stored in schema::k_meta_outlet_aliases, and back.
std::string encode_outlet_aliases(const std::vector<OutletAlias>& aliases);
std::vector<OutletAlias> decode_outlet_aliases(std::string_view stored);

struct Outlet {
    std::string name;               // the name shown
    std::vector<std::string> forms; // the names its pages give, most pages first
    bool operator==(const Outlet&) const = default;
};

// Per site key, the pages giving each name.
using OutletForms = std::map<std::string, std::map<std::string, std::uint64_t>>;

class OutletTable {
  public:
    OutletTable() = default;
    // Each site shown under its most common name (ties: the name that sorts
    // first), unless an alias names it.
    static OutletTable from_forms(const OutletForms& forms, const std::vector<OutletAlias>& aliases);
    // From the XN terms of `db` (with its pending changes, when writable) and
    // its stored aliases.
    static OutletTable count(const Xapian::Database& db);
    // As stored in schema::k_meta_outlets, and back (empty for text this code
    // did not write).
    std::string encode() const;
    static OutletTable decode(std::string_view stored);

    // The name shown for the pages of `key`; empty when the key is unknown.
    std::string_view name_of(std::string_view key) const;
    // The site keys a filter by `name` selects: every site of the outlets shown
    // under it or holding a site whose pages give it (folded comparison).
    std::vector<std::string> keys_for(std::string_view name) const;
    // How many names are shown: the number of outlets.
    std::size_t outlet_count() const;
    bool empty() const { return m_sites.empty(); }
    const std::map<std::string, Outlet, std::less<>>& sites() const { return m_sites; }
    bool operator==(const OutletTable&) const = default;

  private:
    std::map<std::string, Outlet, std::less<>> m_sites;
};

// The table stored in `db` (empty when there is none).
OutletTable read_outlet_table(const Xapian::Database& db);
// Counts the table and stores it in `db`, before a commit.
void store_outlet_table(Xapian::WritableDatabase& db);

// The outlet name to show for the page `doc`: its site's name in `table`,
// else `given` (the name the page gives).
std::string shown_outlet(const OutletTable& table, const Xapian::Document& doc, const std::string& given);

// Counts per site key merged into counts per name shown (a key the table
// does not know counts under itself).
std::map<std::string, std::uint64_t> counts_by_name(const std::map<std::string, std::uint64_t>& by_key,
                                                    const OutletTable& table);

} // namespace oped::schema
