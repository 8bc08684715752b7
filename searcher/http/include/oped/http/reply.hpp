#pragma once

// Socket-free HTTP: handlers are plain functions from parameters to a Reply,
// so unit tests call them directly.

#include <oped/common/errors.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace oped::http {

// Query parameters, repeated keys allowed (author=A&author=B).
using ParamMap = std::multimap<std::string, std::string>;

struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// {"error": {"code", "message", "param"}} with the status from the error table.
Reply error_reply(const Error& error);

Reply json_reply(std::string body, int status = 200);

} // namespace oped::http
