#pragma once

// A body's similarity fingerprint, for finding syndicated copies: the same
// column run by several outlets under other headlines, with a few sentences
// changed, a different opening line or its ending trimmed.
//
// The text is normalised (Unicode word characters only, lower-cased, so
// punctuation, quotes, dashes and white space do not count), cut into
// overlapping runs of k_shingle_words words, and each run hashed. The
// MinHash sketch keeps, for each of k_sketch_size hash functions, the
// smallest hash of any run (16 bits of it, b-bit MinHash); the share of
// positions where two sketches agree estimates the Jaccard similarity of the
// two bodies' sets of runs. The sketch is stored in the index as k_bands
// band terms of k_rows values each (schema::prefix::copy_band): two bodies
// sharing a band term are candidates, and their sketches, read back from
// those terms, decide. Pure functions; no index.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer::copies {

inline constexpr std::size_t k_shingle_words = 5;
inline constexpr std::size_t k_bands = 32;
inline constexpr std::size_t k_rows = 3;
inline constexpr std::size_t k_sketch_size = k_bands * k_rows;
// Bodies shorter than this many words get no fingerprint and never group:
// short notices and letters share whole sentences by chance and by formula.
inline constexpr std::size_t k_min_words = 80;
// The estimated Jaccard similarity from which two bodies are one piece
// (chosen on scripts/eval-copies' measurements, see ARCHITECTURE.md).
inline constexpr double k_same_piece = 0.3;

using Sketch = std::array<std::uint16_t, k_sketch_size>;

// The body's words as compared: runs of Unicode word characters, lower-cased.
std::vector<std::string> normalised_words(std::string_view body);

// The sketch of a body, or nothing when it has fewer than k_min_words words.
std::optional<Sketch> sketch_of(std::string_view body);

// Share of the sketches' positions that agree: 0 to 1.
double similarity(const Sketch& a, const Sketch& b);
inline bool same_piece(const Sketch& a, const Sketch& b) { return similarity(a, b) >= k_same_piece; }

// The band terms that store a sketch (prefix included), in band order.
std::vector<std::string> band_terms(const Sketch& sketch);

// Reads a sketch back from its band terms (any order; other terms are not
// accepted); nothing unless every band is there once and well formed.
std::optional<Sketch> sketch_from_terms(const std::vector<std::string>& terms);

} // namespace oped::indexer::copies
