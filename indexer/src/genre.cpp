#include <oped/indexer/genre.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/title.hpp>

#include <algorithm>
#include <map>

// The rules: each a clue on the page, the genre it votes for with its
// weight, and why the clue means that genre. A genre needs k_enough votes to
// be kept; below that an article is "other" (a blog post, a guide, a page of
// a kind no clue names).
//
// - schema.org OpinionNewsArticle: opinion, 3. The publisher's own statement.
// - schema.org AnalysisNewsArticle or BackgroundNewsArticle: analysis, 3. The
//   publisher's own statement.
// - schema.org ReviewNewsArticle or CriticReview: review, 3. The publisher's
//   own statement.
// - schema.org Review: review, 2. Also marks reviews quoted on other pages.
// - schema.org ReportageNewsArticle: news, 3. The publisher's own statement.
// - schema.org NewsArticle: news, 1. Many outlets mark every page so.
// - A label next to the headline (a kicker), or before ':' or '|' in a line
//   there or in the <h1>: its genre, 3. What the reader is told the piece is.
// - The section (articleSection, article:section): its genre, 3. Where the
//   outlet filed it.
// - A segment of the <title>: its genre, 2.5. "Opinion | Headline | Site".
// - "Filed under" or "Posted in" categories: its genre, 2. A blog's
//   categories, looser than a section.
// - A URL path folder (/opinion/, /letters/): its genre, 2. The outlet's
//   filing, though sometimes a whole site's.
// - As a label or a folder, one or two words and "reviews" ("Gear Reviews",
//   /gear-reviews/), unless customers' or users': review, as the label's
//   place weighs. Sections are named in the plural.
// - An editorial-board byline ("Editorial Board", "The Editors"): editorial,
//   4. The paper's own voice, no person.
// - The body opens "To the Editor" or "Dear Editor": letter, 4. A reader
//   writing in.
// - A news dateline ("WASHINGTON -") or a wire credit ("(AP)"): news, 2.5.
//   Reporting from a place or an agency.
// - "said", "says", "told" 8 or more times per 1,000 words: news, 2 (4 or
//   more: 1). Reporting quotes its sources.
// - "review" in the headline: review, 1.5. Could be a review of anything.
// - A headline naming its review, "review" last or before ':' or '|' ("Osprey Atmos
//   65L Review", "Review: ..."), not "A Review" or "2025 in Review": review,
//   2 (in place of the 1.5). A critic's review says so.
// - A ranking ("best", "top") its writer says was tested, in the headline or
//   first-person in the opening ("I tested 10 ...", "put to the test"):
//   review, 2. A tested buying guide gives a verdict.
// - The year's best works or what to stream ("The 21 best movies of 2017",
//   "10 movies to stream now"): review, 2. A critic's picks.
// - Rating or testing words with another review clue ("4 out of 5", "stars",
//   "we tested"): review, 1.
//
// Then: a page that is not an article is "other"; a letter or an editorial
// with enough votes wins over its umbrella, opinion (letters and editorials
// are filed under Opinion); analysis with enough votes wins over news (an
// analysis is a news outlet's piece with a reporter's byline); otherwise the
// most votes win, ties in the order of k_genres.

