// "/opensearch.xml" and "/api/suggest": the browser's search-engine entry
// for the archive (OpenSearch 1.1) and the suggestions it asks for.

#include <oped/http/pages.hpp>

#include <oped/http/html.hpp>
#include <oped/http/json.hpp>
#include <oped/http/mount.hpp>
#include <oped/searcher/suggest.hpp>

namespace oped::http {

Result<std::string> public_base_url(const std::string& url) {
    const Error bad{ErrorCode::usage, "the public URL must be http(s)://HOST[:PORT][/PATH], e.g. https://opeds.example",
                    "public-url"};
    std::string_view rest = url;
    for (std::string_view scheme : {"http://", "https://"}) {
        if (rest.substr(0, scheme.size()) == scheme) rest.remove_prefix(scheme.size());
    }
    if (rest.size() == url.size()) return bad;
    const auto slash = rest.find('/');
    if (!is_host_and_port(rest.substr(0, slash))) return bad;
    if (slash != std::string_view::npos) {
        for (char c : rest.substr(slash)) {
            if (!std::isalnum(static_cast<unsigned char>(c)) &&
                std::string_view("/-._~%").find(c) == std::string_view::npos) {
                return bad;
            }
        }
    }
    std::string base = url;
    while (base.back() == '/') base.pop_back();
    return base;
}

Reply handle_opensearch(const std::string& base_url) {
    const std::string base = html::xml_escape(base_url);
    std::string out = R"(<?xml version="1.0" encoding="utf-8"?>)"
                      "\n"
                      R"(<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">)"
                      "<ShortName>oped</ShortName>"
                      "<Description>Search the op-ed archive</Description>"
                      "<InputEncoding>UTF-8</InputEncoding>"
                      "<OutputEncoding>UTF-8</OutputEncoding>";
    out += R"(<Image width="16" height="16" type="image/svg+xml">)" + base + "/icon.svg</Image>";
    out += R"(<Url type="text/html" method="get" template=")" + base + R"(/?q={searchTerms}"/>)";
    out += R"(<Url type="application/x-suggestions+json" method="get" template=")" + base +
           R"(/api/suggest?q={searchTerms}"/>)";
    out += R"(<Url type="application/atom+xml" method="get" template=")" + base + R"(/feed?q={searchTerms}"/>)";
    out +=
        R"(<Url type="application/opensearchdescription+xml" rel="self" template=")" + base + R"(/opensearch.xml"/>)";
    out += "</OpenSearchDescription>\n";
    return Reply{200, "application/opensearchdescription+xml; charset=utf-8", std::move(out), {}};
}

Reply handle_suggest(const ParamMap& params, searcher::Searcher& searcher) {
    const auto q = params.find("q");
    const std::string text = q == params.end() ? std::string() : q->second;
    if (text.size() > searcher::k_max_suggest_bytes) {
        return error_reply(Error{ErrorCode::invalid_param,
                                 "q is longer than " + std::to_string(searcher::k_max_suggest_bytes) + " bytes", "q"});
    }
    const auto found = searcher::suggest(searcher.database(), text, searcher::k_max_suggestions);
    nlohmann::json body = nlohmann::json::array({text, found});
    return Reply{200, "application/x-suggestions+json", dump(body), {}};
}

} // namespace oped::http
