#pragma once

// The API's handlers: plain functions of their parameters and a Searcher.
// They read the Searcher's database as it is; the server runs each one in
// Searcher::with_retry(), which brings the index up to date first.

#include <oped/http/reply.hpp>
#include <oped/searcher/search.hpp>
#include <oped/searcher/searcher.hpp>

#include <string>

namespace oped::http {

// Parameters of /api/search -> SearchRequest, every value bounded. Unknown
// parameters are ignored (browsers add their own); repeated ones are ORed
// where that means something (author, site, tag, year).
Result<searcher::SearchRequest> parse_search_params(const ParamMap& params);

Reply handle_search(const ParamMap& params, searcher::Searcher& searcher);
// "/api/doc/{id}": one article by its public id (schema::public_id).
Reply handle_doc(const std::string& id, searcher::Searcher& searcher);
// not_found for an article id the archive does not hold. A number is a
// link from before public ids (a Xapian docid, which a rebuild reassigns):
// it is not redirected, since the number may now name another article, and
// the message says so.
Error unknown_doc_id(std::string_view id);
Reply handle_stats(searcher::Searcher& searcher);
Reply handle_health(searcher::Searcher& searcher);

} // namespace oped::http
