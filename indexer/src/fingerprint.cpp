#include <oped/indexer/fingerprint.hpp>

#include <oped/common/schema.hpp>
#include <oped/common/text.hpp>

#include <xapian.h>

#include <algorithm>
#include <limits>

namespace oped::indexer::copies {
namespace {

constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;

std::uint64_t mix(std::uint64_t x) {
    // splitmix64's finaliser: every input bit reaches every output bit.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// Calls on_word(hash) for each normalised word, and, when `words` is given,
// appends the word's text too. One walk over the UTF-8 text; no word is
// copied unless asked for.
template <typename OnWord>
void walk_words(std::string_view body, std::vector<std::string>* words, OnWord on_word) {
    std::uint64_t hash = k_fnv_offset;
    bool in_word = false;
    std::string word;
    const auto finish = [&] {
        if (!in_word) return;
        on_word(hash);
        if (words) words->push_back(std::move(word));
        word.clear();
        hash = k_fnv_offset;
        in_word = false;
    };
    for (Xapian::Utf8Iterator it(body.data(), body.size()), end; it != end; ++it) {
        const unsigned ch = *it;
        if (!Xapian::Unicode::is_wordchar(ch)) {
            finish();
            continue;
        }
        const auto lower = static_cast<char32_t>(Xapian::Unicode::tolower(ch));
        hash = (hash ^ lower) * k_fnv_prime;
        if (words) text::append_utf8(word, lower);
        in_word = true;
    }
    finish();
}

// The multipliers and offsets of the sketch's hash functions: fixed, so a
// sketch means the same in every index and every run.
struct Functions {
    std::array<std::uint64_t, k_sketch_size> mul{};
    std::array<std::uint64_t, k_sketch_size> add{};
    Functions() {
        std::uint64_t seed = 0x6f7065642d637079ULL; // "oped-cpy"
        for (std::size_t i = 0; i < k_sketch_size; ++i) {
            mul[i] = mix(seed += 0x9e3779b97f4a7c15ULL) | 1;
            add[i] = mix(seed += 0x9e3779b97f4a7c15ULL);
        }
    }
};

const Functions& functions() {
    static const Functions k_functions;
    return k_functions;
}

constexpr char k_hex[] = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

} // namespace

std::vector<std::string> normalised_words(std::string_view body) {
    std::vector<std::string> words;
    walk_words(body, &words, [](std::uint64_t) {});
    return words;
}

std::optional<Sketch> sketch_of(std::string_view body) {
    const Functions& f = functions();
    std::array<std::uint64_t, k_sketch_size> mins;
    mins.fill(std::numeric_limits<std::uint64_t>::max());
    std::array<std::uint64_t, k_shingle_words> window{};
    std::size_t count = 0;
    walk_words(body, nullptr, [&](std::uint64_t word) {
        window[count % k_shingle_words] = word;
        ++count;
        if (count < k_shingle_words) return;
        // The run's hash, in reading order from its first word.
        std::uint64_t shingle = 0;
        for (std::size_t j = 0; j < k_shingle_words; ++j) {
            shingle = mix(shingle ^ window[(count + j) % k_shingle_words]);
        }
        for (std::size_t i = 0; i < k_sketch_size; ++i) {
            mins[i] = std::min(mins[i], shingle * f.mul[i] + f.add[i]);
        }
    });
    if (count < k_min_words) return std::nullopt;
    Sketch sketch{};
    for (std::size_t i = 0; i < k_sketch_size; ++i) sketch[i] = static_cast<std::uint16_t>(mins[i] >> 48);
    return sketch;
}

double similarity(const Sketch& a, const Sketch& b) {
    std::size_t same = 0;
    for (std::size_t i = 0; i < k_sketch_size; ++i) same += a[i] == b[i] ? 1 : 0;
    return static_cast<double>(same) / static_cast<double>(k_sketch_size);
}

std::vector<std::string> band_terms(const Sketch& sketch) {
    std::vector<std::string> terms;
    terms.reserve(k_bands);
    for (std::size_t band = 0; band < k_bands; ++band) {
        std::string term(schema::prefix::copy_band);
        term.push_back(static_cast<char>('0' + band / 10));
        term.push_back(static_cast<char>('0' + band % 10));
        for (std::size_t row = 0; row < k_rows; ++row) {
            const std::uint16_t v = sketch[band * k_rows + row];
            for (int shift = 12; shift >= 0; shift -= 4) term.push_back(k_hex[(v >> shift) & 0xF]);
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

std::optional<Sketch> sketch_from_terms(const std::vector<std::string>& terms) {
    const std::size_t prefix = schema::prefix::copy_band.size();
    Sketch sketch{};
    std::array<bool, k_bands> seen{};
    for (const auto& term : terms) {
        if (term.size() != prefix + 2 + 4 * k_rows || !term.starts_with(schema::prefix::copy_band)) return std::nullopt;
        const int tens = hex_value(term[prefix]);
        const int ones = hex_value(term[prefix + 1]);
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return std::nullopt;
        const auto band = static_cast<std::size_t>(tens) * 10 + static_cast<std::size_t>(ones);
        if (band >= k_bands || seen[band]) return std::nullopt;
        seen[band] = true;
        for (std::size_t row = 0; row < k_rows; ++row) {
            unsigned v = 0;
            for (std::size_t d = 0; d < 4; ++d) {
                const int h = hex_value(term[prefix + 2 + row * 4 + d]);
                if (h < 0) return std::nullopt;
                v = v * 16 + static_cast<unsigned>(h);
            }
            sketch[band * k_rows + row] = static_cast<std::uint16_t>(v);
        }
    }
    if (std::find(seen.begin(), seen.end(), false) != seen.end()) return std::nullopt;
    return sketch;
}

} // namespace oped::indexer::copies
