#pragma once

// The HTML pages, the feed and the browser integration: plain functions of
// their parameters and a Searcher, like the API's handlers, so tests call
// them without a socket (and the server, like the API's, in
// Searcher::with_retry()). Everything from the index or the request is
// escaped where it is written (html.hpp).

#include <oped/http/reply.hpp>
#include <oped/searcher/searcher.hpp>

#include <string>

namespace oped::http {

// "/" and "/?q=...&author=...": the same parameters as /api/search.
Reply handle_search_page(const ParamMap& params, searcher::Searcher& searcher);

// "/author/{name}": their articles newest first, timeline, outlets, words.
Reply handle_author_page(const std::string& name, const ParamMap& params, searcher::Searcher& searcher);

// "/doc/{id}?q=...&rank=N": the article's text with the query's words
// marked, the way back to the search it was reached from (every search
// parameter carried) and to its neighbouring results (`rank`), metadata, more
// like this, citations; its <head> describes it for reference managers and
// link previews. `base_url` as for the feed: its permanent URL is
// base_url + "/doc/{id}".
Reply handle_doc_page(const std::string& id, const ParamMap& params, searcher::Searcher& searcher,
                      const std::string& base_url);

// "/doc/{id}/cite.ris" and "/doc/{id}/cite.bib" (`format` "ris" or "bib"):
// the article's citation as a file to download.
Reply handle_citation_file(const std::string& id, const std::string& format, searcher::Searcher& searcher,
                           const std::string& base_url);

// "/feed?q=...": an Atom feed of any search, newest first. `base_url` is
// "http://host:port" for absolute links.
Reply handle_feed(const ParamMap& params, searcher::Searcher& searcher, const std::string& base_url);

// "/opensearch.xml".
Reply handle_opensearch(const std::string& base_url);

// "/api/suggest?q=": ["q", ["completion", ...]] (OpenSearch suggestions).
Reply handle_suggest(const ParamMap& params, searcher::Searcher& searcher);

// The base of absolute links (feeds, OpenSearch) from `oped serve --public-url`:
// http(s)://host[:port][/path], trailing slashes removed; anything else is
// a usage error. The Host header is never used: the client writes it.
Result<std::string> public_base_url(const std::string& url);

} // namespace oped::http