namespace oped::indexer {
namespace {

constexpr double k_enough = 2.0;

struct Label {
    std::string_view words; // as title_key writes them
    std::string_view genre;
};

// Labels outlets put on pieces, by genre. Matched whole (a kicker, a section,
// a segment), after title_key.
constexpr std::array k_labels = {
    Label{"letter", k_genre_letter},
    Label{"letters", k_genre_letter},
    Label{"letter to the editor", k_genre_letter},
    Label{"letters to the editor", k_genre_letter},
    Label{"letters to editor", k_genre_letter},
    Label{"your letters", k_genre_letter},
    Label{"readers letters", k_genre_letter},
    Label{"reader letters", k_genre_letter},
    Label{"letters from readers", k_genre_letter},
    Label{"readers write", k_genre_letter},
    Label{"mailbag", k_genre_letter},
    Label{"editorial", k_genre_editorial},
    Label{"editorials", k_genre_editorial},
    Label{"our view", k_genre_editorial},
    Label{"our views", k_genre_editorial},
    Label{"our opinion", k_genre_editorial},
    Label{"editorial board", k_genre_editorial},
    Label{"the editorial board", k_genre_editorial},
    Label{"lead editorial", k_genre_editorial},
    Label{"editorial opinion", k_genre_editorial},
    Label{"opinion", k_genre_opinion},
    Label{"opinions", k_genre_opinion},
    Label{"op ed", k_genre_opinion},
    Label{"op eds", k_genre_opinion},
    Label{"oped", k_genre_opinion},
    Label{"commentary", k_genre_opinion},
    Label{"column", k_genre_opinion},
    Label{"columns", k_genre_opinion},
    Label{"columnist", k_genre_opinion},
    Label{"columnists", k_genre_opinion},
    Label{"opinion columnist", k_genre_opinion},
    Label{"opinion column", k_genre_opinion},
    Label{"guest column", k_genre_opinion},
    Label{"guest columnist", k_genre_opinion},
    Label{"guest opinion", k_genre_opinion},
    Label{"guest commentary", k_genre_opinion},
    Label{"guest essay", k_genre_opinion},
    Label{"opinion contributor", k_genre_opinion},
    Label{"viewpoint", k_genre_opinion},
    Label{"viewpoints", k_genre_opinion},
    Label{"point of view", k_genre_opinion},
    Label{"my view", k_genre_opinion},
    Label{"my turn", k_genre_opinion},
    Label{"comment is free", k_genre_opinion},
    Label{"essay", k_genre_opinion},
    Label{"essays", k_genre_opinion},
    Label{"analysis", k_genre_analysis},
    Label{"news analysis", k_genre_analysis},
    Label{"explainer", k_genre_analysis},
    Label{"fact check", k_genre_analysis},
    Label{"review", k_genre_review},
    Label{"reviews", k_genre_review},
    Label{"book review", k_genre_review},
    Label{"book reviews", k_genre_review},
    Label{"film review", k_genre_review},
    Label{"movie review", k_genre_review},
    Label{"album review", k_genre_review},
    Label{"music review", k_genre_review},
    Label{"theatre review", k_genre_review},
    Label{"theater review", k_genre_review},
    Label{"restaurant review", k_genre_review},
    Label{"product review", k_genre_review},
    Label{"game review", k_genre_review},
    Label{"hands on", k_genre_review},
    Label{"news", k_genre_news},
    Label{"breaking news", k_genre_news},
    Label{"local news", k_genre_news},
    Label{"world news", k_genre_news},
    Label{"national news", k_genre_news},
};

struct UrlWord {
    std::string_view segment; // a whole path segment, lower case
    std::string_view genre;
};
constexpr std::array k_url_words = {
    UrlWord{"opinion", k_genre_opinion},
    UrlWord{"opinions", k_genre_opinion},
    UrlWord{"op-ed", k_genre_opinion},
    UrlWord{"op-eds", k_genre_opinion},
    UrlWord{"oped", k_genre_opinion},
    UrlWord{"commentary", k_genre_opinion},
    UrlWord{"columns", k_genre_opinion},
    UrlWord{"columnists", k_genre_opinion},
    UrlWord{"editorial", k_genre_editorial},
    UrlWord{"editorials", k_genre_editorial},
    UrlWord{"letters", k_genre_letter},
    UrlWord{"letters-to-the-editor", k_genre_letter},
    UrlWord{"letter-to-the-editor", k_genre_letter},
    UrlWord{"analysis", k_genre_analysis},
    UrlWord{"news-analysis", k_genre_analysis},
    UrlWord{"review", k_genre_review},
    UrlWord{"reviews", k_genre_review},
    UrlWord{"book-reviews", k_genre_review},
};

// Bylines that are the outlet speaking, not a person (title_key form).
constexpr std::array<std::string_view, 8> k_board_bylines = {"editorial board",   "the editors",  "editorial staff",
                                                             "editorial team",    "our view",     "board of editors",
                                                             "editorial writers", "the editorial"};

// How a reader's letter opens (title_key form).
constexpr std::array<std::string_view, 4> k_letter_openings = {"to the editor", "dear editor", "to the editors",
                                                               "letter to the editor"};

// News agencies credited at a story's start.
constexpr std::array<std::string_view, 7> k_wire_credits = {"(AP)",  "(Reuters)",   "(AFP)",           "(UPI)",
                                                            "(CNN)", "(Bloomberg)", "Associated Press"};

// Words of a review's verdict, looked for only when another clue says review.
constexpr std::array<std::string_view, 8> k_rating_words = {"out of 5", "out of five", "out of 10", "stars",
                                                            "verdict",  "we tested",   "hands-on",  "rating"};

// Whose reviews a section of reviews holds, when they are not a critic's.
constexpr std::array<std::string_view, 6> k_lay_reviewers = {"customer", "user",  "reader",
                                                             "readers",  "guest", "client"};

// "gear reviews", "video game reviews" (words split by `space`): a section
// named, as sections are, in the plural, of one to two words and "reviews".
// The singular is left out: "X Review" is as often a journal's name.
bool names_reviews_section(std::string_view key, char space) {
    constexpr std::string_view k_reviews = "reviews";
    if (key.size() <= k_reviews.size() + 1 || !key.ends_with(k_reviews)) return false;
    const std::string_view before = key.substr(0, key.size() - k_reviews.size());
    if (before.back() != space) return false;
    const std::string_view words = before.substr(0, before.size() - 1);
    if (std::count(words.begin(), words.end(), space) > 1) return false;
    const std::string_view first = words.substr(0, words.find(space));
    return std::find(k_lay_reviewers.begin(), k_lay_reviewers.end(), first) == k_lay_reviewers.end();
}

struct Vote {
    std::string_view genre;
    double weight;
    std::string source;
    std::string value;
};

bool type_named(std::string_view type, std::string_view name) {
    if (type.size() < name.size() || type.substr(type.size() - name.size()) != name) return false;
    if (type.size() == name.size()) return true;
    const char before = type[type.size() - name.size() - 1];
    return before == '/' || before == ':';
}

void schema_votes(const GenreClues& c, std::vector<Vote>& votes) {
    struct TypeRule {
        std::string_view type;
        std::string_view genre;
        double weight;
    };
    constexpr std::array k_type_rules = {
        TypeRule{"OpinionNewsArticle", k_genre_opinion, 3},
        TypeRule{"AnalysisNewsArticle", k_genre_analysis, 3},
        TypeRule{"BackgroundNewsArticle", k_genre_analysis, 3},
        TypeRule{"ReviewNewsArticle", k_genre_review, 3},
        TypeRule{"CriticReview", k_genre_review, 3},
        TypeRule{"Review", k_genre_review, 2},
        TypeRule{"ReportageNewsArticle", k_genre_news, 3},
        TypeRule{"NewsArticle", k_genre_news, 1},
    };
    for (const auto& rule : k_type_rules) {
        const bool named = std::any_of(c.schema_types.begin(), c.schema_types.end(),
                                       [&](const std::string& t) { return type_named(t, rule.type); });
        if (named) votes.push_back({rule.genre, rule.weight, "schema.org type", std::string(rule.type)});
    }
}

// The label a line of text starts with: the whole line, or its part before
// ':' or '|' ("Opinion: Headline", "REVIEW | Headline").
std::string_view label_before_colon(std::string_view line) {
    const auto cut = line.find_first_of(":|");
    if (cut == std::string_view::npos || cut == 0) return {};
    return genre_of_label(line.substr(0, cut));
}

void label_votes(const std::vector<std::string>& texts, std::string_view source, double weight, bool prefix_too,
                 std::vector<Vote>& votes) {
    std::vector<std::string_view> seen;
    for (const auto& text : texts) {
        std::string_view genre = genre_of_label(text);
        if (genre.empty() && prefix_too) genre = label_before_colon(text);
        if (genre.empty() || std::find(seen.begin(), seen.end(), genre) != seen.end()) continue;
        seen.push_back(genre);
        votes.push_back({genre, weight, std::string(source), text});
    }
}

bool contains_any(std::string_view text, const auto& needles) {
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return text.find(n) != std::string_view::npos; });
}

