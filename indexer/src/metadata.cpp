#include <oped/indexer/metadata.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/authors.hpp>
#include <oped/indexer/date_lines.hpp>
#include <oped/indexer/dates.hpp>
#include <oped/indexer/page_signals.hpp>
#include <oped/indexer/revisions.hpp>
#include <oped/indexer/tags.hpp>
#include <oped/indexer/title.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>

// Order of precedence, field by field. The first source that gives a usable
// value wins; "usable" means non-empty after cleaning (a date must parse, an
// author must read as a name, a URL must be absolute).
//
// | field       | sources, highest first                                               |
// |-------------|----------------------------------------------------------------------|
// | title       | one pipeline for every candidate (title.hpp, choose_title): the meta  |
// |             | titles (JSON-LD article headline/name, dc:title, dcterms:title,      |
// |             | og:title, title, twitter:title, parsely-title, sailthru:title,       |
// |             | parsely-page title, microdata headline, <title>) each lose site and  |
// |             | section segments at any separator (confirmed by an <h1>, or naming   |
// |             | og:site_name / application-name / JSON-LD publisher / the domain)    |
// |             | and kickers ("WATCH:", "Opinion |", the section before a colon);     |
// |             | one cut short with "…" or equal to the site's name is dropped; a     |
// |             | segment that is a host name ("Example.com") names a site. The        |
// |             | visible <h1> (cleaned the same way, less a date line, a linked host  |
// |             | and count or a standfirst around a meta title it holds; a hidden     |
// |             | <h1> is only a lesser heading) wins when a meta title confirms it    |
// |             | (harmonic mean of the shares of words each has of the other >= 0.4), |
// |             | when the page marks it as the headline (class "entry-title",         |
// |             | "headline"...; three words or more) or when there is no meta title;  |
// |             | else the first meta title.                                           |
// |             | " :: " is one separator among many (Outlet :: Section :: Title is a  |
// |             | common CMS pattern, not only the demo corpus's).                     |
// | authors     | the first source that names a person: JSON-LD article author (Person;|
// |             | string; array; a name given as a list; an Organization beside a     |
// |             | Person dropped; a WebPage's author when the article names none);     |
// |             | meta dc:creator, dcterms:creator, author,                            |
// |             | article:author and og:article:author (not URLs), parsely-author,     |
// |             | sailthru:author, byl, citation_author, article:author_name;          |
// |             | parsely-page JSON author; twitter:label "Written by" + twitter:data; |
// |             | microdata author; strong visible bylines (rel=author, itemprop=      |
// |             | author, class/id byline); short "By ..." lines and a lone "Written   |
// |             | by" label with the next element (after the first <h1>, nearest      |
// |             | first); links to author pages (/author/, /writer/, /by/); a byline   |
// |             | in the lines of text next to the headline (authors.cpp,              |
// |             | byline_near_headline: "date by A", "A | Role | date", a name alone   |
// |             | beside a date line); weak bylines (class/id author);                 |
// |             | end-of-article bio. A visible byline                                 |
// |             | needs a two-word name, unless a marked element (byline or author     |
// |             | class, rel=author, author link) holds one word alone. The outlet's   |
// |             | own name and Organization authors stand only when no person is       |
// |             | named; last,                                                         |
// |             | an article:author URL's last path segment. A byline in the lines     |
// |             | of text within two lines under the headline ("By A", "A | date")     |
// |             | beats a declared author (JSON-LD, meta, parsely, twitter) it does    |
// |             | not name: that one is the account that posted the page. A "By" line  |
// |             | there also beats a byline element or author link naming another.     |
// | published   | scored, not first-wins (pick_published). Declared: JSON-LD article   |
// |             | datePublished; meta article:published_time,                          |
// |             | og:article:published_time, article:published, published_time,        |
// |             | parsely-pub-date, dc:date:issued, dcterms:issued, dcterms:created,   |
// |             | dc:date:created, dc:date, dcterms:date, citation_publication_date,   |
// |             | citation_date, citation_online_date, prism:publicationdate,         |
// |             | datepublished, date, pubdate, publishdate, publish-date,             |
// |             | publish_date, publication_date, date_published, displaydate,         |
// |             | sailthru:date, pdate, published-date, published; parsely-page        |
// |             | pub_date; microdata datePublished; JSON-LD dateCreated; JSON-LD      |
// |             | WebPage datePublished; <time pubdate> or <time> marked published --   |
// |             | weighed against the dates shown near the headline (the <h1>, or a    |
// |             | line showing the chosen title) or byline (date_lines:                |
// |             | a date labelled "Published" there wins, the shown day corrects a UTC |
// |             | stamp on the day after it; an earlier unlabelled shown date beats a  |
// |             | declared publication on the declared revision day, a re-save) and    |
// |             | the date in the canonical URL's path (/YYYY/MM/DD/, /YYYYMMDD/,      |
// |             | /YYYY/oct/DD/);                                                      |
// |             | last resorts: a dateline element, the first <time>, a month or year  |
// |             | alone (kept as "YYYY-MM" / "YYYY")                                    |
// | modified    | JSON-LD dateModified; meta article:modified_time, og:updated_time,   |
// |             | article:modified, dcterms:modified, dc:date:modified, datemodified,  |
// |             | last-modified, modified, modified-date; microdata dateModified       |
// | updated     | revisions.cpp, pick_updated: a date labelled "Updated" shown near    |
// |             | the headline or byline, else the modified date above, kept only when |
// |             | a day or more after the publication                                  |
// | corrections | revisions.cpp: visible lines (then body paragraphs, extract.cpp)     |
// |             | opening "Correction:", "An earlier version of this article ...",     |
// |             | "This story has been updated/corrected ...", an editor's note about  |
// |             | a correction; in comments and footers only the sentence forms        |
// | site        | og:site_name; JSON-LD publisher name; application-name; dc:publisher;|
// |             | the canonical URL's host without "www."                              |
// | section     | JSON-LD articleSection; article:section; parsely-section; section;   |
// |             | category                                                             |
// | tags        | article:tag (every one); JSON-LD keywords; parsely-tags;             |
// |             | parsely-page tags; news_keywords; keywords                           |
// |             | (tags.hpp: no years, outlet name or lone headline words)             |
// | description | og:description; description; JSON-LD description;                   |
// |             | twitter:description; dc:description                                  |
// | language    | <html lang>; content-language (http-equiv or name); language;       |
// |             | dc:language; og:locale; JSON-LD inLanguage                           |
// | url         | <link rel=canonical>; og:url; JSON-LD url/mainEntityOfPage;          |
// |             | parsely-link (absolute http(s) only)                                 |

