// "/doc/{id}/cite.ris" and "/doc/{id}/cite.bib": an article's citation as a
// file for reference managers, citing the archive's page read today.

#include <oped/http/pages.hpp>

#include "parts.hpp"

#include <oped/common/schema.hpp>
#include <oped/http/cite.hpp>
#include <oped/http/handlers.hpp>

namespace oped::http {

Reply handle_citation_file(const std::string& id_text, const std::string& format, searcher::Searcher& searcher,
                           const std::string& base_url) {
    if (!schema::is_public_id(id_text) || (format != "ris" && format != "bib"))
        return error_reply(unknown_doc_id(id_text));
    auto found = searcher.document(id_text);
    if (!found && found.error().code != ErrorCode::not_found) return error_reply(found.error());
    if (!found) return error_reply(unknown_doc_id(id_text));
    const Article& a = found.value().article;
    const std::string& id = found.value().id;
    const cite::Access access{base_url + doc_url(id, ""), cite::today_utc()};
    Reply reply;
    if (format == "ris") {
        reply.content_type = "application/x-research-info-systems; charset=utf-8";
        reply.body = cite::ris(a, access);
    } else {
        reply.content_type = "application/x-bibtex; charset=utf-8";
        reply.body = cite::bibtex(a, id, access);
    }
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"oped-" + id + "." + format + "\"");
    return reply;
}

} // namespace oped::http