// "WASHINGTON —", "NEW YORK (AP) --", "LONDON, Dec. 5 –": a place in capitals
// at the very start, then a dash.
bool opens_with_dateline(std::string_view opening) {
    const std::string_view head = opening.substr(0, 80);
    std::size_t dash = std::string_view::npos;
    for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", " -- ", " - "}) {
        dash = std::min(dash, head.find(d));
    }
    if (dash == std::string_view::npos || dash < 3) return false;
    std::size_t capitals = 0;
    std::size_t i = 0;
    while (i < dash && ((head[i] >= 'A' && head[i] <= 'Z') || head[i] == ' ' || head[i] == '.')) {
        if (head[i] >= 'A' && head[i] <= 'Z') ++capitals;
        ++i;
    }
    // The place's capitals run to a comma, a credit or the dash.
    return capitals >= 3 && (i == dash || head[i] == ',' || head[i] == '(');
}

// The words of a title_key'd text, as views into it.
std::vector<std::string_view> words_of(std::string_view key) {
    std::vector<std::string_view> words;
    while (!key.empty()) {
        const auto space = key.find(' ');
        if (space != 0) words.push_back(key.substr(0, space));
        if (space == std::string_view::npos) break;
        key.remove_prefix(space + 1);
    }
    return words;
}