namespace oped::indexer {
namespace {

constexpr std::size_t k_max_tags = 30;
// Longer "site names" are headlines put in the wrong tag.
constexpr std::size_t k_max_site_name_words = 6;

std::string first_meta(const PageSignals& s, std::initializer_list<std::string_view> keys) {
    for (auto k : keys) {
        std::string v = s.meta(k);
        if (!v.empty()) return v;
    }
    return {};
}

bool is_url(std::string_view v) {
    return text::starts_with_icase(v, "http://") || text::starts_with_icase(v, "https://") || v.starts_with("//") ||
           text::starts_with_icase(v, "www.");
}

bool is_absolute_http(std::string_view v) {
    return text::starts_with_icase(v, "http://") || text::starts_with_icase(v, "https://");
}

nlohmann::json parsely_page(const PageSignals& s) {
    if (s.parsely_page.empty()) return nlohmann::json::object();
    auto j = nlohmann::json::parse(s.parsely_page, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

std::string json_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? text::collapse_space(it->get<std::string>()) : std::string();
}

const JsonLdArticle* first_article(const PageSignals& s) {
    for (const auto& a : s.jsonld) {
        if (a.is_article) return &a;
    }
    return nullptr;
}

std::string host_of(std::string_view url) {
    auto start = url.find("://");
    if (start == std::string_view::npos) return {};
    start += 3;
    auto end = url.find_first_of("/:?#", start);
    std::string host =
        text::ascii_lower(url.substr(start, end == std::string_view::npos ? url.size() - start : end - start));
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

// Letters and digits only, lower case: "Independent Journal" and
// "independent-journal" both become "independentjournal".
std::string squeezed(std::string_view s) {
    std::string out;
    for (char c : title_key(s)) {
        if (c != ' ') out.push_back(c);
    }
    if (out.rfind("the", 0) == 0 && out.size() > 3) out.erase(0, 3);
    return out;
}

// The name a host is registered under, as words: "blogs.the-rambler.example"
// gives "the rambler".
std::string host_label(const std::string& host) {
    const auto labels_end = host.rfind('.');
    if (labels_end == std::string::npos || labels_end == 0) return {};
    auto label_start = host.rfind('.', labels_end - 1);
    label_start = label_start == std::string::npos ? 0 : label_start + 1;
    std::string label = host.substr(label_start, labels_end - label_start);
    std::replace(label.begin(), label.end(), '-', ' ');
    return label;
}

// The outlet as the page declares it, or empty.
std::string declared_site(const PageSignals& s) {
    if (auto v = s.meta("og:site_name"); !v.empty()) return v;
    for (const auto& a : s.jsonld) {
        if (!a.site.empty()) return a.site;
    }
    return first_meta(s, {"application-name", "dc:publisher", "dcterms:publisher"});
}

// A segment of <title>, outside the headline, that spells the domain's name
// ("Independent Journal :: Opinion :: Headline" on
// independent-journal.example): the outlet's own name, better than a host.
std::string site_from_title(const PageSignals& s, const std::string& host, const std::string& headline) {
    const std::string label = squeezed(host_label(host));
    if (label.size() < 5) return {};
    std::vector<std::string> headline_keys;
    for (const auto& part : title_segments(headline)) headline_keys.push_back(title_key(part));
    for (const auto& segment : title_segments(s.title)) {
        const std::string segment_key = title_key(segment);
        if (segment_key.empty() ||
            std::find(headline_keys.begin(), headline_keys.end(), segment_key) != headline_keys.end()) {
            continue;
        }
        const std::string key = squeezed(segment);
        if (key.size() >= 5 && (label.find(key) != std::string::npos || key.find(label) != std::string::npos)) {
            return segment;
        }
    }
    return {};
}

// ---- title -----------------------------------------------------------------

std::string jsonld_title(const JsonLdArticle& a, const PageSignals& s) {
    if (!a.headline.empty() && !a.name.empty() && a.headline != a.name) {
        // Some pages put the outlet or a summary in one of the two: keep the
        // headline when the page's other titles (<title>, og:title, <h1>)
        // agree with it and not with the name, or when the name is the
        // outlet's; else the name (schema.org's name is the item's title;
        // headline may be a tagline, as Wikipedia's is).
        std::vector<std::string> others{s.title, s.meta("og:title")};
        others.insert(others.end(), s.h1s.begin(), s.h1s.end());
        auto agrees = [&](const std::string& candidate) {
            for (const auto& o : others) {
                if (!o.empty() && title_similarity(candidate, o) > 0.75) return true;
            }
            return false;
        };
        const bool name_is_site =
            title_key(a.name) == title_key(a.site) || title_key(a.name) == title_key(s.meta("og:site_name"));
        const bool name_matches = !name_is_site && agrees(a.name);
        return agrees(a.headline) && !name_matches ? a.headline : a.name;
    }
    return a.headline.empty() ? a.name : a.headline;
}

std::string pick_title(const PageSignals& s, const std::string& site, const std::string& url_hint,
                       const std::string& section, Explanation* explain) {
    TitleInputs in;
    if (const JsonLdArticle* a = first_article(s)) in.metas.push_back({"JSON-LD headline", jsonld_title(*a, s)});
    for (std::string_view key :
         {"dc:title", "dcterms:title", "og:title", "title", "twitter:title", "parsely-title", "sailthru:title"}) {
        in.metas.push_back({std::string(key), s.meta(key)});
    }
    in.metas.push_back({"parsely-page title", json_string(parsely_page(s), "title")});
    for (const auto& h : s.microdata_headlines) in.metas.push_back({"microdata headline", h});
    in.metas.push_back({"<title>", s.title});
    in.h1s = s.h1s;
    in.marked_h1s = s.headline_h1s;
    in.headings = s.headings;
    // An outlet's name is short: a page that puts its headline in
    // application-name or og:site_name is not naming itself, and taking it
    // for the site would drop the headline everywhere.
    auto add_site = [&](const std::string& name) {
        if (word_count(text::collapse_space(name)) <= k_max_site_name_words) in.site_names.push_back(name);
    };
    for (const std::string& name : {site, s.meta("og:site_name"), s.meta("application-name")}) add_site(name);
    for (const auto& a : s.jsonld) add_site(a.site);
    // The domain's name is a site name too ("the-rambler" names "The
    // Rambler Archive").
    in.site_names.push_back(host_label(host_of(url_hint)));
    in.section = section;
    return choose_title(in, explain);
}

// ---- authors ---------------------------------------------------------------

std::vector<std::string> names_from(const std::vector<std::string>& raws) {
    std::vector<std::string> out;
    for (const auto& r : raws) merge_authors(out, split_byline(r));
    return out;
}

// A visible byline counts when it holds at least one name that reads as a
// person's; "Follow" does not. A single word ("jdoe", "Newsdesk") stands
// when it is all the byline holds and the element is marked as one (a
// byline or author class, rel=author, a link to an author page): user
// names and desks sign that way.
std::vector<std::string> first_byline(const std::vector<std::string>& candidates, bool marked = false) {
    for (const auto& c : candidates) {
        auto names = split_byline(c);
        const bool alone = marked && names.size() == 1;
        names.erase(std::remove_if(names.begin(), names.end(),
                                   [&](const std::string& n) { return !is_name_like(n) && !alone; }),
                    names.end());
        if (!names.empty()) return names;
    }
    return {};
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
}

// A name compared with outlets: author_key without a leading "the".
std::string outlet_key(std::string_view name) {
    std::string key = author_key(name);
    if (key.starts_with("the ")) key.erase(0, 4);
    return key;
}

// "Brian Truitt USA TODAY", "Corti Joakim Edin": the outlet's name run into
// a byline, after the name or before it, goes.
std::string without_outlet(const std::string& name, const std::vector<std::string>& outlet_keys) {
    const std::string key = author_key(name);
    const std::vector<std::string> words = split_words(name);
    for (const auto& outlet : outlet_keys) {
        if (outlet.empty() || key.size() <= outlet.size() + 1) continue;
        const bool after = key.ends_with(" " + outlet);
        if (!after && !key.starts_with(outlet + " ")) continue;
        // Drop as many words as the outlet has, at its end of the name.
        const auto outlet_words = static_cast<std::size_t>(std::count(outlet.begin(), outlet.end(), ' ') + 1);
        if (words.size() <= outlet_words + 1) continue;
        const auto first = after ? words.begin() : words.begin() + static_cast<std::ptrdiff_t>(outlet_words);
        const auto last = after ? words.end() - static_cast<std::ptrdiff_t>(outlet_words) : words.end();
        std::string out;
        for (auto w = first; w != last; ++w) out += (out.empty() ? "" : " ") + *w;
        // Before the name only a person's name is left: "Flatworld Solutions
        // Editorial Team" is the outlet's desk, and keeps its name.
        if (!after && names_a_role(out)) continue;
        if (author_key(out).size() + outlet.size() + 1 == key.size()) return normalise_author(out);
    }
    return name;
}

// Lines in the order they are likely the article's byline: those after the
// first <h1>, nearest first, then those before it, nearest first (a byline
// sits next to its headline; others belong to teasers).
std::vector<std::string> near_headline(const std::vector<std::string>& lines, const std::vector<std::size_t>& positions,
                                       std::size_t h1) {
    std::vector<std::size_t> order(lines.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const bool x_after = positions[x] >= h1;
        const bool y_after = positions[y] >= h1;
        if (x_after != y_after) return x_after;
        return x_after ? positions[x] < positions[y] : positions[x] > positions[y];
    });
    std::vector<std::string> out;
    out.reserve(order.size());
    for (std::size_t k : order) out.push_back(lines[k]);
    return out;
}

// twitter:label1 "Written by" with twitter:data1 "Jane Doe" (Slack's
// unfurl fields, which many publishing systems fill).
std::vector<std::string> twitter_written_by(const PageSignals& s) {
    std::vector<std::string> out;
    for (int k = 1; k <= 4; ++k) {
        const std::string label = text::fold_case(s.meta("twitter:label" + std::to_string(k)));
        if (label == "written by" || label == "author" || label == "by") {
            out.push_back(s.meta("twitter:data" + std::to_string(k)));
        }
    }
    return out;
}

// How far under the headline a byline overrides a declared author.
constexpr std::size_t k_shown_byline_reach = 2;

// True when the two lists name one author in common.
bool shares_author(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const auto& x : a) {
        for (const auto& y : b) {
            if (author_key(x) == author_key(y)) return true;
        }
    }
    return false;
}

// True for the sources of authors that are bylines a reader sees (not
// metadata, not a bio).
bool shows_byline(std::string_view source) {
    return source == "byline element" || source == "By line" || source == "author page link" ||
           source.starts_with("line next to the headline") || source == "author-named element";
}

// Authors, one source after another (see the table at the top). A source
// counts when it names a person; the outlet itself, an Organization author
// and the like are kept aside and used only when no source names anyone
// else. Every source tried is recorded in `explain` with its rank as score.
std::vector<std::string> pick_authors(const PageSignals& s, const std::string& site, const std::string& title,
                                      const std::vector<TextLine>& lines, Explanation* explain) {
    // The article's author; when the article names none, the first other
    // page-describing object that does (a WebPage or a second article part).
    const JsonLdArticle* a = first_article(s);
    if (a == nullptr || a->authors.empty()) {
        for (const auto& j : s.jsonld) {
            if (!j.authors.empty()) {
                a = &j;
                break;
            }
        }
    }
    std::vector<std::string> weak; // outlets standing in for an author
    std::string weak_source;
    double rank = 100;
    std::vector<std::string> chosen;
    std::string chosen_source;
    // The outlet's names: the site, the JSON-LD publishers, and the
    // Organization authors.
    std::vector<std::string> outlet_keys;
    for (const std::string& name : {site, s.meta("og:site_name")}) {
        if (!outlet_key(name).empty()) outlet_keys.push_back(outlet_key(name));
    }
    for (const auto& j : s.jsonld) {
        if (!outlet_key(j.site).empty()) outlet_keys.push_back(outlet_key(j.site));
        if (j.authors_are_organisations) {
            for (const auto& name : j.authors) {
                if (!outlet_key(name).empty()) outlet_keys.push_back(outlet_key(name));
            }
        }
    }
    // Tries one source; true when it named a person.
    auto offer = [&](const std::string& source, const std::vector<std::string>& names, bool organisation = false) {
        rank -= 1;
        if (!chosen.empty() || names.empty()) return !chosen.empty();
        std::vector<std::string> people;
        std::vector<std::string> outlets;
        for (const auto& n : names) {
            const std::string key = outlet_key(n);
            const bool is_outlet =
                organisation || std::find(outlet_keys.begin(), outlet_keys.end(), key) != outlet_keys.end();
            (is_outlet ? outlets : people).push_back(is_outlet ? n : without_outlet(n, outlet_keys));
        }
        if (!outlets.empty() && weak.empty()) {
            merge_authors(weak, outlets);
            weak_source = source;
        }
        explain_add(
            explain, "authors",
            {joined(names), source, people.empty() ? 0.0 : rank,
             people.empty() ? "the outlet or an organisation: kept only if no person is named" : "names a person"});
        if (people.empty()) return false;
        chosen = std::move(people);
        chosen_source = source;
        return true;
    };
    if (a != nullptr && !a->authors.empty() &&
        offer("JSON-LD author", names_from(a->authors), a->authors_are_organisations)) {
        // found
    } else {
        for (std::string_view key :
             {"dc:creator", "dcterms:creator", "author", "article:author", "og:article:author", "parsely-author",
              "sailthru:author", "byl", "citation_author", "article:author_name"}) {
            std::vector<std::string> values;
            for (auto& v : s.meta_all(key)) {
                if (!is_url(v)) values.push_back(v);
            }
            if (offer("meta " + std::string(key), names_from(values))) break;
        }
    }
    if (chosen.empty()) {
        const auto pp = parsely_page(s);
        std::vector<std::string> values;
        if (auto it = pp.find("author"); it != pp.end()) {
            if (it->is_string()) values.push_back(it->get<std::string>());
            if (it->is_array()) {
                for (auto& v : *it) {
                    if (v.is_string()) values.push_back(v.get<std::string>());
                }
            }
        }
        offer("parsely-page author", names_from(values));
    }
    if (chosen.empty()) offer("twitter:label Written by", names_from(twitter_written_by(s)));
    const bool declared = !chosen.empty();
    if (chosen.empty()) offer("microdata author", first_byline(s.microdata_authors));
    if (chosen.empty()) offer("byline element", first_byline(s.strong_bylines, true));
    if (chosen.empty())
        offer("By line", first_byline(near_headline(s.by_lines, s.by_line_positions, s.first_h1_position)));
    if (chosen.empty())
        offer("author page link",
              first_byline(near_headline(s.author_links, s.author_link_positions, s.first_h1_position), true));
    // The byline shown right under the headline is what the reader is told:
    // a declared author who is not in it is the account that posted the
    // page, and a byline element or author link naming someone else belongs
    // to a teaser or a box. Over those only a "By" line counts: a name alone
    // beside a date ("Jane Doe | May 2, 2024") may be a link or a title.
    const LineByline shown = byline_near_headline(lines, title);
    if (!chosen.empty() && !shown.names.empty() && shown.distance <= k_shown_byline_reach && (declared || shown.by) &&
        !shares_author(chosen, shown.names)) {
        explain_add(explain, "authors",
                    {joined(shown.names), "the byline under the headline (\"" + shown.line + "\")", rank + 50,
                     "the byline shown beats another source's author it does not name"});
        chosen = shown.names;
        chosen_source = "the byline under the headline";
    }
    if (chosen.empty()) offer("line next to the headline (" + shown.how + ": \"" + shown.line + "\")", shown.names);
    if (chosen.empty()) offer("author-named element", first_byline(s.weak_bylines, true));
    // A byline shown on the page that names the outlet (a newsroom's own
    // desk, or the owner of a blog named after them) says who wrote it: a
    // bio found in the text may be of anyone the article is about.
    if (chosen.empty() && !weak.empty() && shows_byline(weak_source)) {
        chosen = weak;
        chosen_source = weak_source + " (the outlet, shown as the byline)";
    }
    // A bio at the end: the last one in the page is the article's.
    for (auto it = s.paragraphs.rbegin(); it != s.paragraphs.rend() && chosen.empty(); ++it) {
        if (auto names = authors_from_bio(*it); !names.empty()) offer("author bio", names);
    }
    if (chosen.empty() && !weak.empty()) {
        chosen = weak;
        chosen_source = weak_source + " (no person named)";
    }
    // Last resort: the name in an author URL (".../by/jane-doe").
    for (auto& v : s.meta_all("article:author")) {
        if (!chosen.empty()) break;
        if (!is_url(v)) continue;
        std::string path = v.substr(0, v.find_first_of("?#"));
        while (!path.empty() && path.back() == '/') path.pop_back();
        std::string slug = path.substr(path.find_last_of('/') + 1);
        if (slug.find_first_of("0123456789=.@") != std::string::npos || slug.find('-') == std::string::npos) continue;
        std::replace(slug.begin(), slug.end(), '-', ' ');
        if (auto n = normalise_author(slug); !n.empty()) offer("article:author URL", {n});
    }
    explain_choose(explain, "authors", joined(chosen),
                   chosen.empty() ? "no source names an author" : "from " + chosen_source);
    return chosen;
}

// ---- dates -----------------------------------------------------------------

std::string first_date(const std::vector<std::string>& values) {
    for (const auto& v : values) {
        std::string d = normalise_date(v);
        if (!d.empty()) return d;
    }
    return {};
}

// "1780-03" when the value is exactly an ISO year and month, else empty.
std::string iso_month(std::string_view v) {
    if (v.size() != 7 || v[4] != '-') return {};
    for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
        if (v[i] < '0' || v[i] > '9') return {};
    }
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    return month >= 1 && month <= 12 ? std::string(v) : std::string();
}

// "1780" when the value is exactly a plausible year, else empty.
std::string iso_year(std::string_view v) {
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string_view::npos) return {};
    return v >= "1000" && v <= "2999" ? std::string(v) : std::string();
}

