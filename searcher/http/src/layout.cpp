#include "layout.hpp"

#include <oped/http/html.hpp>

namespace oped::http {

std::string render_page(const PageFrame& frame, std::string_view main_html) {
    html::Writer w;
    w.raw("<!doctype html>\n");
    w.open("html", {{"lang", "en"}});
    w.open("head");
    w.raw(R"(<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">)");
    w.element("title", frame.title.empty() ? std::string("oped") : frame.title + " \xC2\xB7 oped");
    w.raw(R"(<meta name="color-scheme" content="light">)");
    // Linked one by one, not @imported, so the browser fetches them at once.
    w.raw(R"(<link rel="stylesheet" href="/base.css"><link rel="stylesheet" href="/search.css">)"
          R"(<link rel="stylesheet" href="/article.css"><link rel="stylesheet" href="/print.css" media="print">)");
    w.raw(R"(<link rel="icon" href="/icon.svg" type="image/svg+xml">)");
    w.raw(R"(<link rel="search" type="application/opensearchdescription+xml" title="oped" href="/opensearch.xml">)");
    if (!frame.feed_url.empty()) {
        w.open(
            "link",
            {{"rel", "alternate"}, {"type", "application/atom+xml"}, {"title", "Atom feed"}, {"href", frame.feed_url}});
    }
    w.raw(frame.head_html);
    w.raw(R"(<script type="module" src="/app.js"></script>)");
    w.close("head");
    w.open("body", {{"data-page", frame.kind}});
    w.raw(R"(<a class="skip-link" href="#main">Skip to content</a>)");
    w.raw(R"(<header class="masthead"><div class="masthead-inner">)");
    w.raw(R"(<a class="brand" href="/"><img class="brand-icon" src="/icon.svg" alt="" width="28" height="28">)"
          R"(<span class="brand-name">oped</span>)"
          R"(<span class="brand-tag">an archive of opinion</span></a>)");
    if (frame.masthead_search) {
        w.raw(R"(<form class="masthead-search" role="search" action="/" method="get">)");
        w.raw(R"(<label class="visually-hidden" for="masthead-q">Search the archive</label>)");
        w.open("input", {{"type", "search"},
                         {"id", "masthead-q"},
                         {"name", "q"},
                         {"value", frame.query},
                         {"placeholder", "Search the archive"}});
        w.raw(R"(<button type="submit">Search</button></form>)");
    }
    w.raw("</div></header>");
    w.open("main", {{"id", "main"}, {"class", "page-" + frame.kind}, {"tabindex", "-1"}});
    w.raw(main_html);
    w.close("main");
    w.raw(R"(<footer class="site-footer"><p>)"
          R"(<a href="/">Front page</a> <span aria-hidden="true">&middot;</span> )"
          R"(<a href="/feed">Newest articles (Atom)</a> <span aria-hidden="true">&middot;</span> )"
          R"(<a href="/opensearch.xml">Add to your browser</a></p>)"
          R"(<p class="footer-note">Served by oped. Works offline; no trackers.</p></footer>)");
    w.close("body");
    w.close("html");
    return w.take();
}

Reply error_page(const Error& error) {
    const int status = http_status(error.code);
    const bool missing = error.code == ErrorCode::not_found;
    // The index deleted or being rebuilt: nothing went wrong, it is back soon.
    const bool unavailable = error.code == ErrorCode::unavailable;
    html::Writer w;
    w.open("section", {{"class", "error-panel"}, {"role", "alert"}});
    w.element("h1", missing         ? "Not found"
                    : unavailable   ? "The archive is unavailable"
                    : status >= 500 ? "Something went wrong"
                                    : "That request could not be read");
    w.element("p", error.message);
    if (status >= 500 && !unavailable) w.element("p", "The error was logged. Please try again in a moment.");
    w.raw(R"(<p><a href="/">Go to the front page</a></p>)");
    w.close("section");
    PageFrame frame;
    frame.title = missing ? "Not found" : unavailable ? "Unavailable" : "Error";
    frame.kind = "error";
    return html::page_reply(render_page(frame, w.str()), status);
}

} // namespace oped::http