bool among(std::string_view word, const auto& list) { return std::find(list.begin(), list.end(), word) != list.end(); }

// Words before "review" that make it no critic's: "A Review" and "a
// systematic review" are papers, "2025 in Review" a look back.
constexpr std::array<std::string_view, 11> k_not_a_critics_review = {
    "a", "an", "the", "in", "systematic", "literature", "narrative", "scoping", "critical", "peer", "annual"};

// "Osprey Atmos 65L Review", "Xbox One X review: a console that keeps up",
// "Review: ...": the headline says it is a review of the thing it names, with
// "review" last or just before a colon or bar.
bool names_its_review(std::string_view headline) {
    const std::string lower = text::ascii_lower(headline);
    constexpr std::string_view k_review = "review";
    auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); };
    for (auto at = lower.find(k_review); at != std::string::npos; at = lower.find(k_review, at + 1)) {
        if (at > 0 && is_letter(lower[at - 1])) continue;
        std::size_t after = at + k_review.size();
        while (after < lower.size() && lower[after] == ' ') ++after;
        if (after < lower.size() && lower[after] != ':' && lower[after] != '|') continue;
        const std::string before_key = title_key(lower.substr(0, at));
        const std::vector<std::string_view> before = words_of(before_key);
        if (before.empty() || !among(before.back(), k_not_a_critics_review)) return true;
    }
    return false;
}

// A tester's words: in the headline, or first-person in the opening.
constexpr std::array<std::string_view, 4> k_tested_headline = {" tested ", " to the test ", " hands on ", " we tried "};
constexpr std::array<std::string_view, 7> k_tested_opening = {
    "i tested", "we tested", "ive tested", "weve tested", "i have tested", "we have tested", "personally tested"};

