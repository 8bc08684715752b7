#include "stopwords.hpp"

#include <map>
#include <string>

namespace oped::searcher {
namespace {

// ---- Language word lists ------------------------------------------------
// Short on purpose: articles, pronouns, auxiliaries, prepositions and
// conjunctions. A word that can carry meaning in a query ("not", "no",
// "against", "nicht") is kept out.
const std::map<std::string, std::vector<std::string_view>, std::less<>> k_lists{
    {"en", {"a",    "about", "an",  "and",  "are",  "as",    "at",  "be",    "but",  "by",    "for",
            "from", "had",   "has", "have", "he",   "her",   "his", "i",     "in",   "is",    "it",
            "its",  "of",    "on",  "or",   "she",  "that",  "the", "their", "them", "there", "they",
            "this", "to",    "was", "we",   "were", "which", "who", "will",  "with", "you"}},
    {"fr", {"au",   "aux",  "avec", "ce",  "ces",  "cet", "cette", "d",   "dans", "de",    "des",  "du",
            "elle", "en",   "est",  "et",  "il",   "ils", "j",     "je",  "l",    "la",    "le",   "les",
            "leur", "lui",  "m",    "ma",  "mais", "me",  "mes",   "mon", "n",    "nous",  "on",   "ou",
            "par",  "pour", "qu",   "que", "qui",  "s",   "sa",    "se",  "ses",  "son",   "sont", "sur",
            "t",    "ta",   "te",   "tes", "ton",  "tu",  "un",    "une", "vos",  "votre", "vous"}},
    {"de", {"am",    "an",    "auf",   "aus",   "bei", "das", "dass", "dem", "den",  "der", "des", "die", "ein", "eine",
            "einem", "einen", "einer", "eines", "er",  "es",  "für",  "hat", "ich",  "ihr", "im",  "in",  "ist", "mit",
            "sich",  "sie",   "sind",  "und",   "von", "vom", "war",  "wir", "wird", "zu",  "zum", "zur"}},
    {"es", {"a",   "al", "con", "de", "del", "el", "en",  "es",   "esta", "este", "la",
            "las", "le", "les", "lo", "los", "me", "mi",  "o",    "para", "por",  "que",
            "se",  "su", "sus", "te", "tu",  "un", "una", "unas", "unos", "y",    "ya"}},
    {"it", {"a",  "al", "alla", "con", "da", "dal", "dei",   "del", "della", "di", "e",  "è",   "gli", "i",
            "il", "in", "la",   "le",  "lo", "nel", "nella", "per", "si",    "su", "un", "una", "uno"}},
    {"pt", {"a",   "à",  "ao",  "as", "com", "da",   "das",  "de",   "do",  "dos", "e",  "é",  "em", "na",
            "nas", "no", "nos", "o",  "os",  "para", "pela", "pelo", "por", "que", "se", "um", "uma"}},
    {"nl",
     {"de", "den", "der", "een", "en", "het", "in", "is", "met", "op", "te", "van", "voor", "zijn", "ze", "zich"}},
};
// ---- end of word lists ----------------------------------------------------

} // namespace

const std::vector<std::string_view>& stopwords_for(std::string_view language) {
    static const std::vector<std::string_view> k_none;
    const auto it = k_lists.find(language);
    return it == k_lists.end() ? k_none : it->second;
}

} // namespace oped::searcher
