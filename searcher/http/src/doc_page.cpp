// "/doc/{id}": one article as clean text, the query's words marked when
// reached from a search, its metadata, more like this, and citations.

#include <oped/http/pages.hpp>

#include "doc_head.hpp"
#include "doc_nav.hpp"
#include "layout.hpp"
#include "links.hpp"
#include "parts.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/cite.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/html.hpp>
#include <oped/searcher/highlight.hpp>
#include <oped/searcher/related.hpp>

#include <algorithm>

namespace oped::http {
namespace {

constexpr std::size_t k_similar = 6;
constexpr std::size_t k_max_query_bytes = 1024;

std::vector<std::string> paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < body.size()) {
        auto end = body.find("\n\n", at);
        if (end == std::string::npos) end = body.size();
        std::string p = body.substr(at, end - at);
        if (p.find_first_not_of(" \n\t") != std::string::npos) out.push_back(std::move(p));
        at = end + 2;
    }
    return out;
}

void byline(html::Writer& w, const std::vector<std::string>& authors) {
    if (authors.empty()) return;
    w.open("p", {{"class", "doc-byline"}}).text("By ");
    for (std::size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) w.text(i + 1 == authors.size() ? " and " : ", ");
        w.element("a", {{"href", author_url(authors[i])}, {"rel", "author"}}, authors[i]);
    }
    w.close("p");
}

