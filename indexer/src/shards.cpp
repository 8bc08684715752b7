#include <oped/indexer/shards.hpp>

#include <oped/common/schema.hpp>
#include <oped/indexer/index_errors.hpp>

#include "shard_feeder.hpp"

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace oped::indexer {
namespace {

namespace fs = std::filesystem;

thread_local bool t_committing = false;

// A writer killed while Xapian was creating the index, before anything was
// committed, leaves table files but no "iamglass" version file, and every
// later open fails. Nothing was ever committed in such a folder, so it may
// be created afresh; a folder holding any other file is left alone.
bool is_unfinished_creation(const std::string& db_path) {
    std::error_code ec;
    if (fs::exists(fs::path(db_path) / "iamglass", ec) || ec) return false;
    bool any = false;
    for (const auto& entry : fs::directory_iterator(db_path, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != "flintlock" && !name.ends_with(".glass") && !name.ends_with(".tmp")) return false;
        any = true;
    }
    return any && !ec;
}

Xapian::WritableDatabase open_or_create(const std::string& db_path, bool create) {
    try {
        return Xapian::WritableDatabase(db_path, create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseOpeningError&) {
        if (!is_unfinished_creation(db_path)) throw;
        return Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    }
}

std::string shard_name(unsigned i) {
    const std::string number = std::to_string(i);
    return "shard-" + std::string(number.size() < 2 ? 2 - number.size() : 0, '0') + number;
}

bool has_stub(const std::string& db_path) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(db_path) / k_stub_file, ec);
}

bool holds_one_index(const std::string& db_path) {
    std::error_code ec;
    return fs::exists(fs::path(db_path) / "iamglass", ec);
}

// Writes the stub through a temporary file renamed into place, so that a
// reader sees no stub or the whole of it.
Result<bool> write_stub(const std::string& db_path, unsigned shards) {
    const fs::path stub = fs::path(db_path) / k_stub_file;
    const fs::path tmp = fs::path(db_path) / (std::string(k_stub_file) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << "# The shards of this oped index, searched as one (a Xapian stub database).\n";
        for (unsigned i = 0; i < shards; ++i) out << "glass " << shard_name(i) << "\n";
        out.flush();
        if (!out) return Error{ErrorCode::io, "cannot write " + tmp.string(), db_path};
    }
    std::error_code ec;
    fs::rename(tmp, stub, ec);
    if (ec) return Error{ErrorCode::io, "cannot write " + stub.string() + ": " + ec.message(), db_path};
    return true;
}

// Opens (or, with `create`, creates) one shard, its schema checked or
// stamped. A shard a stub lists is not created: a missing one is an error,
// not an empty shard.
Result<Xapian::WritableDatabase> open_shard(const std::string& path, bool create) {
    try {
        Xapian::WritableDatabase db = open_or_create(path, create);
        auto checked = schema::check_or_stamp_schema(db, path);
        if (!checked) return checked.error();
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        return lock_error(path);
    } catch (const Xapian::DatabaseCorruptError& e) {
        return index_error(e, path);
    } catch (const Xapian::DatabaseError& e) {
        Error error = index_error(e, path);
        if (error.code == ErrorCode::io) error.message = "cannot open the index at " + path + ": " + e.get_msg();
        return error;
    }
}

Error shard_count_error(const std::string& db_path, std::size_t has, unsigned asked) {
    return Error{ErrorCode::usage,
                 "the index at " + db_path + " has " + std::to_string(has) + (has == 1 ? " shard" : " shards") +
                     ", not " + std::to_string(asked) +
                     "; an index keeps the shards it was created with (leave --shards out, or index into a new "
                     "folder; oped compact merges shards into one index)",
                 "--shards"};
}

} // namespace

bool committing_on_this_thread() { return t_committing; }

WritableIndex::WritableIndex(Xapian::WritableDatabase all, std::vector<Xapian::WritableDatabase> shards)
    : m_all(std::move(all)), m_shards(std::move(shards)) {}

WritableIndex::~WritableIndex() = default;
WritableIndex::WritableIndex(WritableIndex&&) noexcept = default;
WritableIndex& WritableIndex::operator=(WritableIndex&&) noexcept = default;

Xapian::WritableDatabase& WritableIndex::db() {
    drain();
    m_last_known = false; // the caller may add documents itself
    return m_all;
}

void WritableIndex::drain() {
    std::exception_ptr failure;
    for (auto& feeder : m_feeders) {
        try {
            feeder->drain();
        } catch (...) {
            if (!failure) failure = std::current_exception();
        }
    }
    if (failure) std::rethrow_exception(failure);
}

Xapian::docid WritableIndex::add(Xapian::Document doc) {
    const std::size_t n = m_shards.size();
    if (n <= 1) return m_all.add_document(doc);
    if (!m_last_known) {
        m_last_docid = m_all.get_lastdocid();
        m_last_known = true;
    }
    if (m_last_docid == Xapian::docid(-1)) {
        throw Xapian::DatabaseError("the index has used every docid (" + std::to_string(m_last_docid) + ")");
    }
    if (m_feeders.empty()) {
        // Enough to keep a shard busy while the next batch of pages is read,
        // and few enough to keep memory flat.
        constexpr std::size_t k_feed_capacity = 32;
        for (const auto& shard : m_shards) m_feeders.push_back(std::make_unique<ShardFeeder>(shard, k_feed_capacity));
    }
    const Xapian::docid docid = ++m_last_docid;
    const auto shard = static_cast<std::size_t>((docid - 1) % n);
    m_feeders[shard]->push(static_cast<Xapian::docid>((docid - 1) / n + 1), std::move(doc));
    return docid;
}

