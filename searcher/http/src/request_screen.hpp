#pragma once

// What the server settles about a request after reading its head and before
// routing it: methods it does not serve, paths no file or route can have,
// and which Range requests it honours. A pure function of the request and
// the static folder, so the rules are tested as a table.

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace oped::http {

struct RequestScreen {
    std::string web_dir;          // static files; empty: none
    std::size_t max_body_bytes{}; // a longer declared body is refused (413)
    std::string base_path;        // every route under this prefix; empty: the root
};

struct Refusal {
    int status = 400;
    std::string message;
    std::vector<std::pair<std::string, std::string>> headers;
};

// Refuses a method other than GET and HEAD (405, or 413 for a body over the
// limit), a body on GET or HEAD (400), and a path holding a control
// character (400); a refused request with a body ends its connection
// (`close`), as the body is never read. Range: only a static file honours
// it, and only one range of it (a 206, or a 416 when the file has no such
// bytes); anywhere else, or with several ranges, the Range header is
// dropped and the whole answer is sent. Under a base path, BASE/x is
// routed as /x (req.path changed; req.target keeps what was asked), BASE
// alone is redirected to BASE/ (301, its query kept), and any other path is
// not found (404).
std::optional<Refusal> screen_request(httplib::Request& req, const RequestScreen& screen, bool& close);

} // namespace oped::http
