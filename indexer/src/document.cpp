#include <oped/indexer/document.hpp>

#include <oped/common/author_groups.hpp>
#include <oped/common/docdata.hpp>
#include <oped/common/outlets.hpp>
#include <oped/common/schema.hpp>
#include <oped/indexer/spelling_data.hpp>

#include <algorithm>

namespace oped::indexer {
namespace {

void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& display) {
    if (display.empty()) return;
    doc.add_boolean_term(schema::boolean_term(prefix, schema::fold_for_term(display)));
}

// Terms for as much of the date as is known: a month alone gives no day term.
void add_date_terms(Xapian::Document& doc, const std::string& published) {
    const std::string day = schema::date_value(published);
    const std::string_view precision = schema::date_precision(published);
    if (precision == "day") doc.add_boolean_term(std::string(schema::prefix::day) + day);
    if (precision == "day" || precision == "month") {
        doc.add_boolean_term(std::string(schema::prefix::year_month) + day.substr(0, 6));
    }
    if (published.size() >= 4 && std::isdigit(static_cast<unsigned char>(published[0]))) {
        doc.add_boolean_term(std::string(schema::prefix::year) + published.substr(0, 4));
    }
}

} // namespace

std::string unique_id(const Article& article) {
    if (!article.url.empty()) return article.url;
    return "file://" + article.path;
}

DocumentBuilder::DocumentBuilder() { m_terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME); }

BuiltDocument DocumentBuilder::build(const Article& a, const std::string& signature) {
    BuiltDocument out;
    Xapian::Document& doc = out.doc;
    const std::string language = a.language.empty() ? "en" : a.language;
    if (language != m_stem_language) {
        m_terms.set_stemmer(schema::stemmer_for(language));
        m_stem_language = language;
    }
    m_terms.set_document(doc);
    m_terms.set_termpos(0);

    // Free text: title (weighted, and prefixed for title:), authors, body.
    m_terms.index_text(a.title, schema::k_title_weight);
    m_terms.index_text(a.title, 1, std::string(schema::prefix::title));
    m_terms.increase_termpos();
    for (const auto& author : a.authors) {
        m_terms.index_text(author, 1, std::string(schema::prefix::author));
        m_terms.index_text(author);
        m_terms.increase_termpos();
        add_boolean(doc, schema::prefix::author_exact, author);
    }
    // Author keys: one per author, and the byline forms under each.
    std::vector<std::string> keys;
    for (const auto& author : a.authors) {
        std::string key = schema::author_key(author);
        if (key.empty()) continue;
        doc.add_boolean_term(schema::author_key_term(key));
        if (auto form = schema::byline_form_term(key, author); !form.empty()) doc.add_boolean_term(form);
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
    m_terms.index_text(a.body);
    // Correction notices: searchable (and by correction:), not in the body.
    for (const auto& notice : a.corrections) {
        m_terms.increase_termpos();
        m_terms.index_text(notice);
        m_terms.index_text(notice, 1, std::string(schema::prefix::correction));
    }

    // The bio line: searchable by bio: only, not as the article's words.
    if (!a.author_bio.empty()) {
        m_terms.increase_termpos();
        m_terms.index_text(a.author_bio, 1, std::string(schema::prefix::bio));
        doc.add_boolean_term(std::string(schema::prefix::has) + "bio");
    }

    // Exact filters.
    const std::string id = unique_id(a);
    out.id_term = schema::boolean_term(schema::prefix::id, id);
    doc.add_boolean_term(out.id_term);
    doc.add_boolean_term(std::string(schema::prefix::public_id) + schema::public_id(id));
    doc.add_boolean_term(schema::boolean_term(schema::prefix::path, a.path));
    add_boolean(doc, schema::prefix::site, a.site);
    add_boolean(doc, schema::prefix::section, a.section);
    // The site, and the name this page gives it: counted into the outlet
    // table at each commit (outlets.hpp).
    const std::string site_key = m_site_keys.key_of(a.url, a.site);
    if (!site_key.empty()) {
        doc.add_boolean_term(schema::site_key_term(site_key));
        doc.add_value(schema::slot::site_key, site_key);
        if (!a.site.empty()) doc.add_boolean_term(schema::outlet_form_term(site_key, a.site));
    }
    for (const auto& tag : a.tags) add_boolean(doc, schema::prefix::tag, tag);
    if (!a.language.empty()) doc.add_boolean_term(std::string(schema::prefix::language) + a.language);
    doc.add_boolean_term(std::string(schema::prefix::type) + (a.type.empty() ? "article" : a.type));
    add_date_terms(doc, a.published);
    if (!a.corrections.empty()) doc.add_boolean_term(std::string(schema::prefix::has) + "correction");
    if (!a.updated.empty()) doc.add_boolean_term(std::string(schema::prefix::has) + "updated");
    // The body's fingerprint; the copy group's term and value are the
    // writer's to add, as they depend on the other documents.
    out.sketch = copies::sketch_of(a.body);
    if (out.sketch) {
        for (const auto& term : copies::band_terms(*out.sketch)) doc.add_boolean_term(term);
    }
    if (!a.genre.empty()) doc.add_boolean_term(std::string(schema::prefix::genre) + a.genre);

    // Values for ranges, sorting and facets.
    const std::string day = schema::date_value(a.published);
    if (!day.empty()) doc.add_value(schema::slot::published, day);
    doc.add_value(schema::slot::oldest_first, schema::oldest_first_value(day));
    if (const auto precision = schema::date_precision(a.published); precision == "month" || precision == "year") {
        doc.add_value(schema::slot::date_precision, std::string(precision));
    }
    if (a.published.size() >= 4) doc.add_value(schema::slot::year, a.published.substr(0, 4));
    if (!a.authors.empty()) doc.add_value(schema::slot::authors, schema::encode_list(a.authors));
    if (!keys.empty()) doc.add_value(schema::slot::author_keys, schema::encode_list(keys));
    if (!a.site.empty()) doc.add_value(schema::slot::site, a.site);
    if (!a.tags.empty()) doc.add_value(schema::slot::tags, schema::encode_list(a.tags));
    if (!a.section.empty()) doc.add_value(schema::slot::section, a.section);
    if (!a.language.empty()) doc.add_value(schema::slot::language, a.language);
    if (!a.genre.empty()) doc.add_value(schema::slot::genre, a.genre);
    doc.add_value(schema::slot::path, a.path);
    doc.add_value(schema::slot::signature, signature);
    doc.add_value(schema::slot::uid, id);
    schema::refresh_facet_row(doc); // a page dated to its year only; copy groups come later (copy_groups.cpp)

    doc.set_data(encode_docdata(a));
    out.words = spelling_words(doc);
    // Let go of the document: the TermGenerator holds a reference to it, and
    // Xapian's reference counts are not atomic. Kept, that reference would be
    // dropped here on the next build() while the writer thread copies and
    // frees the same document: a data race on the count.
    m_terms.set_document(Xapian::Document());
    return out;
}

} // namespace oped::indexer