// "The 5 Best French Presses, I Put 17 to the Test", "I Tested 10 Top Rated
// Standing Desks": a ranking ("best", "top") that its writer says was tested
// is a tested buying guide, which gives a verdict; an untested one is a
// shopping guide. `title` is the headline's title_key, padded with spaces.
bool tested_ranking(std::string_view title, std::string_view opening) {
    if (title.find(" best ") == std::string_view::npos && title.find(" top ") == std::string_view::npos) return false;
    if (contains_any(title, k_tested_headline)) return true;
    return contains_any(title_key(text::head_of(opening, 400)), k_tested_opening);
}

// Works a critic picks from.
constexpr std::array<std::string_view, 12> k_works = {"movies", "films",    "books",   "novels",
                                                      "albums", "songs",    "games",   "shows",
                                                      "series", "podcasts", "records", "documentaries"};
// What a reader does with a work.
constexpr std::array<std::string_view, 6> k_work_verbs = {"stream", "watch", "read", "play", "binge", "hear"};

bool a_year(std::string_view word) {
    return word.size() == 4 && (word.starts_with("19") || word.starts_with("20")) &&
           std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// "The 21 best movies of 2017", "The Best Board Games of 2025", "10 movies to
// stream now": a critic's picks of works, the year's best or what to watch,
// each pick with a verdict. An all-time list ("Best Books Ever") is as often
// readers' votes, and is left out.
bool critics_picks(std::string_view title) {
    const std::vector<std::string_view> words = words_of(title);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!among(words[i], k_works)) continue;
        const bool to_verb = i + 2 < words.size() && words[i + 1] == "to" && among(words[i + 2], k_work_verbs);
        if (to_verb) return true;
        bool best_before = false;
        for (std::size_t j = i >= 3 ? i - 3 : 0; j < i; ++j) best_before = best_before || words[j] == "best";
        const bool of_a_year =
            i + 2 < words.size() && words[i + 1] == "of" &&
            (a_year(words[i + 2]) || (words[i + 2] == "the" && i + 3 < words.size() && words[i + 3] == "year"));
        if (best_before && of_a_year) return true;
    }
    return false;
}

void text_votes(const GenreClues& c, std::vector<Vote>& votes) {
    for (const auto& byline : c.bylines) {
        const std::string key = title_key(byline);
        if (contains_any(key, k_board_bylines)) {
            votes.push_back({k_genre_editorial, 4, "byline of the outlet's board", byline});
            break;
        }
    }
    const std::string opening_key = title_key(text::head_of(c.opening, 60));
    for (std::string_view opening : k_letter_openings) {
        if (opening_key.starts_with(opening)) {
            votes.push_back({k_genre_letter, 4, "a letter's opening", text::head_of(c.opening, 40)});
            break;
        }
    }
    const std::string head = text::head_of(c.opening, 160);
    if (opens_with_dateline(c.opening)) {
        votes.push_back({k_genre_news, 2.5, "news dateline", text::head_of(head, 40)});
    } else if (contains_any(head, k_wire_credits)) {
        votes.push_back({k_genre_news, 2.5, "wire credit", text::head_of(head, 40)});
    }
    if (c.said_rate >= 8) {
        votes.push_back({k_genre_news, 2, "reporting verbs", std::to_string(c.said_rate) + " per 1,000 words"});
    } else if (c.said_rate >= 4) {
        votes.push_back({k_genre_news, 1, "reporting verbs", std::to_string(c.said_rate) + " per 1,000 words"});
    }
    const std::string title = " " + title_key(c.title) + " ";
    const bool review_title = title.find(" review ") != std::string::npos;
    if (review_title && names_its_review(c.title)) {
        votes.push_back({k_genre_review, 2, "a headline naming its review", c.title});
    } else if (review_title) {
        votes.push_back({k_genre_review, 1.5, "review in the headline", c.title});
    }
    if (tested_ranking(title, c.opening)) {
        votes.push_back({k_genre_review, 2, "a ranking its writer tested", c.title});
    }
    if (critics_picks(title)) votes.push_back({k_genre_review, 2, "a critic's picks of works", c.title});
    const bool review_clue = review_title || std::any_of(votes.begin(), votes.end(),
                                                         [](const Vote& v) { return v.genre == k_genre_review; });
    if (review_clue && (contains_any(text::ascii_lower(c.opening), k_rating_words) ||
                        contains_any(text::ascii_lower(c.title), k_rating_words))) {
        votes.push_back({k_genre_review, 1, "rating or testing words", ""});
    }
}

