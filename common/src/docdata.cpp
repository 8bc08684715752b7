#include <oped/common/docdata.hpp>

#include <zlib.h>

#include <cstdint>

namespace oped {
namespace {

// Bump when the field order changes; decoders refuse unknown versions.
// "oped1": the fields as they are. "oped2": the raw size (4 bytes, little
// endian), then the "oped1" fields deflated by zlib. oped compresses the data
// itself because Xapian 1.4.22's glass backend cannot always read back a tag
// it compressed (a highly compressible tag of just over a multiple of 8 KiB
// throws "Too few chunks of compressed data"); data that is already deflated
// does not shrink, so Xapian stores it as it is. It also moves the
// compression from the single writer thread to the extraction threads.
constexpr std::string_view k_raw_tag = "oped1";
constexpr std::string_view k_docdata_tag = "oped2";
// Larger claimed sizes are corruption, not articles (--max-size caps pages).
constexpr std::uint32_t k_max_raw_bytes = 1U << 30;

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

    bool done() const { return m_data.empty(); }

  private:
    std::string_view m_data;
};

std::string encode_fields(const Article& a) {
    std::string out;
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
    // Added after "oped2" was defined: documents written before it end
    // here, and read back with an empty type (an article).
    put(out, a.type);
    // Added later still: older documents end before it (no crawl date).
    put(out, a.crawl_date);
    // Schema 5: the revision shown and the correction notices.
    put(out, a.updated);
    put_list(out, a.corrections);
    // Schema 6: the genre (genre.hpp).
    put(out, a.genre);
    // Schema 6: the writer's bio line.
    put(out, a.author_bio);
    return out;
}

} // namespace

std::string encode_article(const Article& article) { return encode_fields(article); }

std::string encode_docdata(const Article& a) {
    const std::string raw = encode_fields(a);
    uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
    std::string out(k_docdata_tag);
    const auto n = static_cast<std::uint32_t>(raw.size());
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
    const std::size_t head = out.size();
    out.resize(head + packed_size);
    if (compress2(reinterpret_cast<Bytef*>(out.data() + head), &packed_size, reinterpret_cast<const Bytef*>(raw.data()),
                  static_cast<uLong>(raw.size()), Z_DEFAULT_COMPRESSION) != Z_OK) {
        return std::string(k_raw_tag) + raw;
    }
    out.resize(head + packed_size);
    return out;
}

namespace {

Result<Article> decode_fields(std::string_view fields) {
    Reader r(fields);
    Article a;
    const bool ok = r.get(a.path) && r.get(a.url) && r.get(a.title) && r.get_list(a.authors) && r.get(a.published) &&
                    r.get(a.modified) && r.get(a.site) && r.get(a.section) && r.get_list(a.tags) &&
                    r.get(a.description) && r.get(a.language) && r.get(a.body);
    if (!ok) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    if (!r.done() && !r.get(a.type)) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    if (!r.done() && !r.get(a.crawl_date)) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    if (!r.done() && !(r.get(a.updated) && r.get_list(a.corrections))) {
        return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    }
    if (!r.done() && !r.get(a.genre)) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    if (!r.done() && !r.get(a.author_bio)) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    return a;
}

} // namespace

Result<Article> decode_article(std::string_view fields) { return decode_fields(fields); }

Result<Article> decode_docdata(std::string_view data) {
    if (data.substr(0, k_raw_tag.size()) == k_raw_tag) return decode_fields(data.substr(k_raw_tag.size()));
    if (data.substr(0, k_docdata_tag.size()) != k_docdata_tag) {
        return Error{ErrorCode::schema_mismatch, "document data has an unknown format", ""};
    }
    data.remove_prefix(k_docdata_tag.size());
    if (data.size() < 4) return Error{ErrorCode::index_corrupt, "document data is truncated", ""};
    std::uint32_t n = 0;
    for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << (8 * i);
    data.remove_prefix(4);
    if (n > k_max_raw_bytes) return Error{ErrorCode::index_corrupt, "document data claims an absurd size", ""};
    std::string raw(n, '\0');
    uLongf raw_size = n;
    if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size, reinterpret_cast<const Bytef*>(data.data()),
                   static_cast<uLong>(data.size())) != Z_OK ||
        raw_size != n) {
        return Error{ErrorCode::index_corrupt, "document data does not decompress", ""};
    }
    return decode_fields(raw);
}

} // namespace oped