constexpr std::array<std::string_view, 7> k_partial_date_keys{
    "article:published_time",    "dc:date",      "dcterms:issued", "date", "pubdate",
    "citation_publication_date", "citation_date"};

// The last resort for a page that only knows its month or year: an ISO
// "YYYY-MM" in a date meta tag, "/YYYY/MM/" closing the URL's folders, or a
// year alone in a date meta tag. The precision is kept: the index places
// such a date at the period's first day for sorting and ranges.
std::string published_month(const PageSignals& s, const std::string& url) {
    for (std::string_view key : k_partial_date_keys) {
        for (const auto& v : s.meta_all(key)) {
            if (auto m = iso_month(text::collapse_space(v)); !m.empty()) return m;
        }
    }
    const auto path_start = url.find('/', url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
    const std::string_view path =
        path_start == std::string::npos ? std::string_view() : std::string_view(url).substr(path_start);
    for (std::size_t i = 0; i + 9 <= path.size(); ++i) {
        if (path[i] != '/' || path[i + 5] != '/' || path.size() < i + 9 || path[i + 8] != '/') continue;
        std::string candidate(path.substr(i + 1, 4));
        candidate += '-';
        candidate += path.substr(i + 6, 2);
        if (auto m = iso_month(candidate); !m.empty() && m >= "1000" && m <= "2999") return m;
    }
    // Last, a year alone ("2016" in citation_date): kept as a year.
    for (std::string_view key : k_partial_date_keys) {
        for (const auto& v : s.meta_all(key)) {
            if (auto y = iso_year(text::collapse_space(v)); !y.empty()) return y;
        }
    }
    return {};
}

// Scores, comparable within the published field only. A page's declared
// publication date (5) stands unless the page shows, near its headline, a
// date labelled as the publication ("Published ..."); an unlabelled or
// "Updated" date shown there stands only when nothing is declared (a
// revision or a display date must not replace the publication). The date in
// the URL comes between the two; class-named datelines, the first <time>
// and a month alone are last resorts.
constexpr double k_declared_score = 5;
constexpr double k_url_score = 4;
constexpr double k_shown_score = 3;
constexpr double k_shown_published_bonus = 3;
constexpr double k_shown_updated_malus = 0.5;
constexpr double k_agreement_bonus = 2;

// A date as read from one source, for weighing.
struct DateCandidate {
    std::string value; // formatted
    Date date;
    std::string source;
    double score = 0;
    std::string note;
    bool revision = false; // shown with an "Updated" label
    int distance = -1;     // shown dates: lines from the headline or byline
    bool written = false;  // shown dates: written out in the line's text
};

std::string day_of(const Date& d) {
    Date day{d.year, d.month, d.day};
    return format_date(day);
}

// Days since 1970-01-01 (civil calendar), to compare two days.
long days_from_civil(const Date& d) {
    const int y = d.month <= 2 ? d.year - 1 : d.year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// A UTC time stamp ("...T02:00:00Z") written for a day that is the day
// before in the writer's own zone: the local day is the one shown.
bool utc_day_after(const Date& utc, const Date& local) {
    return utc.has_time && utc.has_zone && utc.offset_minutes == 0 && utc.hour < 12 &&
           days_from_civil(utc) == days_from_civil(local) + 1;
}

// The dates the page declares as its publication, strongest first.
std::vector<DateCandidate> declared_dates(const PageSignals& s) {
    std::vector<DateCandidate> out;
    auto add = [&](const std::string& raw, std::string source) {
        if (auto d = parse_date(raw)) out.push_back({format_date(*d), *d, std::move(source), 0, ""});
    };
    for (const auto& a : s.jsonld) {
        if (!a.is_article) break;
        add(a.published, "JSON-LD datePublished");
    }
    for (std::string_view key : {"article:published_time",
                                 "og:article:published_time",
                                 "article:published",
                                 "published_time",
                                 "og:published_time",
                                 "parsely-pub-date",
                                 "dc:date:issued",
                                 "dcterms:issued",
                                 "dcterms:created",
                                 "dc:date:created",
                                 "dc:date",
                                 "dcterms:date",
                                 "citation_publication_date",
                                 "citation_date",
                                 "citation_online_date",
                                 "prism:publicationdate",
                                 "datepublished",
                                 "date",
                                 "pubdate",
                                 "publishdate",
                                 "publish-date",
                                 "publish_date",
                                 "publication_date",
                                 "date_published",
                                 "displaydate",
                                 "sailthru:date",
                                 "pdate",
                                 "published-date",
                                 "published"}) {
        for (const auto& v : s.meta_all(key)) add(v, "meta " + std::string(key));
    }
    add(json_string(parsely_page(s), "pub_date"), "parsely-page pub_date");
    for (const auto& v : s.microdata_published) add(v, "microdata datePublished");
    for (const auto& a : s.jsonld) add(a.is_article ? a.created : a.published, "JSON-LD dateCreated/page date");
    for (const auto& v : s.times_published) add(v, "<time> marked published");
    for (std::size_t i = 0; i < out.size(); ++i) out[i].score = k_declared_score - 0.01 * static_cast<double>(i);
    return out;
}

// Dates shown near the headline or byline count (not in comments, related
// lists or footers); farther than this many lines, a date is another item's.
constexpr int k_max_header_distance = 12;

double visible_score(const DateLine& l) {
    // Dates follow headlines more often than they precede them.
    double score = k_shown_score - 0.05 * l.distance - (l.above ? 0.03 : 0);
    if (l.label == DateLabel::published) score += k_shown_published_bonus;
    if (l.label == DateLabel::updated) score -= k_shown_updated_malus;
    return score;
}

std::string label_name(DateLabel l) {
    return l == DateLabel::published ? "labelled published"
           : l == DateLabel::updated ? "labelled updated"
                                     : "unlabelled";
}

bool is_far_published(const DateLine& l) {
    return !l.aside && l.label == DateLabel::published && l.distance > k_max_header_distance;
}

std::vector<DateCandidate> shown_dates(const std::vector<DateLine>& lines) {
    // A date labelled as the publication counts farther from the headline
    // (some pages put it at the end), the farther the less, unless several
    // such dates differ: then they label a list of other articles.
    bool far_agree = true;
    const DateLine* far = nullptr;
    for (const auto& l : lines) {
        if (!is_far_published(l)) continue;
        if (far != nullptr && day_of(far->date) != day_of(l.date)) far_agree = false;
        far = &l;
    }
    std::vector<DateCandidate> out;
    for (const auto& l : lines) {
        const bool far_ok = far_agree && is_far_published(l);
        if (l.aside || l.distance < 0 || (l.distance > k_max_header_distance && !far_ok)) continue;
        out.push_back({format_date(l.date), l.date, "visible line " + std::to_string(l.line), visible_score(l),
                       label_name(l.label) + ", " + std::to_string(l.distance) + " lines from the headline/byline" +
                           (l.above ? " (above it)" : "") + ": \"" + l.text + "\"",
                       l.label == DateLabel::updated, l.distance, l.written});
    }
    return out;
}

std::string pick_modified(const PageSignals& s);

// A declared publication on the day of the declared revision, that no date
// shown near the headline confirms, is a re-save (a migration or a bulk
// update rewrote both): an unlabelled date shown there before it is the
// original publication.
bool prefer_shown_original(const PageSignals& s, const DateCandidate& top, std::vector<DateCandidate>& shown) {
    const auto modified = parse_date(pick_modified(s));
    if (!modified || days_from_civil(*modified) != days_from_civil(top.date)) return false;
    DateCandidate* best = nullptr;
    for (auto& c : shown) {
        if (c.revision || days_from_civil(c.date) >= days_from_civil(top.date) - 1) continue;
        if (best == nullptr || c.score > best->score) best = &c;
    }
    if (best == nullptr) return false;
    best->score = top.score + k_agreement_bonus;
    best->note += "; shown before the declared publication, which is the declared revision day";
    return true;
}

// Lines from the headline or byline within which a shown date is the
// article's own date line.
constexpr int k_beside_distance = 1;

// Whether `a` is `b` with its day and month swapped: "09.10.2024" read day
// first is 2024-09-10 read month first, so it does not contradict it.
bool swapped_day_month(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.day && a.day == b.month;
}

// A date written out right beside the headline or byline, not labelled as a
// revision, is the date the page shows its readers as the article's. When
// no declared date agrees with it (that case was handled before), the
// declared one is more often a template's, a migration's or a re-save's than
// a misdated page's, so the shown date wins. Relative dates ("3 days ago"
// with a machine time) do not count: they are read at crawl time.
void prefer_shown_beside(const DateCandidate& top, std::vector<DateCandidate>& shown) {
    DateCandidate* best = nullptr;
    for (auto& c : shown) {
        if (c.revision || !c.written || c.distance < 0 || c.distance > k_beside_distance) continue;
        if (swapped_day_month(c.date, top.date)) continue;
        if (best == nullptr || c.score > best->score) best = &c;
    }
    if (best == nullptr) return;
    best->score = top.score + k_agreement_bonus;
    best->note += "; written beside the headline or byline, and no declared date agrees with it";
}

std::string pick_published(const PageSignals& s, const std::string& url, const std::vector<DateLine>& lines,
                           Explanation* explain) {
    std::vector<DateCandidate> candidates = declared_dates(s);
    const std::size_t declared_count = candidates.size();
    for (auto& c : candidates) c.note = "declared";
    std::vector<DateCandidate> shown = shown_dates(lines);
    // Agreement and disagreement between the strongest declared date and
    // the best date shown.
    const auto best_shown =
        std::max_element(shown.begin(), shown.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
    if (declared_count > 0) {
        DateCandidate& top = candidates.front();
        // The declared date is confirmed by any date shown on the same day,
        // or on the day after it (the writer's zone is ahead of the one
        // declared); a shown day before a UTC time stamp is the local day.
        const auto confirms = std::find_if(shown.begin(), shown.end(), [&](const DateCandidate& c) {
            const long gap = days_from_civil(c.date) - days_from_civil(top.date);
            return (gap == 0 || gap == 1) && !c.revision;
        });
        if (confirms != shown.end() && !(best_shown != shown.end() && utc_day_after(top.date, best_shown->date))) {
            top.score += k_agreement_bonus;
            top.note += "; confirmed by the date shown in " + confirms->source;
        } else if (best_shown != shown.end() && utc_day_after(top.date, best_shown->date)) {
            best_shown->score = top.score + k_agreement_bonus;
            best_shown->note += "; the local day of the UTC time stamp in " + top.source;
        } else {
            for (std::size_t i = 1; i < declared_count; ++i) {
                if (utc_day_after(top.date, candidates[i].date)) {
                    candidates[i].score = top.score + k_agreement_bonus;
                    candidates[i].note += "; the local day of the UTC time stamp in " + top.source;
                    break;
                }
            }
            if (!prefer_shown_original(s, top, shown)) prefer_shown_beside(top, shown);
        }
    }
    candidates.insert(candidates.end(), shown.begin(), shown.end());
    if (auto d = parse_date(date_from_url(url))) {
        candidates.push_back({format_date(*d), *d, "URL", k_url_score, "a date in the URL's path"});
    }
    if (candidates.empty()) {
        // Last resorts, in order.
        for (const auto& line : s.datelines) {
            if (auto d = first_date_in_text(line)) {
                candidates.push_back(
                    {format_date(*d), *d, "dateline element", 2, "an element whose class names a date"});
                break;
            }
        }
        for (const auto& v : s.times_any) {
            if (auto d = parse_date(v)) {
                candidates.push_back({format_date(*d), *d, "first <time>", 1.5, ""});
                break;
            }
        }
    }
    const auto best = std::max_element(candidates.begin(), candidates.end(),
                                       [](const auto& a, const auto& b) { return a.score < b.score; });
    for (const auto& c : candidates) explain_add(explain, "published", {c.value, c.source, c.score, c.note});
    if (best == candidates.end()) {
        std::string month = published_month(s, url);
        if (!month.empty()) {
            explain_add(explain, "published", {month, "month or year only", 1, "a date meta tag or /YYYY/MM/"});
        }
        explain_choose(explain, "published", month,
                       month.empty() ? "no date found" : "only the month or year is known: kept as such");
        return month;
    }
    explain_choose(explain, "published", best->value,
                   "the highest score: " + best->source + (best->note.empty() ? "" : " (" + best->note + ")"));
    return best->value;
}

std::string pick_modified(const PageSignals& s) {
    for (const auto& a : s.jsonld) {
        if (auto d = normalise_date(a.modified); !d.empty()) return d;
    }
    for (std::string_view key : {"article:modified_time", "og:updated_time", "article:modified", "dcterms:modified",
                                 "dc:date:modified", "datemodified", "last-modified", "modified", "modified-date"}) {
        if (auto d = first_date(s.meta_all(key)); !d.empty()) return d;
    }
    return first_date(s.microdata_modified);
}

// ---- the rest --------------------------------------------------------------

std::string pick_url(const PageSignals& s) {
    std::vector<std::string> candidates{s.canonical, s.meta("og:url")};
    for (const auto& a : s.jsonld) candidates.push_back(a.url);
    candidates.push_back(s.meta("parsely-link"));
    for (auto& c : candidates) {
        c = text::collapse_space(c);
        if (is_absolute_http(c)) return c;
    }
    return {};
}

std::string pick_section(const PageSignals& s) {
    if (const JsonLdArticle* a = first_article(s); a != nullptr && !a->section.empty()) return a->section;
    if (auto v = first_meta(s, {"article:section", "og:article:section", "parsely-section", "section", "category"});
        !v.empty()) {
        return v;
    }
    return json_string(parsely_page(s), "section");
}

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            auto comma = v.find_first_of(",;", start);
            if (comma == std::string::npos) comma = v.size();
            std::string t = text::collapse_space(v.substr(start, comma - start));
            if (!t.empty()) out.push_back(std::move(t));
            start = comma + 1;
        }
    }
    return out;
}

