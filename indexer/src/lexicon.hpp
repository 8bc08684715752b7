#pragma once

// The words extraction looks for in a page's text, for every language it
// reads, in one place: lower case, compared case-folded. Add a language's
// words here, beside the English ones. (Month names are in dates.cpp, and the
// byline words of authors.cpp are still there.)

#include <array>
#include <string_view>

namespace oped::indexer::lexicon {

using namespace std::string_view_literals;

// ---- body_trim.cpp: the end of an article ----

// Lines that close an article's text and open what follows it: calls to
// action, author boxes, share and comment prompts.
inline constexpr std::string_view k_tail_openers[] = {
    "sign up",        "subscribe",         "join our",    "join medium",    "follow us",         "follow me",
    "share this",     "share on",          "posted by",   "written by",     "about the author",  "leave a comment",
    "post a comment", "what do you think", "related",     "you might like", "you may also like", "more from",
    "read more",      "read next",         "recommended", "pin this",       "pin for later",     "newsletter",
    "get started",    "talk to",           "request a",   "abonnez-vous",   "inscrivez-vous",    "partager",
    "suscríbete",     "compartir",         "abonnieren",  "teilen",         "lesen sie auch",    "lire aussi",
    "leia também"};
// Words of an affiliate disclosure ("This post contains affiliate links",
// "Purchases made through our links may earn us a commission").
inline constexpr std::string_view k_affiliate_words[] = {"affiliate link"};
inline constexpr std::string_view k_commission_words[] = {"commission", "compensation"};
inline constexpr std::string_view k_purchase_words[] = {"through our link", "through my link", "through these link",
                                                        "through links", "through the link"};

// ---- date_lines.cpp: labels of a shown date ----

// Folded words that label a date as a revision or as the publication, in the
// languages dates.cpp reads month names of. Matched as prefixes of a line's
// words, so "updated" and "update" are one entry.
inline constexpr std::array<std::string_view, 15> k_updated_words{
    "updat",    "modifi",    "revised",    "edited",  "reviewed", "mis à jour",    "actualiz",     "aktualisiert",
    "geändert", "aggiornat", "bijgewerkt", "atualiz", "upraveno", "aktualizováno", "last changed",
};
inline constexpr std::array<std::string_view, 12> k_published_words{
    "publish",   "posted",       "publié",     "publicad",    "publicat",   "veröffentlicht",
    "pubblicat", "gepubliceerd", "erschienen", "publikováno", "written on", "released",
};

// ---- page_signals.cpp: byline lines ----

// What a short byline line starts with ("By Jane Doe", "Written by Jane
// Doe"), and labels that stand alone before the name's element.
inline constexpr std::string_view k_by_line_starts[] = {
    "by ", "written by ", "words by ", "story by ", "author: ", "authored by ", "posted by ", "par ", "por ", "von "};
inline constexpr std::string_view k_by_labels[] = {"by",        "written by", "author",      "authored by", "words by",
                                                   "posted by", "author:",    "written by:", "auteur",      "autor",
                                                   "par",       "por",        "von"};

// ---- page_type_signals.cpp: words that tell an article from other pages ----

// "Add to cart" and its kin, lower case, matched inside a button's or a
// link's text.
inline constexpr std::array k_cart_phrases = {
    "add to cart"sv,      "add to basket"sv,         "add to bag"sv,        "buy now"sv,
    "in den warenkorb"sv, "ajouter au panier"sv,     "añadir al carrito"sv, "aggiungi al carrello"sv,
    "in winkelwagen"sv,   "adicionar ao carrinho"sv,
};
// Words counted in the extracted body, lower case.
inline constexpr std::array k_we_words = {"we"sv,       "our"sv,     "us"sv,      "ours"sv,    "we're"sv, "we’re"sv,
                                          "nous"sv,     "notre"sv,   "nos"sv,     "wir"sv,     "unser"sv, "unsere"sv,
                                          "nosotros"sv, "nuestro"sv, "nuestra"sv, "nuestros"sv};
inline constexpr std::array k_you_words = {"you"sv, "your"sv, "yours"sv, "you're"sv, "you’re"sv, "vous"sv, "votre"sv,
                                           "vos"sv, "sie"sv,  "ihr"sv,   "ihre"sv,   "usted"sv,  "tu"sv,   "su"sv};
inline constexpr std::array k_said_words = {"said"sv,  "says"sv, "told"sv, "according"sv, "dit"sv,  "déclaré"sv,
                                            "sagte"sv, "sagt"sv, "dijo"sv, "afirmó"sv,    "disse"sv};

// ---- title.cpp: headline kickers and labels ----

// Kickers and labels that news sites set before or after a headline
// ("WATCH: ...", "Opinion | ...", "... | Analysis"): compared case-folded.
inline constexpr std::array<std::string_view, 44> k_title_labels{
    "opinion",       "analysis",   "watch",     "video",       "videos",    "listen",
    "audio",         "podcast",    "photos",    "gallery",     "exclusive", "breaking",
    "breaking news", "live",       "update",    "updated",     "editorial", "commentary",
    "column",        "review",     "blog",      "news",        "interview", "explainer",
    "sponsored",     "op ed",      "letters",   "perspective", "feature",   "guest column",
    "essay",         "fact check", "meinung",   "kommentar",   "opinión",   "opinion columns",
    "tribune",       "éditorial",  "chronique", "análisis",    "opinião",   "opinione",
    "commento",      "recensione"};

} // namespace oped::indexer::lexicon
