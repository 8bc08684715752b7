#include <oped/common/outlets.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <algorithm>
#include <set>

namespace oped::schema {
namespace {

constexpr std::string_view k_table_format = "outlets1";
constexpr char k_field = '\t';

std::string cut(std::string_view s, std::size_t bytes) {
    if (s.size() <= bytes) return std::string(s);
    return std::string(s.substr(0, text::char_start(s, bytes)));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return out;
        s.remove_prefix(at + 1);
    }
}

std::string trimmed(std::string_view s) { return text::collapse_space(s); }

} // namespace

std::string outlet_name_key(std::string_view outlet) { return cut(fold_for_term(outlet), k_max_site_key_bytes); }

std::string site_key_term(std::string_view key) { return std::string(prefix::site_key) + std::string(key); }

std::string outlet_form_term(std::string_view key, std::string_view name) {
    std::string term = std::string(prefix::outlet_form) + std::string(key) + k_field;
    return term + cut(trimmed(name), k_max_term_bytes > term.size() ? k_max_term_bytes - term.size() : 0);
}

Result<std::vector<OutletAlias>> parse_outlet_aliases(std::string_view text) {
    std::vector<OutletAlias> out;
    std::size_t number = 0;
    for (std::string_view line : split(text, '\n')) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        if (trimmed(line).empty()) continue;
        const auto eq = line.find('=');
        OutletAlias alias;
        if (eq != std::string_view::npos) alias = {trimmed(line.substr(0, eq)), trimmed(line.substr(eq + 1))};
        if (alias.from.empty() || alias.to.empty() || alias.to.find('=') != std::string::npos ||
            !text::is_valid_utf8(line)) {
            return Error{ErrorCode::usage,
                         "line " + std::to_string(number) + " is not 'OUTLET = NAME' (UTF-8; # starts a comment)",
                         "--outlets"};
        }
        out.push_back(std::move(alias));
    }
    return out;
}

std::string encode_outlet_aliases(const std::vector<OutletAlias>& aliases) {
    std::string out;
    for (const auto& a : aliases) out += a.from + k_field + a.to + '\n';
    return out;
}

std::vector<OutletAlias> decode_outlet_aliases(std::string_view stored) {
    std::vector<OutletAlias> out;
    for (const auto line : split(stored, '\n')) {
        const auto fields = split(line, k_field);
        if (fields.size() == 2) out.push_back({std::string(fields[0]), std::string(fields[1])});
    }
    return out;
}

OutletTable OutletTable::from_forms(const OutletForms& forms, const std::vector<OutletAlias>& aliases) {
    OutletTable table;
    for (const auto& [key, counts] : forms) {
        std::vector<std::pair<std::string, std::uint64_t>> ranked(counts.begin(), counts.end());
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        Outlet outlet;
        for (const auto& [form, n] : ranked) {
            if (n > 0 && !form.empty()) outlet.forms.push_back(form);
        }
        outlet.name = outlet.forms.empty() ? key : outlet.forms.front();
        // The last alias that names the site wins, as a later line overrides.
        const std::string folded_key = fold_for_term(key), folded_name = fold_for_term(outlet.name);
        for (const auto& alias : aliases) {
            const std::string from = fold_for_term(alias.from);
            if (from == folded_key || from == folded_name) outlet.name = alias.to;
        }
        table.m_sites.emplace(key, std::move(outlet));
    }
    return table;
}

OutletTable OutletTable::count(const Xapian::Database& db) {
    OutletForms forms;
    const std::string p(prefix::outlet_form);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        const std::string term = *it;
        const auto tab = term.find(k_field, p.size());
        if (tab == std::string::npos) continue;
        forms[term.substr(p.size(), tab - p.size())][term.substr(tab + 1)] += it.get_termfreq();
    }
    // A site key with no name given (an empty outlet) still has its pages.
    const std::string k(prefix::site_key);
    for (auto it = db.allterms_begin(k); it != db.allterms_end(k); ++it) forms[(*it).substr(k.size())];
    return from_forms(forms, decode_outlet_aliases(db.get_metadata(std::string(k_meta_outlet_aliases))));
}

std::string OutletTable::encode() const {
    std::string out(k_table_format);
    for (const auto& [key, outlet] : m_sites) {
        out += '\n' + key + k_field + outlet.name;
        for (const auto& form : outlet.forms) out += k_field + form;
    }
    return out;
}

OutletTable OutletTable::decode(std::string_view stored) {
    OutletTable table;
    const auto lines = split(stored, '\n');
    if (lines.empty() || lines.front() != k_table_format) return table;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto fields = split(lines[i], k_field);
        if (fields.size() < 2) continue;
        Outlet outlet{std::string(fields[1]), {}};
        for (std::size_t f = 2; f < fields.size(); ++f) outlet.forms.emplace_back(fields[f]);
        table.m_sites.emplace(std::string(fields[0]), std::move(outlet));
    }
    return table;
}

std::string_view OutletTable::name_of(std::string_view key) const {
    const auto it = m_sites.find(key);
    return it == m_sites.end() ? std::string_view() : std::string_view(it->second.name);
}

std::vector<std::string> OutletTable::keys_for(std::string_view name) const {
    const std::string wanted = fold_for_term(name);
    std::vector<std::string> out;
    if (wanted.empty()) return out;
    // The outlets (names shown) of the sites that give the name or are
    // shown under it; then every site of those outlets.
    std::set<std::string> outlets;
    for (const auto& [key, outlet] : m_sites) {
        const bool gives = std::any_of(outlet.forms.begin(), outlet.forms.end(),
                                       [&](const std::string& form) { return fold_for_term(form) == wanted; });
        if (gives || fold_for_term(outlet.name) == wanted) outlets.insert(fold_for_term(outlet.name));
    }
    for (const auto& [key, outlet] : m_sites) {
        if (outlets.count(fold_for_term(outlet.name)) > 0) out.push_back(key);
    }
    return out;
}

std::size_t OutletTable::outlet_count() const {
    std::set<std::string> names;
    for (const auto& [key, outlet] : m_sites) names.insert(fold_for_term(outlet.name));
    return names.size();
}

OutletTable read_outlet_table(const Xapian::Database& db) {
    return OutletTable::decode(db.get_metadata(std::string(k_meta_outlets)));
}

void store_outlet_table(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(k_meta_outlets), OutletTable::count(db).encode());
}

std::string shown_outlet(const OutletTable& table, const Xapian::Document& doc, const std::string& given) {
    const std::string_view name = table.name_of(doc.get_value(slot::site_key));
    return name.empty() ? given : std::string(name);
}

std::map<std::string, std::uint64_t> counts_by_name(const std::map<std::string, std::uint64_t>& by_key,
                                                    const OutletTable& table) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& [key, n] : by_key) {
        const std::string_view name = table.name_of(key);
        out[name.empty() ? key : std::string(name)] += n;
    }
    return out;
}

} // namespace oped::schema
