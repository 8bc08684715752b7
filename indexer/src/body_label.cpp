#include <oped/indexer/body_label.hpp>

#include "lexicon.hpp"

#include <oped/indexer/title.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace oped::indexer {
namespace {

constexpr std::size_t k_max_label_bytes = 80;
constexpr std::size_t k_max_label_words = 8;

// Separators between a label's parts; each is replaced by a '|' first.
constexpr std::array<std::string_view, 8> k_separators{"\xC2\xBB", "\xE2\x80\xBA", "\xC2\xB7", "\xE2\x80\xA2", "|", "/",
                                                       ">",        "\xE2\x80\x94"};

std::string without_the(std::string key) {
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
}

std::vector<std::string> parts_of(std::string_view line) {
    std::string marked;
    for (std::size_t at = 0; at < line.size();) {
        const auto sep = std::find_if(k_separators.begin(), k_separators.end(),
                                      [&](std::string_view s) { return line.substr(at, s.size()) == s; });
        if (sep != k_separators.end()) {
            marked.push_back('|');
            at += sep->size();
        } else {
            marked.push_back(line[at++]);
        }
    }
    std::vector<std::string> out;
    for (std::size_t at = 0; at <= marked.size();) {
        const auto bar = std::min(marked.find('|', at), marked.size());
        out.push_back(without_the(title_key(std::string_view(marked).substr(at, bar - at))));
        at = bar + 1;
    }
    return out;
}

bool is_label_word(const std::string& part) {
    const auto& words = lexicon::k_title_labels;
    const std::string singular = part.size() > 3 && part.ends_with("s") ? part.substr(0, part.size() - 1) : part;
    return std::find(words.begin(), words.end(), part) != words.end() ||
           std::find(words.begin(), words.end(), singular) != words.end();
}

// The outlet, or its name cut or extended by whole words: a page of "The
// Spectator Archive" labelled "The Spectator", and the reverse.
bool names_outlet(const std::string& part, const std::string& outlet) {
    if (outlet.empty()) return false;
    return part == outlet || outlet.starts_with(part + " ") || part.starts_with(outlet + " ");
}

} // namespace

bool is_page_label(std::string_view line, std::string_view section, std::string_view outlet) {
    if (line.empty() || line.size() > k_max_label_bytes || line.find('\n') != std::string_view::npos) return false;
    if (line.find_first_of(".!?;:,\"") != std::string_view::npos || word_count(line) > k_max_label_words) return false;
    const std::string section_key = without_the(title_key(section));
    const std::string outlet_key = without_the(title_key(outlet));
    for (const auto& part : parts_of(line)) {
        if (part.empty()) return false;
        const bool known = part == section_key || names_outlet(part, outlet_key) || is_label_word(part);
        if (!known) return false;
    }
    return true;
}

std::string strip_page_label(std::string body, std::string_view section, std::string_view outlet) {
    const auto end = body.find("\n\n");
    if (end == std::string::npos || !is_page_label(std::string_view(body).substr(0, end), section, outlet)) {
        return body;
    }
    return body.substr(end + 2);
}

} // namespace oped::indexer