// "https://host.example/a/b" -> "host.example": short enough for a sidebar.
std::string host_of(const std::string& url) {
    const auto start = url.find("://");
    if (start == std::string::npos) return url;
    const auto end = url.find_first_of("/?#", start + 3);
    return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

void meta_row(html::Writer& w, std::string_view term, std::string_view value) {
    if (value.empty()) return;
    w.open("div").element("dt", term).element("dd", value).close("div");
}

void metadata(html::Writer& w, const Article& a) {
    w.open("dl", {{"class", "doc-meta"}});
    if (!a.published.empty()) {
        const std::string day = a.published.substr(0, std::min<std::size_t>(10, a.published.size()));
        w.open("div").element("dt", "Published").open("dd");
        w.element("time", {{"datetime", day}}, html::readable_date(day));
        w.close("dd").close("div");
    }
    if (!a.updated.empty()) {
        const std::string day = a.updated.substr(0, std::min<std::size_t>(10, a.updated.size()));
        w.open("div").element("dt", "Updated").open("dd");
        w.element("time", {{"datetime", day}}, html::readable_date(day));
        w.close("dd").close("div");
    }
    if (!a.site.empty()) {
        SearchLink link(ParamMap{});
        link.add("site", a.site);
        w.open("div")
            .element("dt", "Outlet")
            .open("dd")
            .element("a", {{"href", link.url()}}, a.site)
            .close("dd")
            .close("div");
    }
    meta_row(w, "Section", a.section);
    meta_row(w, "Genre", a.genre.empty() ? std::string() : schema::genre_label(a.genre));
    if (!a.tags.empty()) {
        w.open("div").element("dt", "Tags").open("dd").open("ul", {{"class", "tag-list"}});
        for (const auto& tag : a.tags) {
            SearchLink link(ParamMap{});
            link.add("tag", tag);
            w.open("li").element("a", {{"href", link.url()}}, tag).close("li");
        }
        w.close("ul").close("dd").close("div");
    }
    meta_row(w, "Language", a.language);
    const std::string original = html::external_url(a.url);
    if (!original.empty()) {
        w.open("div").element("dt", "Original").open("dd");
        w.element("a", {{"href", original}, {"class", "doc-original"}, {"rel", "noopener noreferrer"}},
                  host_of(original) + " \xE2\x86\x97");
        w.close("dd").close("div");
    }
    w.close("dl");
}

// The page's correction notices, after its text (where papers print them),
// with the words searched for marked.
void corrections(html::Writer& w, const Article& a, const searcher::Highlighter& highlighter) {
    if (a.corrections.empty()) return;
    w.open("section",
           {{"class", "doc-corrections"}, {"id", "corrections"}, {"aria-labelledby", "corrections-heading"}});
    w.element("h2", {{"id", "corrections-heading"}}, a.corrections.size() == 1 ? "Correction" : "Corrections");
    for (const auto& notice : a.corrections) {
        w.open("p").raw(highlighter.empty() ? html::escape(notice) : highlighter.html(notice, a.language)).close("p");
    }
    w.close("section");
}

// The line about the writer, after the text, where the paper printed it.
void author_bio(html::Writer& w, const Article& a, const searcher::Highlighter& highlighter) {
    if (a.author_bio.empty()) return;
    w.open("aside", {{"class", "doc-bio"}, {"id", "author-bio"}, {"aria-label", "About the writer"}});
    w.open("p")
        .raw(highlighter.empty() ? html::escape(a.author_bio) : highlighter.html(a.author_bio, a.language))
        .close("p");
    w.close("aside");
}

void copy_head(html::Writer& w, const std::string& id_attr, const std::string& name, const std::string& what) {
    w.open("div", {{"class", "cite-head"}});
    w.element("h3", {{"id", id_attr + "-h"}}, name);
    w.element("button",
              {{"type", "button"},
               {"class", "copy"},
               {"data-copy", id_attr},
               {"hidden", "hidden"},
               {"aria-label", "Copy the " + what}},
              "Copy");
    w.close("div");
}

// The references cite the archive's page, read today, and the original.
void citations(html::Writer& w, const Article& a, const std::string& id, const cite::Access& access) {
    w.open("section", {{"class", "cite"}, {"id", "cite"}, {"aria-labelledby", "cite-heading"}});
    w.element("h2", {{"id", "cite-heading"}}, "Cite this article");
    struct Style {
        const char* key;
        const char* name;
        cite::Reference ref;
    };
    const Style styles[] = {{"chicago", "Chicago", cite::chicago(a, access)},
                            {"mla", "MLA", cite::mla(a, access)},
                            {"apa", "APA", cite::apa(a, access)}};
    for (const auto& s : styles) {
        const std::string id_attr = std::string("cite-") + s.key;
        w.open("div", {{"class", "cite-style"}});
        copy_head(w, id_attr, s.name, std::string(s.name) + " reference");
        w.open("p", {{"class", "cite-text"}, {"id", id_attr}, {"aria-labelledby", id_attr + "-h"}});
        w.raw(cite::to_html(s.ref));
        w.close("p").close("div");
    }
    w.open("div", {{"class", "cite-style"}});
    copy_head(w, "cite-bibtex", "BibTeX", "BibTeX entry");
    w.element("pre", {{"class", "cite-text cite-bibtex"}, {"id", "cite-bibtex"}, {"aria-labelledby", "cite-bibtex-h"}},
              cite::bibtex(a, id, access));
    w.close("div");
    w.open("div", {{"class", "cite-style"}});
    copy_head(w, "cite-ris", "RIS", "RIS record");
    w.element("pre", {{"class", "cite-text cite-bibtex"}, {"id", "cite-ris"}, {"aria-labelledby", "cite-ris-h"}},
              cite::ris(a, access));
    w.close("div");
    w.open("p", {{"class", "cite-files"}}).text("Download: ");
    w.element("a",
              {{"href", "/doc/" + html::url_encode(id) + "/cite.ris"}, {"class", "cite-ris-file"}, {"download", ""}},
              "RIS (EndNote, Zotero, Mendeley)");
    w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
    w.element("a",
              {{"href", "/doc/" + html::url_encode(id) + "/cite.bib"}, {"class", "cite-bib-file"}, {"download", ""}},
              "BibTeX");
    w.close("p");
    w.close("section");
}

// "← Back to the results", keeping every parameter of the search it was
// reached from; nothing when it was not reached from one.
void back_link(html::Writer& w, const SearchLink& state, const std::string& query) {
    if (state.query_string().empty()) return;
    w.open("p", {{"class", "doc-back"}});
    const std::string what = query.empty() ? "\xE2\x86\x90 Back to the articles"
                                           : "\xE2\x86\x90 Results for \xE2\x80\x9C" + query + "\xE2\x80\x9D";
    w.element("a", {{"href", state.url()}, {"class", "doc-back-link"}}, what);
    w.close("p");
}

// The page of results at `rank` when the reader had `per_page` on a page.
SearchLink state_at(const SearchLink& state, std::uint64_t rank) {
    SearchLink out = state;
    std::uint64_t per_page = searcher::k_default_per_page;
    if (const std::string p = state.get("per_page");
        !p.empty() && p.size() < 4 && p.find_first_not_of("0123456789") == std::string::npos) {
        per_page = std::clamp<std::uint64_t>(std::stoull(p), 1, searcher::k_max_per_page);
    }
    const std::uint64_t page = (rank - 1) / per_page + 1;
    out.set("page", page > 1 ? std::to_string(page) : "");
    return out;
}

void neighbour_link(html::Writer& w, const Neighbour& n, const SearchLink& state, bool previous, std::string_view label,
                    std::string_view css) {
    const std::string href = doc_link(n.id, n.rank != 0 ? state_at(state, n.rank) : state, n.rank);
    w.open("a", {{"href", href},
                 {"class", std::string(css) + (previous ? " prev" : " next")},
                 {"rel", previous ? "prev" : "next"}});
    w.element("span", {{"class", "doc-nav-label"}},
              previous ? "\xE2\x86\x90 " + std::string(label) : std::string(label) + " \xE2\x86\x92");
    w.element("span", {{"class", "doc-nav-title"}}, n.title.empty() ? "(untitled)" : n.title);
    w.close("a");
}

void result_nav(html::Writer& w, const Neighbours& n, const SearchLink& state, std::uint64_t rank) {
    if (!n.previous && !n.next) return;
    w.open("nav", {{"class", "doc-nav doc-results-nav"}, {"aria-label", "Neighbouring results"}});
    if (n.previous) neighbour_link(w, *n.previous, state, true, "Previous result", "doc-nav-link");
    w.element("span", {{"class", "doc-nav-place"}}, "Result " + format_count(rank));
    if (n.next) neighbour_link(w, *n.next, state, false, "Next result", "doc-nav-link");
    w.close("nav");
}

void author_nav(html::Writer& w, const Neighbours& n, const SearchLink& state, const std::string& author) {
    if (!n.previous && !n.next) return;
    w.open("nav", {{"class", "doc-nav doc-author-nav"}, {"aria-labelledby", "author-nav-heading"}});
    w.element("h2", {{"id", "author-nav-heading"}, {"class", "doc-nav-heading"}}, "More by " + author + ", by date");
    if (n.previous) neighbour_link(w, *n.previous, state, true, "Earlier", "doc-nav-link");
    if (n.next) neighbour_link(w, *n.next, state, false, "Later", "doc-nav-link");
    w.close("nav");
}

void similar(html::Writer& w, const std::vector<searcher::Hit>& hits) {
    if (hits.empty()) return;
    w.open("section", {{"class", "similar"}, {"aria-labelledby", "similar-heading"}});
    w.element("h2", {{"id", "similar-heading"}}, "More like this");
    w.open("ul", {{"class", "similar-list"}});
    for (const auto& hit : hits) {
        const Article& a = hit.article;
        w.open("li");
        w.element("a", {{"href", doc_url(hit.id, "")}, {"class", "similar-title"}},
                  a.title.empty() ? "(untitled)" : a.title);
        std::string meta;
        for (std::size_t i = 0; i < a.authors.size(); ++i) meta += (i > 0 ? ", " : "") + a.authors[i];
        if (!a.published.empty())
            meta += (meta.empty() ? "" : " \xC2\xB7 ") + html::readable_date(a.published.substr(0, 10));
        if (!meta.empty()) w.element("span", {{"class", "similar-meta"}}, meta);
        w.close("li");
    }
    w.close("ul");
    w.close("section");
}

} // namespace

