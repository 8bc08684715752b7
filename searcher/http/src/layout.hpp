#pragma once

// The frame every HTML page shares: head (styles, script, OpenSearch and
// feed links), masthead, footer. Pages render only what goes in <main>.

#include <oped/common/errors.hpp>
#include <oped/http/reply.hpp>

#include <string>
#include <string_view>

namespace oped::http {

struct PageFrame {
    std::string title;           // before " · oped" in <title>
    std::string kind;            // <body data-page>: search, author, doc, error
    std::string feed_url;        // an Atom feed of this page's articles, or empty
    bool masthead_search = true; // a compact search box in the masthead
    std::string query;           // its value
    std::string head_html;       // the page's own <head> elements, already escaped
};

std::string render_page(const PageFrame& frame, std::string_view main_html);

// A readable page for any error, with the status from the error table.
Reply error_page(const Error& error);

} // namespace oped::http
