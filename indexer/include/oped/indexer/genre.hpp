#pragma once

// What kind of writing an article is: a column or op-ed ("opinion"), the
// outlet's own voice ("editorial"), a letter to the editor ("letter"),
// "analysis", "news", a "review", or "other" (blog posts, guides, pages that
// are not articles). The clues are gathered while the metadata and the page
// type are read (no walk of their own); pick_genre weighs them with one list
// of rules (genre.cpp), each with its reason.

#include <oped/indexer/evidence.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace oped::indexer {

inline constexpr std::string_view k_genre_opinion = "opinion";
inline constexpr std::string_view k_genre_editorial = "editorial";
inline constexpr std::string_view k_genre_letter = "letter";
inline constexpr std::string_view k_genre_analysis = "analysis";
inline constexpr std::string_view k_genre_news = "news";
inline constexpr std::string_view k_genre_review = "review";
inline constexpr std::string_view k_genre_other = "other";
// Every genre, in the order ties are broken.
inline constexpr std::array<std::string_view, 7> k_genres = {
    k_genre_letter, k_genre_editorial, k_genre_opinion, k_genre_review, k_genre_analysis, k_genre_news, k_genre_other};

// What a page says about its genre. Nothing here is a decision.
struct GenreClues {
    std::vector<std::string> schema_types;   // schema.org @type and itemtype values, as written
    std::vector<std::string> sections;       // the article's section, and section metas
    std::vector<std::string> title_segments; // the <title>'s segments ("Opinion | Headline | Site")
    std::vector<std::string> kickers;        // short lines just above or below the headline
    std::vector<std::string> categories;     // "Filed under X, Y", "Posted in X": X and Y
    std::vector<std::string> bylines;        // bylines and declared authors as written ("By the Editorial Board")
    std::vector<std::string> authors;        // the people the page is by (extraction's authors)
    std::string site;                        // the outlet
    std::string url;                         // the canonical URL, else the source path
    std::string title;                       // the headline
    std::string opening;                     // the body's first few hundred bytes
    double said_rate = 0;                    // "said", "says", "told" per 1,000 words of the body
    bool is_article = true;                  // the page type is article
};

// The genre a short label names: "Letters to the Editor" -> letter, "Op-Ed"
// -> opinion, "News Analysis" -> analysis; empty when it names none.
std::string_view genre_of_label(std::string_view label);

// The genre a URL's path segments name (/opinion/, /letters/, /reviews/);
// empty when none does.
std::string_view genre_of_url(std::string_view url);

// One of k_genres. With `explain`, records every rule that fired under the
// field "genre", and why the genre kept won.
std::string pick_genre(const GenreClues& clues, Explanation* explain = nullptr);

} // namespace oped::indexer