std::vector<std::string> dedupe_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    std::vector<std::string> keys;
    for (const auto& t : tags) {
        std::string k = text::fold_case(t);
        if (std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
        keys.push_back(std::move(k));
        out.push_back(t);
        if (out.size() >= k_max_tags) break;
    }
    return out;
}

std::vector<std::string> pick_tags(const PageSignals& s) {
    if (auto v = s.meta_all("article:tag"); !v.empty()) return dedupe_tags(split_commas(v));
    if (const JsonLdArticle* a = first_article(s); a != nullptr && !a->tags.empty()) return dedupe_tags(a->tags);
    if (auto v = s.meta_all("parsely-tags"); !v.empty()) return dedupe_tags(split_commas(v));
    {
        const auto pp = parsely_page(s);
        std::vector<std::string> tags;
        if (auto it = pp.find("tags"); it != pp.end() && it->is_array()) {
            for (const auto& t : *it) {
                if (t.is_string()) tags.push_back(text::collapse_space(t.get<std::string>()));
            }
        }
        if (!tags.empty()) return dedupe_tags(tags);
    }
    for (std::string_view key : {"news_keywords", "keywords"}) {
        if (auto v = s.meta_all(key); !v.empty()) return dedupe_tags(split_commas(v));
    }
    return {};
}