void WritableIndex::commit() {
    drain();
    const auto commit_one = [](Xapian::WritableDatabase& db) {
        t_committing = true;
        db.commit();
        t_committing = false;
    };
    if (m_shards.size() <= 1) {
        commit_one(m_all);
        return;
    }
    std::vector<std::exception_ptr> errors(m_shards.size());
    std::vector<std::thread> threads;
    threads.reserve(m_shards.size());
    for (std::size_t i = 0; i < m_shards.size(); ++i) {
        threads.emplace_back([&, i] {
            try {
                commit_one(m_shards[i]);
            } catch (...) {
                t_committing = false;
                errors[i] = std::current_exception();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& error : errors) {
        if (error) std::rethrow_exception(error);
    }
}

Result<std::vector<std::string>> read_stub(const std::string& db_path) {
    const fs::path stub = fs::path(db_path) / k_stub_file;
    std::ifstream in(stub, std::ios::binary);
    if (!in) return Error{ErrorCode::io, "cannot read " + stub.string(), db_path};
    std::vector<std::string> paths;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string type, path;
        words >> type;
        std::getline(words >> std::ws, path);
        if ((type != "glass" && type != "auto") || path.empty()) {
            return Error{ErrorCode::usage,
                         stub.string() + ": '" + line +
                             "' is not a local shard; remote shards are only searched: index the sharded folder "
                             "they are copies of, and replicate it to their hosts",
                         db_path};
        }
        paths.push_back(fs::path(path).is_absolute() ? path : (fs::path(db_path) / path).string());
    }
    if (paths.empty()) return Error{ErrorCode::usage, stub.string() + " lists no shards", db_path};
    if (paths.size() > k_max_shards) {
        return Error{ErrorCode::usage, stub.string() + " lists more than " + std::to_string(k_max_shards) + " shards",
                     db_path};
    }
    return paths;
}

Result<WritableIndex> open_index_for_writing(const std::string& db_path, unsigned shards) {
    if (shards > k_max_shards) {
        return Error{ErrorCode::usage, "--shards must be between 1 and " + std::to_string(k_max_shards), "--shards"};
    }
    std::vector<std::string> paths;
    bool create_stub = false;
    if (has_stub(db_path)) {
        auto listed = read_stub(db_path);
        if (!listed) return listed.error();
        paths = std::move(listed).value();
        if (shards != 0 && shards != paths.size()) return shard_count_error(db_path, paths.size(), shards);
    } else if (shards > 1) {
        if (holds_one_index(db_path)) return shard_count_error(db_path, 1, shards);
        std::error_code ec;
        fs::create_directories(db_path, ec);
        if (ec) return Error{ErrorCode::io, "cannot create " + db_path + ": " + ec.message(), db_path};
        for (unsigned i = 0; i < shards; ++i) paths.push_back((fs::path(db_path) / shard_name(i)).string());
        create_stub = true;
    } else {
        auto one = open_shard(db_path, true);
        if (!one) return one.error();
        return WritableIndex(one.value(), {one.value()});
    }
    std::vector<Xapian::WritableDatabase> opened;
    Xapian::WritableDatabase all;
    for (const auto& path : paths) {
        auto shard = open_shard(path, create_stub);
        if (!shard) return shard.error();
        opened.push_back(shard.value());
        all.add_database(shard.value());
    }
    if (create_stub) {
        try {
            // The shards' first commit (the schema stamp), before the stub
            // that makes the folder an index.
            for (auto& shard : opened) shard.commit();
        } catch (const Xapian::Error& e) {
            return index_error(e, db_path);
        }
        auto written = write_stub(db_path, shards);
        if (!written) return written.error();
    }
    return WritableIndex(std::move(all), std::move(opened));
}

Result<CompactSummary> compact_index(const std::string& db_path, const std::string& out_path) {
    auto opened = schema::open_for_reading(db_path);
    if (!opened) return opened.error();
    const fs::path out = fs::absolute(fs::path(out_path)).lexically_normal();
    std::error_code ec;
    if (fs::exists(out, ec) && !(fs::is_directory(out, ec) && fs::is_empty(out, ec))) {
        return Error{ErrorCode::usage, out_path + " already exists and is not an empty folder; name a new one",
                     out_path};
    }
    const fs::path partial = out.parent_path() / (out.filename().string() + ".compacting");
    fs::remove_all(partial, ec);
    CompactSummary summary;
    try {
        Xapian::Database& db = opened.value();
        summary.shards = db.size();
        db.compact(partial.string());
        summary.docs = Xapian::Database(partial.string()).get_doccount();
    } catch (const Xapian::Error& e) {
        fs::remove_all(partial, ec);
        Error error = index_error(e, out_path);
        error.message = "cannot compact " + db_path + " into " + out_path + ": " + e.get_description();
        return error;
    }
    fs::remove(out, ec); // the empty folder, if there was one
    fs::rename(partial, out, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove_all(partial, ec);
        return Error{ErrorCode::io, "cannot move the compacted index into " + out_path + ": " + why, out_path};
    }
    return summary;
}

} // namespace oped::indexer
