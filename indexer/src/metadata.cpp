#include <oped/indexer/metadata.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/html_doc.hpp>

namespace oped::indexer {

void extract_metadata(xmlDoc* doc, Article& out) {
    xmlNode* root = root_element(doc);
    if (xmlNode* title = find_first(root, "title")) out.title = text::collapse_space(raw_text(title));
    for (xmlNode* meta : find_all(root, "meta")) {
        const std::string name = text::ascii_lower(attr(meta, "name"));
        if (name == "author" && out.authors.empty()) out.authors.push_back(text::collapse_space(attr(meta, "content")));
        if (name == "description") out.description = text::collapse_space(attr(meta, "content"));
    }
    for (xmlNode* link : find_all(root, "link")) {
        if (text::ascii_lower(attr(link, "rel")) == "canonical") out.url = attr(link, "href");
    }
    if (xmlNode* html = find_first(root, "html")) out.language = text::ascii_lower(attr(html, "lang")).substr(0, 2);
}

} // namespace oped::indexer
