#include <oped/indexer/revisions.hpp>

#include <oped/common/text.hpp>
#include <oped/indexer/dates.hpp>
#include <oped/indexer/title.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>

namespace oped::indexer {
namespace {

// ---- word lists (revisions.cpp), folded ---------------------------------

// Labels that open a correction notice when a colon follows, perhaps after
// a date ("Correction, Nov. 11, 2022: ...", "Clarification (May 2): ...").
constexpr std::array<std::string_view, 2> k_notice_labels{"correction", "clarification"};
// Labels before a notice sentence ("Editor's note: This story was
// corrected ...", "Update, May 3: This article has been updated to ...").
constexpr std::array<std::string_view, 5> k_note_labels{"editor's note", "editors' note", "editors note", "update",
                                                        "note"};
// What a notice calls the page it stands on.
constexpr std::array<std::string_view, 22> k_page_nouns{
    "article",   "story",      "column",   "op-ed",      "editorial", "essay",        "piece",     "post",
    "report",    "review",     "letter",   "commentary", "headline",  "caption",      "interview", "analysis",
    "blog post", "newsletter", "obituary", "graphic",    "version",   "photo caption"};
// "This article has been / was ..." before a revision verb.
constexpr std::array<std::string_view, 5> k_auxiliaries{"has been ", "was ", "had been ", "has since been ",
                                                        "have been "};
// Revision verbs of a notice sentence ("edited" is not one: "This interview
// was edited for length" is no correction).
constexpr std::array<std::string_view, 6> k_revision_verbs{"updated", "corrected", "amended",
                                                           "revised", "changed",   "clarified"};
// Openers of the notice that says what the page got wrong.
constexpr std::array<std::string_view, 4> k_earlier_openers{"an earlier version of this ",
                                                            "a previous version of this ", "an earlier version of the ",
                                                            "a previous version of the "};
// Words that make an editor's note a correction.
constexpr std::array<std::string_view, 9> k_correction_words{"correct", "earlier version", "previous version",
                                                             "misstat", "misidentif",      "misspel",
                                                             "misquot", "misattribut",     "amended"};
// Words before a shown revision date, as prefixes ("Updated", "Last
// modified", "Mis à jour le"); not "reviewed" or "edited", which do not say
// the text changed.
constexpr std::array<std::string_view, 9> k_revision_labels{
    "updat", "modifi", "revised", "mis à jour", "actualiz", "aktualisiert", "aggiornat", "bijgewerkt", "atualiz"};

// ---- end of word lists ----------------------------------------------------

// A notice is a sentence or a short paragraph, not an article.
constexpr std::size_t k_min_notice_bytes = 20;
constexpr std::size_t k_max_notice_bytes = 800;
// Bytes allowed between a label and its colon (a date, "appended").
constexpr std::size_t k_max_label_tail = 40;
constexpr std::size_t k_max_tail_words = 5;
constexpr std::size_t k_max_notices = 5;
// Lines between a shown "Updated" date and the headline or byline, as for
// the publication date (metadata.cpp).
constexpr int k_max_updated_distance = 12;
constexpr long k_minutes_per_day = 24L * 60;

// Folded, single-spaced, the typographic apostrophe made plain, and the
// marks a notice may open with ("*", "[", "(", "—", "•") taken off.
std::string notice_key(std::string_view text) {
    std::string f = text::fold_case(text::collapse_space(text));
    for (std::size_t at = f.find("\xE2\x80\x99"); at != std::string::npos; at = f.find("\xE2\x80\x99", at)) {
        f.replace(at, 3, "'");
    }
    std::size_t start = 0;
    while (start < f.size()) {
        const auto c = static_cast<unsigned char>(f[start]);
        if (std::isalnum(c) != 0) break;
        if (c >= 0x80) {
            // A dash or bullet (three bytes, U+2010..U+2027) is skipped whole.
            if (c == 0xE2 && start + 2 < f.size() && static_cast<unsigned char>(f[start + 1]) == 0x80) {
                start += 3;
                continue;
            }
            break;
        }
        ++start;
    }
    return f.substr(start);
}

// After a label at the start of `f`: the text past its colon, when only a
// short tail (a date, a plural "s") stands between them; else npos.
std::size_t past_label_colon(std::string_view f, std::string_view label) {
    if (!f.starts_with(label)) return std::string_view::npos;
    const std::size_t colon = f.find(':', label.size());
    if (colon == std::string_view::npos || colon - label.size() > k_max_label_tail) return std::string_view::npos;
    std::string_view tail = f.substr(label.size(), colon - label.size());
    if (tail.starts_with('s') || tail.starts_with('d')) tail.remove_prefix(1); // "Corrections", "Updated"
    const bool dated = std::any_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool blank = std::all_of(tail.begin(), tail.end(), [](char c) { return c == ' '; });
    if (!blank && !(dated && word_count(tail) <= k_max_tail_words)) return std::string_view::npos;
    if (!blank && (std::isalnum(static_cast<unsigned char>(tail.front())) != 0)) return std::string_view::npos;
    return colon + 1;
}

bool noun_follows(std::string_view rest, std::string_view& after) {
    for (auto noun : k_page_nouns) {
        if (!rest.starts_with(noun)) continue;
        const std::string_view next = rest.substr(noun.size());
        if (next.empty() || next.front() == ' ' || next.front() == '\'' || next.front() == ',') {
            after = next.empty() ? next : next.substr(next.front() == ' ' ? 1 : 0);
            return true;
        }
    }
    return false;
}

// "An earlier version of this article ...", "This story has been corrected".
std::string_view notice_sentence(std::string_view g) {
    for (auto opener : k_earlier_openers) {
        std::string_view after;
        if (g.starts_with(opener) && noun_follows(g.substr(opener.size()), after)) {
            return "\"an earlier version of this ...\"";
        }
    }
    std::string_view after;
    if (!g.starts_with("this ") || !noun_follows(g.substr(5), after)) return {};
    for (auto aux : k_auxiliaries) {
        if (!after.starts_with(aux)) continue;
        const std::string_view verb = after.substr(aux.size());
        for (auto v : k_revision_verbs) {
            if (verb.starts_with(v)) return "\"this article has been/was updated, corrected, amended ...\"";
        }
    }
    return {};
}

std::optional<long> minutes_of(const Date& d) {
    using namespace std::chrono;
    const year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
    if (!ymd.ok()) return std::nullopt;
    const long days = sys_days{ymd}.time_since_epoch().count();
    return days * k_minutes_per_day + (d.has_time ? d.hour * 60L + d.minute - (d.has_zone ? d.offset_minutes : 0) : 0);
}

// At least a day later: 24 hours when both instants are known, else a later
// day as written.
bool day_or_more_after(const Date& later, const Date& earlier) {
    const auto a = minutes_of(later);
    const auto b = minutes_of(earlier);
    if (!a || !b) return false;
    if (later.has_time && later.has_zone && earlier.has_time && earlier.has_zone) return *a - *b >= k_minutes_per_day;
    return *a / k_minutes_per_day > *b / k_minutes_per_day;
}

// The date after a revision word in a shown line ("Published May 1, 2020.
// Updated May 3, 2020"), or the line's own date when it is labelled a
// revision as a whole.
std::optional<Date> shown_revision(const DateLine& l) {
    const std::string folded = text::fold_case(l.text);
    std::size_t at = std::string::npos;
    for (auto word : k_revision_labels) at = std::min(at, folded.find(word));
    if (at != std::string::npos) {
        if (auto d = first_date_in_text(std::string_view(folded).substr(at))) return d;
    }
    if (l.label == DateLabel::updated) return l.date;
    return std::nullopt;
}

bool already_kept(const std::vector<std::string>& kept, const std::string& key) {
    return std::any_of(kept.begin(), kept.end(), [&](const std::string& k) {
        return k.find(key) != std::string::npos || key.find(k) != std::string::npos;
    });
}

} // namespace

std::string_view correction_notice(std::string_view text, bool strong_only) {
    if (text.size() < k_min_notice_bytes || text.size() > k_max_notice_bytes) return {};
    const std::string f = notice_key(text);
    if (!strong_only) {
        for (auto label : k_notice_labels) {
            const std::size_t body = past_label_colon(f, label);
            if (body != std::string_view::npos && f.size() - body >= k_min_notice_bytes / 2) {
                return "opens with a \"Correction:\" or \"Clarification:\" label";
            }
        }
    }
    if (auto why = notice_sentence(f); !why.empty()) return why;
    for (auto label : k_note_labels) {
        const std::size_t body = past_label_colon(f, label);
        if (body == std::string_view::npos) continue;
        const std::string_view rest = std::string_view(f).substr(body + (body < f.size() && f[body] == ' ' ? 1 : 0));
        if (auto why = notice_sentence(rest); !why.empty()) return why;
        const bool editors = label.find("note") != std::string_view::npos && label != "note";
        if (editors && std::any_of(k_correction_words.begin(), k_correction_words.end(),
                                   [&](std::string_view w) { return rest.find(w) != std::string_view::npos; })) {
            return "an editor's note about a correction";
        }
    }
    return {};
}

std::vector<std::string> find_corrections(const std::vector<TextLine>& lines, Explanation* explain) {
    std::vector<std::string> out;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < lines.size() && out.size() < k_max_notices; ++i) {
        const TextLine& line = lines[i];
        if (line.h1) continue;
        const std::string_view why = correction_notice(line.text, line.aside);
        if (why.empty()) continue;
        std::string key = notice_key(line.text);
        if (already_kept(keys, key)) continue;
        keys.push_back(std::move(key));
        out.push_back(text::collapse_space(line.text));
        explain_add(explain, "corrections",
                    {out.back(), "visible line " + std::to_string(i), 1,
                     std::string(why) + (line.aside ? " (in comments, a footer or an aside)" : "")});
    }
    return out;
}

