#include <oped/indexer/tags.hpp>

#include <oped/indexer/title.hpp>

#include <algorithm>
#include <set>

namespace oped::indexer {
namespace {

// Lone title words count as noise from this many of them.
constexpr std::size_t k_min_title_word_run = 3;

bool is_year(std::string_view tag) {
    return tag.size() == 4 && tag.find_first_not_of("0123456789") == std::string_view::npos &&
           (tag[0] == '1' || tag[0] == '2');
}

std::string without_the(std::string key) {
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
}

std::set<std::string> words_of(std::string_view text) {
    std::set<std::string> out;
    const std::string key = title_key(text);
    for (std::size_t at = 0; at < key.size();) {
        const auto space = std::min(key.find(' ', at), key.size());
        if (space > at) out.insert(key.substr(at, space - at));
        at = space + 1;
    }
    return out;
}

} // namespace

std::vector<std::string> clean_tags(const std::vector<std::string>& tags, std::string_view outlet,
                                    std::string_view title) {
    const std::string outlet_key = without_the(title_key(outlet));
    const std::set<std::string> title_words = words_of(title);
    auto lone_title_word = [&](const std::string& tag) {
        const std::string key = title_key(tag);
        return !key.empty() && key.find(' ') == std::string::npos && title_words.count(key) > 0;
    };
    std::vector<std::string> kept;
    for (const auto& tag : tags) {
        if (is_year(tag) || (!outlet_key.empty() && without_the(title_key(tag)) == outlet_key)) continue;
        kept.push_back(tag);
    }
    const auto lone = static_cast<std::size_t>(std::count_if(kept.begin(), kept.end(), lone_title_word));
    if (lone >= k_min_title_word_run && lone * 2 >= kept.size()) {
        kept.erase(std::remove_if(kept.begin(), kept.end(), lone_title_word), kept.end());
    }
    return kept;
}

} // namespace oped::indexer