std::vector<Vote> gather_votes(const GenreClues& c) {
    std::vector<Vote> votes;
    schema_votes(c, votes);
    label_votes(c.kickers, "label beside the headline", 3, true, votes);
    label_votes(c.sections, "section", 3, false, votes);
    label_votes(c.title_segments, "<title> segment", 2.5, false, votes);
    label_votes(c.categories, "filed under", 2, false, votes);
    if (auto g = genre_of_url(c.url); !g.empty()) votes.push_back({g, 2, "URL path", c.url});
    text_votes(c, votes);
    return votes;
}

} // namespace

std::string_view genre_of_label(std::string_view label) {
    if (label.size() > 60) return {};
    const std::string key = title_key(label);
    for (const auto& l : k_labels) {
        if (key == l.words) return l.genre;
    }
    if (names_reviews_section(key, ' ')) return k_genre_review;
    return {};
}

std::string_view genre_of_url(std::string_view url) {
    std::string_view path = url;
    if (const auto scheme = path.find("://"); scheme != std::string_view::npos) {
        path.remove_prefix(scheme + 3);
        const auto slash = path.find('/');
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    path = path.substr(0, path.find_first_of("?#"));
    // Every segment but the last (the page's own slug), unless the path ends
    // in '/' and so names a folder.
    std::string_view genre;
    while (!path.empty()) {
        path.remove_prefix(1);
        const auto end = path.find('/');
        if (end == std::string_view::npos) break;
        const std::string segment = text::ascii_lower(path.substr(0, end));
        // A deeper folder is the more specific: /opinion/letters/ is letters.
        for (const auto& w : k_url_words) {
            if (segment == w.segment) genre = w.genre;
        }
        if (names_reviews_section(segment, '-')) genre = k_genre_review;
        path.remove_prefix(end);
    }
    return genre;
}

std::string pick_genre(const GenreClues& clues, Explanation* explain) {
    if (!clues.is_article) {
        explain_choose(explain, "genre", std::string(k_genre_other), "the page is not an article");
        return std::string(k_genre_other);
    }
    const std::vector<Vote> votes = gather_votes(clues);
    std::map<std::string_view, double> score;
    for (const auto& v : votes) {
        score[v.genre] += v.weight;
        explain_add(explain, "genre", Candidate{std::string(v.genre), v.source, v.weight, v.value});
    }
    auto enough = [&](std::string_view g) { return score[g] >= k_enough; };
    std::string_view chosen;
    std::string reason;
    if (enough(k_genre_letter)) {
        chosen = k_genre_letter;
        reason = "a letter wins over its umbrella, opinion";
    } else if (enough(k_genre_editorial)) {
        chosen = k_genre_editorial;
        reason = "an editorial wins over its umbrella, opinion";
    } else {
        if (enough(k_genre_analysis)) score[k_genre_news] = 0;
        double best = 0;
        for (std::string_view g : k_genres) {
            if (score[g] > best) {
                best = score[g];
                chosen = g;
            }
        }
        if (best < k_enough) {
            chosen = k_genre_other;
            reason = "no genre has votes enough";
        } else {
            reason = "the most votes";
        }
    }
    explain_choose(explain, "genre", std::string(chosen), reason);
    return std::string(chosen);
}

} // namespace oped::indexer
