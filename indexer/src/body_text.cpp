#include <oped/indexer/body_text.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/body_dom.hpp>

#include <algorithm>

namespace oped::indexer::body {
namespace {

enum class Break { none = 0, line = 1, paragraph = 2 };

class TextBuilder {
  public:
    void text(std::string_view s) { m_line += s; }

    void request(Break level) {
        flush();
        m_pending = std::max(m_pending, level);
        m_after_br = false;
    }

    // A <br> right after another one, with no text between, ends the paragraph.
    void br() {
        flush();
        if (m_preformatted > 0) {
            m_line += '\n';
            return;
        }
        m_pending = std::max(m_pending, m_after_br ? Break::paragraph : Break::line);
        m_after_br = true;
    }

    void cell() {
        if (text::collapse_space(m_line).empty()) return;
        m_line += " | ";
    }

    void enter_pre() {
        request(Break::paragraph);
        ++m_preformatted;
    }
    void leave_pre() {
        flush();
        --m_preformatted;
        request(Break::paragraph);
    }

    std::string finish() {
        flush();
        return std::move(m_out);
    }

  private:
    void flush() {
        std::string s = m_preformatted > 0 ? trim_lines(m_line) : text::collapse_space(m_line);
        m_line.clear();
        if (m_preformatted == 0) strip_dangling_separator(s);
        if (s.empty()) return;
        if (!m_out.empty()) m_out += m_pending == Break::paragraph ? "\n\n" : "\n";
        m_out += s;
        m_pending = Break::none;
        m_after_br = false;
    }

    static std::string trim_lines(const std::string& s) {
        const auto first = s.find_first_not_of("\r\n");
        if (first == std::string::npos) return {};
        const auto last = s.find_last_not_of(" \t\r\n");
        return s.substr(first, last - first + 1);
    }

    static void strip_dangling_separator(std::string& s) {
        while (s.size() >= 2 && s.compare(s.size() - 2, 2, " |") == 0) s.resize(s.size() - 2);
    }

    std::string m_out;
    std::string m_line;
    Break m_pending = Break::none;
    bool m_after_br = false;
    int m_preformatted = 0;
};

Break break_of(const xmlNode* node, int data_table_depth) {
    const auto tag = tag_name(node);
    if (tag == "li" || tag == "dt" || tag == "dd" || tag == "option") return Break::line;
    if (tag == "tr") return data_table_depth > 0 ? Break::line : Break::paragraph;
    if (tag == "td" || tag == "th") return data_table_depth > 0 ? Break::none : Break::paragraph;
    if (tag == "tbody" || tag == "thead" || tag == "tfoot") return Break::none;
    return is_block(tag) ? Break::paragraph : Break::none;
}

bool is_data_table(const xmlNode* node) { return is_element(node, "table") && attr(node, "data-oped-table") == "1"; }

} // namespace

std::string serialise(xmlNode* root) {
    TextBuilder out;
    int data_tables = 0;
    walk_tree(
        root,
        [&](xmlNode* node) {
            if (is_text(node)) {
                if (node->content != nullptr) out.text(reinterpret_cast<const char*>(node->content));
                return false;
            }
            if (node->type != XML_ELEMENT_NODE) return false;
            const auto tag = tag_name(node);
            if (tag == "br") {
                out.br();
                return false;
            }
            if (tag == "pre") {
                out.enter_pre();
                return true;
            }
            if (is_data_table(node)) ++data_tables;
            if ((tag == "td" || tag == "th") && data_tables > 0) out.cell();
            const Break b = break_of(node, data_tables);
            if (b != Break::none) out.request(b);
            return true;
        },
        [&](xmlNode* node) {
            if (node->type != XML_ELEMENT_NODE) return;
            const auto tag = tag_name(node);
            if (tag == "br") return;
            if (tag == "pre") {
                out.leave_pre();
                return;
            }
            const Break b = break_of(node, data_tables);
            if (is_data_table(node)) --data_tables;
            if (b != Break::none) out.request(b);
        });
    return out.finish();
}

} // namespace oped::indexer::body
