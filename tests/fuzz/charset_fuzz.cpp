// Fuzz target: charset detection and decoding. Whatever the bytes, the
// result is valid UTF-8 with the charset used named in lower case; bytes that
// are valid UTF-8, with no byte-order mark and no charset declared, come back
// unchanged.

#include "fuzz.hpp"

#include <oped/common/text.hpp>
#include <oped/indexer/charset.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace {

bool is_lower(const std::string& s) {
    return std::none_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
}

bool has_bom(std::string_view b) {
    return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oped;
    const std::string_view bytes = fuzz::as_text(data, size);
    const std::string declared = indexer::declared_charset(bytes);
    fuzz::check(is_lower(declared), "declared charset is lower case");
    const indexer::DecodedText decoded = indexer::decode_to_utf8(bytes);
    fuzz::check(text::is_valid_utf8(decoded.utf8), "decoded text is valid UTF-8");
    fuzz::check(!decoded.charset.empty(), "the charset used is named");
    fuzz::check(is_lower(decoded.charset), "the charset used is lower case");
    if (declared.empty() && !has_bom(bytes) && text::is_valid_utf8(bytes)) {
        fuzz::check(decoded.utf8 == bytes, "undeclared valid UTF-8 is kept as it is");
    }
    return 0;
}
