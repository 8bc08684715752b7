// The cost of spelling corrections (scripts/bench/CMakeLists.txt builds it):
//
//   oped-bench-spelling COPY_OF_AN_INDEX [WORD...]
//
// 1. Index time: drops the index's spelling keys, then builds them for all
//    its words as the first commit of `oped index` does (SpellingUpdate
//    note_all + write + commit), and prints the words, keys and seconds.
//    It writes to the index given: pass a copy.
// 2. Query time: corrects each WORD (default: a list of misspellings of the
//    demo corpus) with the spelling keys and with the scan oped used before
//    them (every term sharing the first letter, up to 50,000, one edit for up
//    to five letters, two beyond), and prints both answers and the mean
//    microseconds of each over 200 runs.

#include <oped/common/schema.hpp>
#include <oped/common/spelling_keys.hpp>
#include <oped/common/text.hpp>
#include <oped/indexer/spelling_data.hpp>
#include <oped/searcher/spelling.hpp>

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The correction as oped made it before the spelling keys: a scan of the
// terms sharing the first letter.
std::string scan_correct_word(const Xapian::Database& db, const std::string& typed) {
    const std::string word = oped::text::fold_case(typed);
    std::size_t letters = 0;
    for (Xapian::Utf8Iterator it(word.data(), word.size()), end; it != end; ++it) ++letters;
    if (letters < 3 || letters > 30 || db.term_exists(word)) return {};
    const unsigned limit = letters <= 5 ? 1 : 2;
    std::size_t first = 1;
    while (first < word.size() && (static_cast<unsigned char>(word[first]) & 0xC0) == 0x80) ++first;
    const std::string prefix = word.substr(0, first);
    std::string best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    std::size_t looked = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        if (++looked > 50000) break;
        const std::string term = *it;
        const unsigned d = oped::searcher::edit_distance(word, term, limit);
        if (d > limit) continue;
        const Xapian::doccount freq = it.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = term;
            best_distance = d;
            best_freq = freq;
        }
    }
    return best;
}

template <typename Fn>
double mean_us(Fn fn) {
    constexpr int k_runs = 200;
    const auto start = Clock::now();
    for (int i = 0; i < k_runs; ++i) fn();
    return seconds_since(start) * 1e6 / k_runs;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: oped-bench-spelling COPY_OF_AN_INDEX [WORD...]\n");
        return 2;
    }
    Xapian::WritableDatabase db(argv[1]);
    std::vector<std::string> keys;
    const std::string prefix(oped::schema::k_meta_spelling_prefix);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) keys.push_back(*it);
    for (const auto& key : keys) db.set_metadata(key, {});
    db.set_metadata(std::string(oped::schema::k_meta_spelling_version), {});
    db.commit();

    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    oped::indexer::SpellingUpdate update;
    update.note_all(db);
    const std::size_t written = update.write(db);
    db.commit();
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("index: %u documents; spelling keys for all words: %zu keys written in %.2f s (%.2f s of CPU)\n",
                db.get_doccount(), written, seconds_since(start), cpu);

    std::vector<std::string> words(argv + 2, argv + argc);
    if (words.empty()) {
        words = {"constitushun", "Hamliton", "madisen",    "libertey",  "goverment", "ambitoin",    "federalst",
                 "soveriegnty",  "tyrany",   "legislatur", "spectater", "wisdome",   "jurisdicton", "pennsylvnia"};
    }
    std::printf("%-14s %-16s %9s   %-16s %9s\n", "word", "keys", "us", "scan", "us");
    double keys_total = 0;
    double scan_total = 0;
    for (const auto& w : words) {
        const std::string by_keys = oped::searcher::correct_word(db, w);
        const std::string by_scan = scan_correct_word(db, w);
        const double keys_us = mean_us([&] { (void)oped::searcher::correct_word(db, w); });
        const double scan_us = mean_us([&] { (void)scan_correct_word(db, w); });
        keys_total += keys_us;
        scan_total += scan_us;
        std::printf("%-14s %-16s %9.1f   %-16s %9.1f\n", w.c_str(), by_keys.c_str(), keys_us, by_scan.c_str(), scan_us);
    }
    std::printf("mean per word: keys %.1f us, scan %.1f us\n", keys_total / static_cast<double>(words.size()),
                scan_total / static_cast<double>(words.size()));
    return 0;
}
