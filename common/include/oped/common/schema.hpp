#pragma once

// The index schema: every term prefix, value slot and metadata key oped uses,
// in one place. The indexer writes what is declared here and the searcher
// reads it; change k_schema_version whenever an existing index would be read
// wrongly by the new code.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace oped::schema {

inline constexpr std::string_view k_schema_version = "6"; // 2: document data deflated by oped (docdata.cpp);
                                                          // 3: dates known to the month or year have values;
                                                          // 4: public ids (XI terms);
                                                          // 5: updated and corrections (XH, XR terms);
                                                          // 6: outlets, author keys, genres, bio lines,
                                                          //    syndicated copies (slots 11-14)
inline constexpr std::string_view k_meta_schema_version = "oped:schema_version";
inline constexpr std::string_view k_meta_last_update = "oped:last_update";
// The number of commits the index has had (index_revision()).
inline constexpr std::string_view k_meta_commits = "oped:commits";
// One key per page that failed, "oped:failed:" + path (hashed when long, as
// boolean_term() does): the file's signature, the error and its reason, so an
// unchanged page that failed is not tried again (failure_records.hpp).
inline constexpr std::string_view k_meta_failed_prefix = "oped:failed:";
// One key per page that is not an article and was not indexed (oped index
// without --all-pages), "oped:skipped:" + path (hashed when long): the file's
// signature and the page's type, so an unchanged page is not read again.
inline constexpr std::string_view k_meta_skipped_prefix = "oped:skipped:";
// The index's figures (index_figures.hpp: authors, outlets, languages, first
// and last day), counted before each commit by oped index and oped remove.
inline constexpr std::string_view k_meta_figures = "oped:figures";
// Spelling candidates, written at each commit for the words it changed: one
// key per deletion variant, "oped:sp:" + variant, holding the words filed
// under it, most frequent first (spelling_keys.hpp).
inline constexpr std::string_view k_meta_spelling_prefix = "oped:sp:";
// "1" once the spelling keys cover every word of the index; an index made
// before them gets them all at the next commit of `oped index`.
inline constexpr std::string_view k_meta_spelling_version = "oped:spelling_version";
// The outlet table (outlets.hpp): per site key, the name its pages are shown
// under and the names they give; rewritten at each commit from the XN terms.
inline constexpr std::string_view k_meta_outlets = "oped:outlets";
// The aliases of `oped index --outlets FILE`, kept for later runs.
inline constexpr std::string_view k_meta_outlet_aliases = "oped:outlet_aliases";

// Term prefixes. Single capitals follow Omega's conventions where one exists.
namespace prefix {
inline constexpr std::string_view id = "Q";            // unique id: canonical URL or path (boolean)
inline constexpr std::string_view title = "S";         // title words (free text, positional)
inline constexpr std::string_view author = "A";        // author name words (free text)
inline constexpr std::string_view author_exact = "XA"; // folded author display name (boolean)
inline constexpr std::string_view site = "XS";         // folded outlet name (boolean)
inline constexpr std::string_view section = "XC";      // folded section (boolean)
inline constexpr std::string_view tag = "K";           // folded tag (boolean)
inline constexpr std::string_view language = "L";      // language code (boolean)
inline constexpr std::string_view year = "Y";          // "Y1787" (boolean)
inline constexpr std::string_view year_month = "M";    // "M178710" (boolean)
inline constexpr std::string_view day = "D";           // "D17871027" (boolean)
inline constexpr std::string_view path = "XP";         // source path (boolean, hashed when long)
inline constexpr std::string_view type = "XT";         // page type: "XTarticle", "XTlisting", "XTother" (boolean)
inline constexpr std::string_view public_id = "XI";    // "XI" + public_id(unique id) (boolean)
inline constexpr std::string_view has = "XH";          // "XHcorrection", "XHupdated": has:correction (boolean)
inline constexpr std::string_view correction = "XR";   // words of the correction notices (free text)
// Syndicated copies (indexer/fingerprint.hpp, indexer/copy_groups.hpp):
// "XUg" + group label: every copy of one piece holds the same (boolean);
// "XUb" + band (2 digits) + 12 hex digits: a body's MinHash sketch, one term
// per band of 3 values (boolean).
inline constexpr std::string_view copy_group = "XUg";
inline constexpr std::string_view copy_band = "XUb";
inline constexpr std::string_view site_key = "XO";    // site key: registered domain, else folded outlet (boolean)
inline constexpr std::string_view outlet_form = "XN"; // "XN" + site key + "\t" + outlet name as given (outlets.hpp)
inline constexpr std::string_view genre = "XG";       // "XGopinion", "XGletter"...: genre: and genre= (boolean)
inline constexpr std::string_view author_key = "XW";  // author key (author_key.hpp) (boolean)
inline constexpr std::string_view byline_form = "XV"; // author key, U+001F, a byline as shown (boolean)
inline constexpr std::string_view bio = "XB";         // words of the writer's bio line (free text); has:bio is XHbio
} // namespace prefix

