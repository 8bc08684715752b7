#pragma once

// Writing HTML and XML safely: every value from the index or the request
// goes through text() or an attribute, which escape it; raw() is for markup
// this layer made itself. Tag and attribute names are literals.

#include <oped/http/reply.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace oped::http::html {

// &, <, >, " and ' escaped; invalid UTF-8 replaced; for text and attributes.
std::string escape(std::string_view text);

// As escape(), and characters XML 1.0 forbids (C0 controls but tab, CR,
// LF; U+FFFE, U+FFFF) dropped, so the result is always well-formed.
std::string xml_escape(std::string_view text);

// Percent-encoding of one query-string component or path segment.
std::string url_encode(std::string_view text);

// A snippet from the search library, made safe whatever it holds: <mark>
// and </mark> kept, the five entities escape() writes kept, anything else
// markup-like escaped.
std::string safe_snippet(std::string_view snippet);

// An article's own URL when it is http(s) and fit to link to; else empty.
std::string external_url(std::string_view url);

// "1787-10-27" -> "27 October 1787"; "1787-10" -> "October 1787"; "1787" as
// is; anything else unchanged.
std::string readable_date(std::string_view iso);

struct Attr {
    std::string_view name;
    std::string value;
};

class Writer {
  public:
    Writer& open(std::string_view tag, std::initializer_list<Attr> attrs = {});
    Writer& open(std::string_view tag, const std::vector<Attr>& attrs);
    Writer& close(std::string_view tag);
    // <tag attrs>text</tag>
    Writer& element(std::string_view tag, std::initializer_list<Attr> attrs, std::string_view text);
    Writer& element(std::string_view tag, std::string_view text) { return element(tag, {}, text); }
    Writer& text(std::string_view text);
    Writer& raw(std::string_view markup);

    const std::string& str() const { return m_out; }
    std::string take() { return std::move(m_out); }

  private:
    void attributes(const Attr* begin, const Attr* end);
    std::string m_out;
};

// An HTML reply: "text/html; charset=utf-8".
Reply page_reply(std::string body, int status = 200);

} // namespace oped::http::html
