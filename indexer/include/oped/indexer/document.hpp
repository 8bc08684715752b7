#pragma once

// Article -> Xapian::Document, following common/schema.hpp. Pure apart from
// the TermGenerator's scratch state: one builder per thread.

#include <oped/common/article.hpp>
#include <oped/indexer/fingerprint.hpp>
#include <oped/indexer/site_key.hpp>

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace oped::indexer {

// The unique id of an article: its canonical URL, else "file://" + path.
std::string unique_id(const Article& article);

struct BuiltDocument {
    Xapian::Document doc;
    std::string id_term; // Q-prefixed, ready for replace_document
    // The body's sketch, also in the document as band terms; none for a
    // short body. The writer groups copies with it (copy_groups.hpp).
    std::optional<copies::Sketch> sketch;
    // The words spelling may suggest (spelling_words()), gathered here so
    // that the writer's thread does not walk the term list.
    std::vector<std::string> words;
};

class DocumentBuilder {
  public:
    DocumentBuilder();

    // `signature` identifies the source file's version (see file_signature()).
    BuiltDocument build(const Article& article, const std::string& signature);

  private:
    Xapian::TermGenerator m_terms;
    SiteKeys m_site_keys;
    std::string m_stem_language; // of the stemmer currently set
};

} // namespace oped::indexer