// Value slots and their encodings.
namespace slot {
inline constexpr Xapian::valueno published = 0; // "YYYYMMDD" (a month or year alone: the period's first day)
inline constexpr Xapian::valueno authors = 1;   // display names, encode_list()
inline constexpr Xapian::valueno year = 2;      // "1787"
inline constexpr Xapian::valueno site = 3;      // outlet display name
inline constexpr Xapian::valueno tags = 4;      // display tags, encode_list()
inline constexpr Xapian::valueno path = 5;      // absolute source path
inline constexpr Xapian::valueno signature = 6; // source file "mtime_ns:size", for skipping unchanged files
inline constexpr Xapian::valueno section = 7;   // section display name
inline constexpr Xapian::valueno language = 8;  // language code
inline constexpr Xapian::valueno uid = 9;       // the unique id (value of the Q term, unhashed)

// "month" or "year" when the publication date is known only so far (the
// timeline); absent for a full day.
inline constexpr Xapian::valueno date_precision = 10;

// The copy group's label (the XUg term's value: the public id of the
// member that founded the group); absent for a piece that ran once. Results
// collapse on it.
inline constexpr Xapian::valueno copy_group = 14;
// The site key (the XO term's value): the registered domain of the page's
// URL, else its folded outlet name; outlets.hpp maps it to the name shown.
inline constexpr Xapian::valueno site_key = 11;
// Slot 11 is the outlet's site key (issue 12 item 2).
inline constexpr Xapian::valueno genre = 12; // "opinion", "editorial", "letter", "analysis", "news", "review", "other"
inline constexpr Xapian::valueno author_keys = 13; // the authors' keys, in the order of `authors`, encode_list()
// The published slot's day with every digit complemented ("17871027" ->
// "82128972"), "-" when undated: sorted descending it reads oldest first
// with undated pages last, which Xapian's remote backend, taking no
// KeyMaker, can do. Every document written since has it, so an index where
// some lack it predates it (oldest_first_value()).
inline constexpr Xapian::valueno oldest_first = 15;
// A syndicated copy's or a page dated to its year only: the values of the
// slots the facet and timeline spies read (k_facet_row_slots), in one value
// (facet_row()), so that Xapian's ValueCountMatchSpy can count such pages
// on remote shards, where a spy of one slot cannot (remote_spies.hpp).
inline constexpr Xapian::valueno facet_row = 16;
} // namespace slot

// The slots a facet row holds.
inline constexpr std::array<Xapian::valueno, 8> k_facet_row_slots = {slot::published,      slot::year,      slot::tags,
                                                                     slot::date_precision, slot::site_key,  slot::genre,
                                                                     slot::author_keys,    slot::copy_group};

// The facet row of `doc`, from its values: empty unless it is in a copy
// group or dated to its year only.
std::string facet_row(const Xapian::Document& doc);
// Sets or removes `doc`'s facet_row slot, after its values changed.
void refresh_facet_row(Xapian::Document& doc);
// A document holding just the values a facet row holds.
Xapian::Document facet_row_document(std::string_view row);

// Title words are worth this many body words.
inline constexpr Xapian::termcount k_title_weight = 3;

// Xapian's limit is 245 bytes per term; ids longer than this are hashed.
inline constexpr std::size_t k_max_term_bytes = 240;

// Build a boolean term, hashing the value when the term would be too long.
std::string boolean_term(std::string_view prefix, std::string_view value);

// An article's public id, in its links (/doc/ID), feeds, citations and the
// JSON: 16 lower-case hex digits, a hash of its unique id (the Q term's value,
// the canonical URL or file:// path), so the same page has the same id in
// every index built from it, whatever the order or the docids.
inline constexpr std::size_t k_public_id_chars = 16;
std::string public_id(std::string_view unique_id);
// True for text shaped as a public id (not necessarily in the index).
bool is_public_id(std::string_view text);

// The genres an article may have (indexer/genre.hpp decides), as stored in
// the XG terms and the genre slot.
inline constexpr std::array<std::string_view, 7> k_genres = {"opinion", "editorial", "letter", "analysis",
                                                             "news",    "review",    "other"};
// A genre as a reader may type it ("Letters", "op-ed", "column", "reviews")
// -> its stored name; empty when it names none.
std::string canonical_genre(std::string_view typed);
// The stored name's label for people: "opinion" -> "Opinion"; the name
// itself when unknown.
std::string genre_label(std::string_view genre);

// Case-folded, white-space-collapsed form used in exact-match terms.
std::string fold_for_term(std::string_view display);

// A list of display strings packed into one value slot (unit separator).
std::string encode_list(const std::vector<std::string>& items);
std::vector<std::string> decode_list(std::string_view packed);

// The published slot's value: "1787-10-27..." -> "17871027"; a date known
// only to its month or year stands at the period's first day ("1787-10" ->
// "17871001", "1787" -> "17870101"), so that sorting and date ranges see it;
// empty when the text is no ISO date.
std::string date_value(std::string_view iso_date);

// The oldest_first slot's value for a published slot's value (date_value()).
std::string oldest_first_value(std::string_view day_value);

// "day", "month" or "year": how much of an ISO date is known; empty when
// date_value() would be.
std::string_view date_precision(std::string_view iso_date);

// The stemmer the pages of `language` (a two-letter code, empty for
// unknown) are indexed with and their queries read with: English when
// unknown, none for a language Xapian cannot stem (its words then match
// only as written).
Xapian::Stem stemmer_for(std::string_view language);

// Opening an index. A database created by another schema version is refused
// with schema_mismatch and a message that says how to rebuild; a missing one
// is not_found.
Result<Xapian::Database> open_for_reading(const std::string& db_path);

// Stamp an empty database with the schema version, or check a non-empty one.
Result<bool> check_or_stamp_schema(Xapian::WritableDatabase& db, const std::string& db_path);

// Counts the commit about to be made (k_meta_commits).
void count_commit(Xapian::WritableDatabase& db);

// The index's revision, a number that grows with every commit: Xapian's
// own for one index; for a sharded one, which Xapian gives none, the
// commits counted by count_commit().
std::uint64_t index_revision(const Xapian::Database& db);

} // namespace oped::schema
