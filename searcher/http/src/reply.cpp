#include <oped/http/reply.hpp>

#include <oped/http/json.hpp>

namespace oped::http {

Reply error_reply(const Error& error) {
    nlohmann::json body{{"error",
                         {{"code", error_name(error.code)},
                          {"message", error.message},
                          {"param", error.param.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.param)}}}};
    return Reply{http_status(error.code), "application/json", dump(body), {}};
}

Reply json_reply(std::string body, int status) { return Reply{status, "application/json", std::move(body), {}}; }

} // namespace oped::http