void split_corrections(std::string& body, std::vector<std::string>& corrections, Explanation* explain) {
    std::vector<std::string> keys;
    keys.reserve(corrections.size());
    for (const auto& c : corrections) keys.push_back(notice_key(c));
    std::string kept;
    std::size_t start = 0;
    bool removed = false;
    while (start <= body.size()) {
        std::size_t end = body.find("\n\n", start);
        if (end == std::string::npos) end = body.size();
        const std::string_view para = std::string_view(body).substr(start, end - start);
        const std::string_view why = correction_notice(para);
        if (why.empty()) {
            if (!kept.empty()) kept += "\n\n";
            kept += para;
        } else {
            removed = true;
            std::string key = notice_key(para);
            if (!already_kept(keys, key) && corrections.size() < k_max_notices) {
                keys.push_back(std::move(key));
                corrections.push_back(text::collapse_space(para));
                explain_add(explain, "corrections", {corrections.back(), "body paragraph", 1, std::string(why)});
            }
        }
        start = end + 2;
    }
    if (removed) body = std::move(kept);
    explain_choose(explain, "corrections", corrections.empty() ? "" : std::to_string(corrections.size()) + " notice(s)",
                   corrections.empty()
                       ? "no correction notice found"
                       : "notices are kept apart from the body text (taken out of it when it held them)");
}

