#include "logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>

namespace oped::cli {
namespace {

// The sd-daemon priority of a level: 3 error ... 7 debug.
class SyslogPriorityFlag final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& msg, const std::tm& /*unused*/, spdlog::memory_buf_t& dest) override {
        char digit = '6';
        switch (msg.level) {
            case spdlog::level::critical:
                digit = '2';
                break;
            case spdlog::level::err:
                digit = '3';
                break;
            case spdlog::level::warn:
                digit = '4';
                break;
            case spdlog::level::info:
                digit = '6';
                break;
            default:
                digit = '7';
                break;
        }
        dest.push_back(digit);
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<SyslogPriorityFlag>(); }
};

bool under_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    return stream != nullptr && *stream != '\0';
}

} // namespace

void configure_logging() {
    if (under_journal()) {
        auto logger = spdlog::stderr_logger_mt("oped");
        auto formatter = std::make_unique<spdlog::pattern_formatter>();
        formatter->add_flag<SyslogPriorityFlag>('*').set_pattern("<%*>%v");
        logger->set_formatter(std::move(formatter));
        spdlog::set_default_logger(std::move(logger));
        return;
    }
    spdlog::set_default_logger(spdlog::stderr_color_mt("oped"));
}

} // namespace oped::cli
