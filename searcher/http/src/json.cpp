#include <oped/http/json.hpp>

namespace oped::http {
namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

nlohmann::json facet_list(const std::vector<searcher::FacetValue>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
    return out;
}

} // namespace

nlohmann::json copies_json(const std::vector<searcher::CopyRef>& copies) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : copies) {
        out.push_back({{"id", c.id},
                       {"url", c.url},
                       {"title", c.title},
                       {"site", or_null(c.site)},
                       {"published", or_null(c.published)}});
    }
    return out;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

nlohmann::json to_json(const searcher::SearchResponse& r) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& hit : r.results) {
        const Article& a = hit.article;
        results.push_back({{"id", hit.id},
                           {"url", a.url},
                           {"title", a.title},
                           {"authors", a.authors},
                           {"published", or_null(a.published)},
                           {"updated", or_null(a.updated)},
                           {"corrections", a.corrections},
                           {"author_bio", or_null(a.author_bio)},
                           {"site", or_null(a.site)},
                           {"section", or_null(a.section)},
                           {"type", a.type.empty() ? std::string("article") : a.type},
                           {"genre", or_null(a.genre)},
                           {"snippet", hit.snippet},
                           {"score", hit.score},
                           {"copies", copies_json(hit.copies)}});
    }
    nlohmann::json out{{"query", r.query},
                       {"corrected", or_null(r.corrected)},
                       {"showing_corrected", r.showing_corrected},
                       {"notice", or_null(r.notice)},
                       {"total", r.total},
                       {"total_is_exact", r.total_is_exact},
                       {"page", r.page},
                       {"per_page", r.per_page},
                       {"took_ms", r.took_ms},
                       {"results", std::move(results)}};
    out["facets"] = {{"author", facet_list(r.facets.author)},
                     {"year", facet_list(r.facets.year)},
                     {"site", facet_list(r.facets.site)},
                     {"tag", facet_list(r.facets.tag)},
                     {"genre", facet_list(r.facets.genre)}};
    out["facets_exact"] = r.facets.exact;
    nlohmann::json bins = nlohmann::json::array();
    for (const auto& bin : r.timeline.bins) bins.push_back({{"period", bin.period}, {"count", bin.count}});
    out["timeline"] = {{"unit", searcher::unit_name(r.timeline.unit)}, {"bins", std::move(bins)}};
    if (r.time_words) {
        const auto& t = *r.time_words;
        out["time_words"] = {{"text", t.text},
                             {"reading", t.reading},
                             {"from", or_null(t.from)},
                             {"to", or_null(t.to)},
                             {"words", t.rest}};
    } else {
        out["time_words"] = nullptr;
    }
    return out;
}

nlohmann::json to_json(const Article& a, const std::string& id) {
    return {{"id", id},
            {"url", a.url},
            {"path", a.path},
            {"title", a.title},
            {"authors", a.authors},
            {"published", or_null(a.published)},
            {"modified", or_null(a.modified)},
            {"updated", or_null(a.updated)},
            {"corrections", a.corrections},
            {"author_bio", or_null(a.author_bio)},
            {"site", or_null(a.site)},
            {"section", or_null(a.section)},
            {"tags", a.tags},
            {"description", or_null(a.description)},
            {"language", or_null(a.language)},
            {"type", a.type.empty() ? std::string("article") : a.type},
            {"genre", or_null(a.genre)},
            {"body", a.body}};
}

nlohmann::json to_json(const searcher::IndexStats& s) {
    return {{"documents", s.documents},
            {"authors", s.authors},
            {"sites", s.sites},
            {"languages", s.languages},
            {"first_published", or_null(s.first_published)},
            {"last_published", or_null(s.last_published)},
            {"last_update", or_null(s.last_update)},
            {"size_bytes", s.size_bytes},
            {"revision", s.revision}};
}

nlohmann::json to_json(const std::vector<searcher::AuthorSummary>& authors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : authors) {
        nlohmann::json forms = nlohmann::json::array();
        for (const auto& b : a.bylines) forms.push_back({{"byline", b.value}, {"articles", b.count}});
        out.push_back({{"name", a.name}, {"keys", a.keys}, {"articles", a.articles}, {"bylines", std::move(forms)}});
    }
    return out;
}

} // namespace oped::http