std::string pick_description(const PageSignals& s) {
    if (auto v = first_meta(s, {"og:description", "description"}); !v.empty()) return v;
    for (const auto& a : s.jsonld) {
        if (!a.description.empty()) return a.description;
    }
    return first_meta(s, {"twitter:description", "dc:description", "dcterms:description"});
}

// "en-US", "fr_FR", "EN" to "en"; anything but two letters to empty.
std::string language_code(std::string_view v) {
    std::string code = text::ascii_lower(text::collapse_space(v));
    code = code.substr(0, code.find_first_of("-_ ,;"));
    if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return {};
    }
    return code;
}

std::string pick_language(const PageSignals& s) {
    std::vector<std::string> candidates{s.html_lang, s.meta("content-language"), s.meta("language"),
                                        s.meta("dc:language"), s.meta("og:locale")};
    for (const auto& a : s.jsonld) candidates.push_back(a.language);
    for (const auto& c : candidates) {
        if (auto code = language_code(c); !code.empty()) return code;
    }
    return {};
}

// Lines that name a post's categories: "Filed under: Opinion, Politics".
constexpr std::array<std::string_view, 6> k_category_labels = {"filed under", "posted in", "categories",
                                                               "category",    "filed in",  "posted under"};

// The short lines (five words at most) within three lines before and two
// after the first line holding the headline, and that line itself: where
// outlets put "Opinion", "Analysis", "Letters" (genre.cpp reads a label
// before a colon in the longer ones).
void gather_genre_lines(const std::vector<TextLine>& lines, const std::string& headline, GenreClues& clues) {
    const std::string headline_key = title_key(headline);
    std::size_t at = lines.size();
    for (std::size_t i = 0; i < lines.size() && at == lines.size(); ++i) {
        if (lines[i].aside) continue;
        if (lines[i].h1 || (!headline_key.empty() && title_key(lines[i].text) == headline_key)) at = i;
    }
    if (at < lines.size()) {
        clues.kickers.push_back(lines[at].text);
        const std::size_t first = at >= 3 ? at - 3 : 0;
        for (std::size_t i = first; i < lines.size() && i <= at + 2; ++i) {
            if (i != at && !lines[i].aside && word_count(lines[i].text) <= 5) clues.kickers.push_back(lines[i].text);
        }
    }
    for (const auto& line : lines) {
        if (line.text.size() > 200) continue;
        for (std::string_view label : k_category_labels) {
            if (!text::starts_with_icase(line.text, label)) continue;
            std::string_view rest = std::string_view(line.text).substr(label.size());
            if (!rest.empty() && rest.front() != ':' && rest.front() != ' ') continue;
            while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.remove_prefix(1);
            while (!rest.empty()) {
                const auto comma = rest.find_first_of(",|â");
                clues.categories.push_back(text::collapse_space(rest.substr(0, comma)));
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
            break;
        }
    }
}

void gather_genre_clues(const PageSignals& s, const std::vector<TextLine>& lines, const Article& out,
                        GenreClues& clues) {
    for (const auto& v : {out.section, s.meta("article:section"), s.meta("parsely-section"), s.meta("section")}) {
        if (!v.empty()) clues.sections.push_back(text::collapse_space(v));
    }
    for (const auto& a : s.jsonld) {
        if (!a.section.empty()) clues.sections.push_back(a.section);
        for (const auto& author : a.authors) clues.bylines.push_back(author);
    }
    clues.title_segments = title_segments(s.title);
    gather_genre_lines(lines, out.title, clues);
    for (const auto* list : {&s.by_lines, &s.strong_bylines}) {
        clues.bylines.insert(clues.bylines.end(), list->begin(), list->end());
    }
    for (const auto& v : s.meta_all("author")) clues.bylines.push_back(v);
}

} // namespace

void extract_metadata(xmlDoc* doc, Article& out, Explanation* explain, GenreClues* clues) {
    const PageSignals s = collect_signals(doc);
    out.url = pick_url(s);
    out.site = text::collapse_space(declared_site(s));
    out.section = text::collapse_space(pick_section(s));
    out.title = text::collapse_space(pick_title(s, out.site, out.url, out.section, explain));
    if (out.site.empty()) {
        const std::string host = host_of(out.url);
        out.site = site_from_title(s, host, out.title);
        if (out.site.empty()) out.site = host;
    }
    const std::vector<TextLine> lines = read_text_lines(doc);
    out.authors = pick_authors(s, out.site, out.title, lines, explain);
    out.modified = pick_modified(s);
    const std::vector<DateLine> date_lines = find_date_lines(lines, out.title);
    out.published = pick_published(s, out.url, date_lines, explain);
    out.updated = pick_updated(out.published, out.modified, date_lines, explain);
    out.corrections = find_corrections(lines, explain);
    out.tags = clean_tags(pick_tags(s), out.site, out.title);
    out.description = text::collapse_space(pick_description(s));
    out.language = pick_language(s);
    if (clues != nullptr) gather_genre_clues(s, lines, out, *clues);
}

} // namespace oped::indexer