std::string pick_updated(std::string_view published, std::string_view declared_modified,
                         const std::vector<DateLine>& lines, Explanation* explain) {
    const auto pub = parse_date(published);
    if (!pub || published.size() < 10) {
        explain_choose(explain, "updated", "", "no publication day to be later than");
        return {};
    }
    std::optional<Date> best;
    std::string reason;
    for (const auto& l : lines) {
        if (l.aside || l.distance < 0 || l.distance > k_max_updated_distance) continue;
        const auto d = shown_revision(l);
        if (!d) continue;
        const bool later = day_or_more_after(*d, *pub);
        explain_add(explain, "updated",
                    {format_date(*d), "visible line " + std::to_string(l.line), later ? 2.0 : 0.0,
                     std::string(later ? "" : "not a day after the publication; ") + "labelled a revision, " +
                         std::to_string(l.distance) + " lines from the headline/byline: \"" + l.text + "\""});
        if (later && !best) {
            best = d;
            reason = "the revision date shown near the headline or byline";
        }
    }
    if (const auto d = parse_date(declared_modified)) {
        const bool later = day_or_more_after(*d, *pub);
        explain_add(explain, "updated",
                    {format_date(*d), "declared modification date", later ? 1.0 : 0.0,
                     later ? "" : "not a day after the publication"});
        if (later && !best) {
            best = d;
            reason = "the declared modification date, a day or more after the publication";
        }
    }
    std::string value = best ? format_date(*best) : std::string();
    explain_choose(explain, "updated", value, best ? reason : "no revision date a day or more after the publication");
    return value;
}

} // namespace oped::indexer