Reply handle_doc_page(const std::string& id_text, const ParamMap& params, searcher::Searcher& searcher,
                      const std::string& base_url) {
    if (!schema::is_public_id(id_text)) return error_page(unknown_doc_id(id_text));
    auto found = searcher.document(id_text);
    if (!found && found.error().code != ErrorCode::not_found) return error_page(found.error());
    if (!found) return error_page(unknown_doc_id(id_text));
    const Article& a = found.value().article;
    const std::string& id = found.value().id;
    const std::string archive_url = base_url + doc_url(id, "");
    // The search it was reached from: every parameter, for the way back.
    const SearchLink state(params);
    std::string query = state.get("q");
    if (query.size() > k_max_query_bytes) query.clear();
    const searcher::Highlighter highlighter(searcher.database(), query);
    const std::uint64_t rank = parse_rank(params);

    html::Writer w;
    w.open("div", {{"class", "doc-layout"}});
    w.open("article", {{"class", "doc"}, {"aria-labelledby", "doc-title"}});
    back_link(w, state, query);
    result_nav(w, result_neighbours(searcher, state, rank, id), state, rank);
    w.open("header", {{"class", "doc-header"}});
    const bool shows_genre = !a.genre.empty() && a.genre != "other";
    if (!a.site.empty() || !a.section.empty() || shows_genre) {
        const std::string place = a.site + (a.site.empty() || a.section.empty() ? "" : " \xC2\xB7 ") + a.section;
        w.open("p", {{"class", "doc-kicker"}}).text(place);
        if (shows_genre) {
            if (!place.empty()) w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
            genre_link(w, a, "doc-genre");
        }
        w.close("p");
    }
    w.element("h1", {{"id", "doc-title"}, {"class", "doc-title"}}, a.title.empty() ? "(untitled)" : a.title);
    byline(w, a.authors);
    if (!a.published.empty()) {
        const std::string day = a.published.substr(0, std::min<std::size_t>(10, a.published.size()));
        w.open("p", {{"class", "doc-dateline"}}).element("time", {{"datetime", day}}, html::readable_date(day));
        if (!a.updated.empty()) {
            w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
            updated_span(w, a);
        }
        if (!a.corrections.empty()) {
            w.raw(R"(<span class="sep" aria-hidden="true"> · </span>)");
            correction_badge(w, "#corrections");
        }
        w.close("p");
    } else if (!a.corrections.empty()) {
        w.open("p", {{"class", "doc-dateline"}});
        correction_badge(w, "#corrections");
        w.close("p");
    }
    copies_line(w, found.value().copies, state);
    w.close("header");
    std::string body;
    bool marked = false;
    for (const auto& p : paragraphs(a.body)) {
        std::string inner = highlighter.empty() ? html::escape(p) : highlighter.html(p, a.language);
        if (const auto at = inner.find("<mark>"); !marked && at != std::string::npos) {
            inner.replace(at, 6, R"(<mark id="first-mark">)");
            marked = true;
        }
        body += "<p>" + inner + "</p>";
    }
    if (marked) {
        w.open("p", {{"class", "doc-highlight-note"}});
        w.text("Words of your search are highlighted. ");
        w.raw(R"(<a href="#first-mark" class="jump-to-mark">Jump to the first</a>)");
        // Shown by web/article.js, which moves from one mark to the next.
        w.open("span", {{"class", "mark-nav"}, {"hidden", "hidden"}});
        w.element("button", {{"type", "button"}, {"class", "mark-prev"}}, "\xE2\x86\x91 Previous match");
        w.element("button", {{"type", "button"}, {"class", "mark-next"}}, "Next match \xE2\x86\x93");
        w.element("span", {{"class", "mark-place"}, {"aria-live", "polite"}}, "");
        w.close("span");
        w.close("p");
    }
    w.open("div", {{"class", "doc-body"}}).raw(body).close("div");
    author_bio(w, a, highlighter);
    corrections(w, a, highlighter);
    if (!a.authors.empty()) {
        author_nav(w, author_neighbours(searcher, a.authors.front(), a, id), state, a.authors.front());
    }
    w.open("footer", {{"class", "doc-footer"}});
    citations(w, a, id, cite::Access{archive_url, cite::today_utc()});
    w.close("footer");
    w.close("article");

    w.open("aside", {{"class", "doc-aside"}, {"aria-label", "About this article"}});
    w.open("section", {{"class", "doc-details"}, {"aria-labelledby", "details-heading"}});
    w.element("h2", {{"id", "details-heading"}}, "Details");
    metadata(w, a);
    w.close("section");
    auto more = searcher::more_like_this(searcher.database(), found.value().docid, k_similar);
    if (more) similar(w, more.value());
    w.close("aside");
    w.close("div");

    PageFrame frame;
    frame.title = a.title.empty() ? "Article " + id : a.title;
    frame.kind = "doc";
    frame.query = query;
    frame.head_html = doc_head(a, base_url, archive_url);
    return html::page_reply(render_page(frame, w.str()));
}

} // namespace oped::http
