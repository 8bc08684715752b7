// Fuzz target: the WARC reader and the HTTP layer inside a record. Whatever
// the bytes (a .warc, or one gzipped as a .warc.gz is), reading ends, every
// read makes progress, no block is kept past its limit, and a response's
// decoded payload stays within its limit.

#include "fuzz.hpp"

#include <oped/indexer/warc.hpp>
#include <oped/indexer/warc_http.hpp>

#include <cstdint>

namespace {

constexpr std::uint64_t k_limit = 64 * 1024;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oped;
    indexer::WarcReader reader(fuzz::as_text(data, size), k_limit, "fuzz.warc");
    std::size_t results = 0;
    std::uint64_t last_offset = 0;
    bool first = true;
    while (auto record = reader.next()) {
        // Each result consumes input: a gzip stream of `size` bytes
        // decompresses to at most ~1032 times as many, and the bomb limit
        // stops well before that.
        fuzz::check(++results <= indexer::k_warc_bomb_floor + 2, "the reader ends");
        if (!*record) {
            fuzz::check(!record->error().message.empty(), "an error says what is wrong");
            continue;
        }
        const indexer::WarcRecord& r = record->value();
        fuzz::check(first || r.offset > last_offset, "records come in file order");
        first = false;
        last_offset = r.offset;
        fuzz::check(r.too_large ? r.block.size() <= indexer::k_warc_head_bytes : r.block.size() == r.length,
                    "a block is whole, or only its head is kept past the limit");
        const auto head = indexer::parse_http_head(r.block);
        if (!head) continue;
        fuzz::check(head.value().body_offset <= r.block.size(), "the body starts inside the block");
        (void)indexer::is_html_type(head.value().content_type);
        const auto payload = indexer::http_payload(r.block, head.value(), k_limit);
        if (payload) fuzz::check(payload.value().size() <= k_limit, "a payload stays within its limit");
    }
    return 0;
}
