#pragma once

// Real WARC files for tests: a small web site served by cpp-httplib on an
// ephemeral loopback port, on its own thread, crawled by `wget --warc-file`.

#include <httplib.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace oped::test {

struct SitePage {
    enum class Coding { plain, gzip, chunked };
    std::string path; // "/a.html"
    std::string body;
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    Coding coding = Coding::plain;
};

class FixtureSite {
  public:
    explicit FixtureSite(std::vector<SitePage> pages);
    ~FixtureSite();
    FixtureSite(const FixtureSite&) = delete;
    FixtureSite& operator=(const FixtureSite&) = delete;

    std::string url(const std::string& path) const;
    // What the site serves from now on (same port, so the same URLs).
    void set_pages(std::vector<SitePage> pages);

  private:
    void answer(const httplib::Request& request, httplib::Response& response);

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<SitePage> m_pages;
};

// wget fetches each of `paths` from `site` into a WARC file `prefix`.warc.gz
// (`prefix`.warc when not `compress`), replacing one made before; returns its
// path. Throws when wget makes no WARC file.
std::filesystem::path crawl_to_warc(const FixtureSite& site, const std::vector<std::string>& paths,
                                    const std::filesystem::path& prefix, bool compress = true);

} // namespace oped::test
