#include <oped/common/docdata.hpp>

#include <cstdint>

namespace oped {
namespace {

// Bump when the field order changes; decoders refuse unknown versions.
constexpr std::string_view k_docdata_tag = "oped1";

void put(std::string& out, std::string_view field) {
    const auto n = static_cast<std::uint32_t>(field.size());
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
    out += field;
}

void put_list(std::string& out, const std::vector<std::string>& items) {
    put(out, std::to_string(items.size()));
    for (const auto& item : items) put(out, item);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : m_data(data) {}

    bool get(std::string& field) {
        if (m_data.size() < 4) return false;
        std::uint32_t n = 0;
        for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(m_data[i])) << (8 * i);
        m_data.remove_prefix(4);
        if (m_data.size() < n) return false;
        field.assign(m_data.substr(0, n));
        m_data.remove_prefix(n);
        return true;
    }

    bool get_list(std::vector<std::string>& items) {
        std::string count;
        if (!get(count) || count.empty() || count.size() > 6) return false;
        for (char c : count) {
            if (c < '0' || c > '9') return false;
        }
        items.resize(std::stoul(count));
        for (auto& item : items) {
            if (!get(item)) return false;
        }
        return true;
    }

  private:
    std::string_view m_data;
};

} // namespace

std::string encode_docdata(const Article& a) {
    std::string out(k_docdata_tag);
    put(out, a.path);
    put(out, a.url);
    put(out, a.title);
    put_list(out, a.authors);
    put(out, a.published);
    put(out, a.modified);
    put(out, a.site);
    put(out, a.section);
    put_list(out, a.tags);
    put(out, a.description);
    put(out, a.language);
    put(out, a.body);
    return out;
}

Result<Article> decode_docdata(std::string_view data) {
    if (data.substr(0, k_docdata_tag.size()) != k_docdata_tag) {
        return Error{ErrorCode::schema_mismatch, "document data has an unknown format", ""};
    }
    Reader r(data.substr(k_docdata_tag.size()));
    Article a;
    const bool ok = r.get(a.path) && r.get(a.url) && r.get(a.title) && r.get_list(a.authors) &&
                    r.get(a.published) && r.get(a.modified) && r.get(a.site) && r.get(a.section) &&
                    r.get_list(a.tags) && r.get(a.description) && r.get(a.language) && r.get(a.body);
    if (!ok) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    return a;
}

} // namespace oped
