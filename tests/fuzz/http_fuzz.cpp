// Fuzz target: the HTTP layer's parameter handling, without a socket. The
// input's first line is a request target ("/api/search?q=...&author=..."),
// its second, if any, a Host header. The query string becomes a ParamMap as
// cpp-httplib makes it for the server, and the path picks the handler as the
// server's routes do; every handler runs over a small real index built once.
// Every reply must be a client error at worst, its body valid UTF-8, and a
// JSON body valid JSON.

#include "fixture_index.hpp"
#include "fuzz.hpp"

#include <oped/common/text.hpp>
#include <oped/http/handlers.hpp>
#include <oped/http/pages.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using oped::http::ParamMap;
using oped::http::Reply;

// What the server's route patterns capture: "/author/(.{1,200})" and
// "/doc/([^/]{1,32})"; std::regex's '.' stops at line ends.
bool author_name_ok(const std::string& s) {
    return !s.empty() && s.size() <= 200 && s.find_first_of("\r\n") == std::string::npos;
}
bool doc_id_ok(const std::string& s) { return !s.empty() && s.size() <= 32 && s.find('/') == std::string::npos; }

// `public_url` is what an operator passes as --public-url: the links of the
// feed and OpenSearch start with it when it is accepted.
Reply route(const std::string& path, const ParamMap& params, const std::string& public_url,
            oped::searcher::Searcher& searcher) {
    using namespace oped::http;
    const auto checked = public_base_url(public_url);
    const std::string base = checked ? checked.value() : std::string("http://127.0.0.1:8080");
    if (path == "/api/search") return handle_search(params, searcher);
    if (path == "/feed") return handle_feed(params, searcher, base);
    if (path == "/opensearch.xml") return handle_opensearch(base);
    if (path == "/api/suggest") return handle_suggest(params, searcher);
    if (path.starts_with("/api/doc/") && doc_id_ok(path.substr(9))) return handle_doc(path.substr(9), searcher);
    if (path.starts_with("/doc/") && doc_id_ok(path.substr(5)))
        return handle_doc_page(path.substr(5), params, searcher, base);
    if (path.starts_with("/author/") && author_name_ok(path.substr(8))) {
        return handle_author_page(path.substr(8), params, searcher);
    }
    return handle_search_page(params, searcher);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oped;
    static searcher::Searcher searcher = [] {
        auto opened = searcher::Searcher::open(fuzz::fixture_index().db_path());
        fuzz::check(opened.has_value(), "the fixture index opens");
        return std::move(opened).value();
    }();
    const std::string_view input = fuzz::as_text(data, size);
    const auto line_end = input.find('\n');
    const std::string target(input.substr(0, line_end));
    const std::string public_url = line_end == std::string_view::npos ? "" : std::string(input.substr(line_end + 1));

    const auto question = target.find('?');
    const std::string path = httplib::detail::decode_url(target.substr(0, question), false);
    ParamMap params;
    if (question != std::string::npos) httplib::detail::parse_query_text(target.substr(question + 1), params);

    const Reply reply = route(path, params, public_url, searcher);
    fuzz::check(reply.status >= 200 && reply.status < 500, "a request gets a reply or a client error");
    fuzz::check(text::is_valid_utf8(reply.body), "the reply body is valid UTF-8");
    if (reply.content_type.find("json") != std::string::npos) {
        fuzz::check(nlohmann::json::accept(reply.body), "a JSON reply is valid JSON");
    }
    return 0;
}
