#include <oped/indexer/warc_source.hpp>

#include <oped/indexer/page_source.hpp>

#include <fmt/format.h>

namespace oped::indexer {
namespace {

constexpr char k_record_mark = '#';

// Stands in for a missing WARC-Payload-Digest: FNV-1a over the payload as
// stored, and its length.
std::string payload_hash(std::string_view payload, std::uint64_t length) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : payload) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return fmt::format("fnv1a64:{:016x}:{}", h, length);
}

} // namespace

WarcSkipCounts& WarcSkipCounts::operator+=(const WarcSkipCounts& other) {
    revisit += other.revisit;
    request += other.request;
    metadata += other.metadata;
    not_html += other.not_html;
    not_ok += other.not_ok;
    duplicate += other.duplicate;
    return *this;
}

std::string WarcSkipCounts::describe() const {
    std::string out;
    const auto add = [&out](const char* name, std::size_t n) {
        if (n > 0) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
    };
    add("revisit", revisit);
    add("request", request);
    add("metadata", metadata);
    add("not HTML", not_html);
    add("not 200", not_ok);
    add("duplicate", duplicate);
    return out;
}

std::string record_path(const std::string& file, const std::string& uri) { return file + k_record_mark + uri; }

bool split_record_path(std::string_view path, std::string& file, std::string& uri) {
    // The first mark after a WARC name: a URI may hold marks of its own.
    for (auto mark = path.find(k_record_mark); mark != std::string_view::npos;
         mark = path.find(k_record_mark, mark + 1)) {
        if (is_warc_file(std::string(path.substr(0, mark)))) {
            file = std::string(path.substr(0, mark));
            uri = std::string(path.substr(mark + 1));
            return true;
        }
    }
    return false;
}

std::string source_file(const std::string& path) {
    std::string file;
    std::string uri;
    return split_record_path(path, file, uri) ? file : path;
}

WarcPages::WarcPages(const std::string& file, std::uint64_t max_size)
    : m_file(file), m_max_size(max_size), m_reader(file, max_size + k_warc_head_bytes) {}

std::optional<WarcItem> WarcPages::next() {
    auto record = m_reader.next();
    if (!record) return std::nullopt;
    if (!*record) {
        WarcItem failed;
        failed.error = record->error();
        return failed;
    }
    return judge(std::move(*record).value());
}

WarcItem WarcPages::judge(WarcRecord record) {
    WarcItem item;
    const auto skip = [&item](std::size_t WarcSkipCounts::*count) {
        item.kind = WarcItem::Kind::skipped;
        item.skip = count;
        return std::move(item);
    };
    const std::string where = record_path(m_file, record.target_uri);
    if (record.type == "revisit") return skip(&WarcSkipCounts::revisit);
    if (record.type == "request") return skip(&WarcSkipCounts::request);
    if (record.type != "response") return skip(&WarcSkipCounts::metadata);
    if (!record.content_type.empty() && !record.content_type.starts_with("application/http")) {
        return skip(&WarcSkipCounts::metadata);
    }
    auto http = parse_http_head(record.block);
    if (!http) {
        item.error = Error{ErrorCode::not_html,
                           "WARC record at byte " + std::to_string(record.offset) + ": " + http.error().message, where};
        return item;
    }
    if (http.value().status != 200) return skip(&WarcSkipCounts::not_ok);
    if (!is_html_type(http.value().content_type)) return skip(&WarcSkipCounts::not_html);
    if (record.target_uri.empty()) {
        item.error = Error{ErrorCode::not_html,
                           "WARC record at byte " + std::to_string(record.offset) + ": no WARC-Target-URI", where};
        return item;
    }
    if (!m_uris.insert(record.target_uri).second) return skip(&WarcSkipCounts::duplicate);
    item.kind = WarcItem::Kind::page;
    item.digest = record.payload_digest.empty()
                      ? payload_hash(std::string_view(record.block).substr(http.value().body_offset), record.length)
                      : record.payload_digest;
    item.http = std::move(http).value();
    item.record = std::move(record);
    return item;
}

Result<std::string> page_bytes(const WarcItem& page, std::uint64_t max_size) {
    auto fail = [&page](Error e) {
        e.param = page.record.target_uri;
        return e;
    };
    if (page.record.too_large) {
        return fail(Error{
            ErrorCode::too_large,
            "record is " + std::to_string(page.record.length) + " bytes, over --max-size " + std::to_string(max_size),
            ""});
    }
    auto payload = http_payload(page.record.block, page.http, max_size);
    if (!payload) return fail(payload.error());
    auto checked = check_page_bytes(std::move(payload).value(), false, max_size);
    if (!checked) return fail(checked.error());
    return checked;
}

WarcListing list_warc(const std::string& file, std::uint64_t max_size) {
    WarcListing listing;
    WarcPages pages(file, max_size);
    while (auto item = pages.next()) {
        switch (item->kind) {
            case WarcItem::Kind::page:
                listing.pages.push_back({item->record.target_uri, item->record.date, item->digest});
                break;
            case WarcItem::Kind::skipped:
                ++(listing.skipped.*(item->skip));
                break;
            case WarcItem::Kind::failed:
                listing.problems.push_back(std::move(item->error));
                break;
        }
    }
    return listing;
}

Result<std::string> WarcCursor::read(const std::string& file, const std::string& uri, std::uint64_t max_size) {
    // Pages come in file order: read on, unless this one lies behind.
    if (!m_pages || m_pages->file() != file || m_pages->max_size() != max_size || m_pages->passed(uri)) {
        m_pages = std::make_unique<WarcPages>(file, max_size);
    }
    while (auto item = m_pages->next()) {
        if (item->kind != WarcItem::Kind::page || item->record.target_uri != uri) continue;
        auto bytes = page_bytes(*item, max_size);
        if (!bytes) {
            Error e = bytes.error();
            e.param = record_path(file, uri);
            return e;
        }
        return bytes;
    }
    m_pages.reset();
    return Error{ErrorCode::not_found, "no HTML response for " + uri + " in this WARC file any more",
                 record_path(file, uri)};
}

} // namespace oped::indexer
