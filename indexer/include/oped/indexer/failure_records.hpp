#pragma once

// Pages that failed, remembered in the index's metadata with the file's
// signature, so the next run does not try an unchanged page again (a page
// that crashed the extractor would crash it on every run). A record is
// written with the batch it belongs to, and cleared when the page is indexed
// or its file is gone; a changed file is simply tried again.

#include <oped/common/errors.hpp>

#include <xapian.h>

#include <string>
#include <unordered_map>

namespace oped::indexer {

struct FailureRecord {
    std::string signature; // the file's, when it failed
    ErrorCode code = ErrorCode::internal;
    std::string reason;
};

// By path.
std::unordered_map<std::string, FailureRecord> load_failure_records(const Xapian::Database& db);

void record_failure(Xapian::WritableDatabase& db, const std::string& path, const FailureRecord& record);
void clear_failure(Xapian::WritableDatabase& db, const std::string& path);

// Pages that are not articles and were left out of the index (oped index
// without --all-pages), remembered the same way: an unchanged one is not
// read again; the record is cleared when the page is indexed or its file is
// gone.
struct SkipRecord {
    std::string signature; // the file's, when it was read
    std::string type;      // "listing" or "other"
};

std::unordered_map<std::string, SkipRecord> load_skip_records(const Xapian::Database& db);
void record_skip(Xapian::WritableDatabase& db, const std::string& path, const SkipRecord& record);
void clear_skip(Xapian::WritableDatabase& db, const std::string& path);

// Whether a failure is the page's own and stays so while the file does not
// change (worth remembering), rather than the machine's or the options' (a
// read error, the size limit).
bool is_remembered(ErrorCode code);

} // namespace oped::indexer
