#include <oped/indexer/body.hpp>

#include <oped/indexer/html_doc.hpp>

namespace oped::indexer {

std::string extract_body(xmlDoc* doc, const Article& /*meta*/) {
    xmlNode* root = root_element(doc);
    std::string out;
    for (xmlNode* p : find_all(root, "p")) {
        std::string para = visible_text(p);
        if (para.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += para;
    }
    return out;
}

} // namespace oped::indexer
