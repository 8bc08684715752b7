// Counting over several local shards: Xapian's unweighted match reads every
// match there, and FirstMatches stops what the spies see at the bound.

#include <oped/searcher/local_shards.hpp>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstddef>
#include <string>

namespace oped::searcher {
namespace {

// Three in-memory shards of `per_shard` documents each, searched as one;
// every document holds the term "all" and a value naming its shard, and
// pairs of documents in a shard share a collapse key.
Xapian::Database three_shards(int per_shard) {
    Xapian::Database all;
    for (int s = 0; s < 3; ++s) {
        Xapian::WritableDatabase shard(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (int i = 0; i < per_shard; ++i) {
            Xapian::Document doc;
            doc.add_term("all");
            doc.add_value(0, "shard" + std::to_string(s));
            doc.add_value(1, std::to_string(s) + ":" + std::to_string(i / 2));
            shard.add_document(doc);
        }
        all.add_database(shard);
    }
    return all;
}

struct Counted {
    std::size_t spied = 0;
    Xapian::doccount lower_bound = 0;
};

Counted count(const Xapian::Database& db, Xapian::doccount check_at_least, Xapian::MatchDecider* decider,
              bool collapse = false) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (collapse) enquire.set_collapse_key(1);
    enquire.set_query(Xapian::Query("all"));
    Xapian::ValueCountMatchSpy spy(0);
    enquire.add_matchspy(&spy);
    const Xapian::MSet mset = enquire.get_mset(0, 0, check_at_least, nullptr, decider);
    return {spy.get_total(), mset.get_matches_lower_bound()};
}

TEST(FirstMatches, XapiansUnweightedMatchOverLocalShardsShowsTheSpiesEveryMatch) {
    // The behaviour FirstMatches works around; if a Xapian release stops at
    // check_at_least here, the decider is no longer needed.
    EXPECT_EQ(count(three_shards(40), 10, nullptr).spied, 120u);
}

TEST(FirstMatches, TheSpiesSeeTheBoundAndEveryMatchIsCounted) {
    FirstMatches first(10);
    const Counted counted = count(three_shards(40), 10, &first);
    EXPECT_EQ(counted.spied, 10u);
    EXPECT_EQ(first.accepted(), 10u);
    EXPECT_EQ(first.offered(), 120u);
}

TEST(FirstMatches, BelowTheBoundEveryMatchGoesThrough) {
    FirstMatches first(100);
    const Counted counted = count(three_shards(20), 100, &first);
    EXPECT_EQ(counted.spied, 60u);
    EXPECT_EQ(counted.lower_bound, 60u);
    EXPECT_EQ(first.offered(), first.accepted());
}

TEST(FirstMatches, TheTotalIsScaledByTheShareCollapsingKept) {
    Xapian::Database db = three_shards(40);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(1); // pairs: half the documents kept
    enquire.set_query(Xapian::Query("all"));
    FirstMatches first(20);
    const Xapian::MSet mset = enquire.get_mset(0, 0, 20, nullptr, &first);
    ASSERT_EQ(first.offered(), 120u);
    EXPECT_EQ(mset.get_matches_lower_bound(), 10u);
    EXPECT_EQ(estimated_total(mset, first), 60u);
}

TEST(FirstMatches, OneIndexNeedsNoDecider) {
    EXPECT_TRUE(counts_need_first_matches(three_shards(2)));
    Xapian::WritableDatabase one(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_FALSE(counts_need_first_matches(one));
}

} // namespace
} // namespace oped::searcher
