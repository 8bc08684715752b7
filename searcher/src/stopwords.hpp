#pragma once

// The words a query drops in each language (not inside phrases), as Omega
// does for English: the commonest function words, which would otherwise
// require every page to hold "the" or "la" and weigh almost nothing.

#include <string_view>
#include <vector>

namespace oped::searcher {

// The stop words of a two-letter language code; empty for a language
// without a list (its queries then keep every word).
const std::vector<std::string_view>& stopwords_for(std::string_view language);

} // namespace oped::searcher
