#include "support/warc_site.hpp"

#include "support/gzip.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <chrono>
#include <stdexcept>

namespace oped::test {

FixtureSite::FixtureSite(std::vector<SitePage> pages) : m_pages(std::move(pages)) {
    m_server.Get(".*",
                 [this](const httplib::Request& request, httplib::Response& response) { answer(request, response); });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) throw std::runtime_error("the fixture site could not bind a port");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    // Bounded: a server that never starts fails the test instead of hanging it.
    for (int i = 0; !m_server.is_running(); ++i) {
        if (i > 60000) {
            m_server.stop();
            m_thread.join();
            throw std::runtime_error("the fixture site did not start listening");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

FixtureSite::~FixtureSite() {
    m_server.stop();
    m_thread.join();
}

std::string FixtureSite::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
}

void FixtureSite::set_pages(std::vector<SitePage> pages) {
    std::lock_guard lock(m_mutex);
    m_pages = std::move(pages);
}

void FixtureSite::answer(const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(m_mutex);
    for (const auto& page : m_pages) {
        if (page.path != request.path) continue;
        response.status = page.status;
        switch (page.coding) {
            case SitePage::Coding::plain:
                response.set_content(page.body, page.content_type.c_str());
                break;
            case SitePage::Coding::gzip:
                response.set_header("Content-Encoding", "gzip");
                response.set_content(gzip(page.body), page.content_type.c_str());
                break;
            case SitePage::Coding::chunked: {
                const std::string body = page.body;
                response.set_chunked_content_provider(
                    page.content_type.c_str(), [body](std::size_t, httplib::DataSink& sink) {
                        // Three chunks, so the framing is really there.
                        const std::size_t third = body.size() / 3 + 1;
                        for (std::size_t at = 0; at < body.size(); at += third) {
                            sink.write(body.data() + at, std::min(third, body.size() - at));
                        }
                        sink.done();
                        return true;
                    });
                break;
            }
        }
        return;
    }
    response.status = 404;
    response.set_content("<html><body>not here</body></html>", "text/html");
}

std::filesystem::path crawl_to_warc(const FixtureSite& site, const std::vector<std::string>& paths,
                                    const std::filesystem::path& prefix, bool compress) {
    const std::filesystem::path warc = prefix.string() + (compress ? ".warc.gz" : ".warc");
    std::filesystem::remove(warc);
    // wget writes the WARC but does not make its folder.
    std::filesystem::create_directories(warc.parent_path());
    TempDir scratch;
    std::vector<std::string> args{"--quiet",
                                  "--no-proxy",
                                  "--tries=1",
                                  "--timeout=60",
                                  "--no-directories",
                                  "--directory-prefix=" + (scratch / "download").string(),
                                  "--warc-tempdir=" + scratch.path().string(),
                                  "--warc-file=" + prefix.string()};
    if (!compress) args.emplace_back("--no-warc-compression");
    for (const auto& path : paths) args.push_back(site.url(path));
    // wget exits 8 when a page answers 404: the WARC is still whole.
    const RunResult run = run_program("wget", args);
    if (!std::filesystem::exists(warc)) {
        throw std::runtime_error("wget made no WARC file (exit " + std::to_string(run.exit_code) + "): " + run.err);
    }
    return warc;
}

} // namespace oped::test
