#include "graph/district_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using ::collabnet::testing::MakeDistrict;
using ::collabnet::testing::TieSpec;
using ::testing::HasSubstr;

using ArcTuple = std::tuple<std::string, std::string, int, float>;

std::vector<ArcTuple> ArcsOf(const DistrictGraph& g) {
  std::vector<ArcTuple> arcs;
  for (VertexId u = 0; u < g.num_vertices(); ++u) {
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      arcs.emplace_back(g.teacher_id(u), g.teacher_id(g.arc_target(a)),
                        g.arc_channel(a), g.arc_weight(a));
    }
  }
  std::sort(arcs.begin(), arcs.end());
  return arcs;
}

//   t0 --plc(2.5)-- t1      undirected: two arcs
//   t0 --pd--> t2           directed: one arc
//   t2 --social--> t1
//   t0 --pd--> t2           a repeated tie: merged by default, or kept
//   t3 --advice--> t3       self-loop: dropped and counted
District Sample() {
  return MakeDistrict(4, {{0, 1, PLC, false, 2.5},
                          {0, 2, PD_WORKSHOP, true},
                          {2, 1, SOCIAL_MEDIA, true},
                          {0, 2, PD_WORKSHOP, true},
                          {3, 3, ADVICE, true}});
}

TEST(FreezeDistrict, PreservesEveryTieChannelAndWeight) {
  FreezeStats stats;
  FreezeOptions keep;
  keep.duplicates = DuplicateTies::kKeep;
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(Sample(), keep, &stats);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_vertices(), 4u);
  EXPECT_EQ(g->num_ties(), 4);
  EXPECT_EQ(g->num_arcs(), 5u);
  EXPECT_EQ(stats.ties_read, 5);
  EXPECT_EQ(stats.self_loops_dropped, 1);
  EXPECT_EQ(stats.repeated_ties, 1);
  EXPECT_EQ(stats.arcs, 5);
  const std::vector<ArcTuple> expected = {{"t0", "t1", PLC, 2.5f},
                                          {"t0", "t2", PD_WORKSHOP, 1.0f},
                                          {"t0", "t2", PD_WORKSHOP, 1.0f},
                                          {"t1", "t0", PLC, 2.5f},
                                          {"t2", "t1", SOCIAL_MEDIA, 1.0f}};
  EXPECT_EQ(ArcsOf(*g), expected);
}

TEST(FreezeDistrict, RepeatedTiesMergeByDefaultOrAreRefused) {
  FreezeStats stats;
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(Sample(), {}, &stats);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->num_ties(), 3);
  EXPECT_EQ(stats.repeated_ties, 1);
  const std::vector<ArcTuple> merged = {{"t0", "t1", PLC, 2.5f},
                                        {"t0", "t2", PD_WORKSHOP, 2.0f},
                                        {"t1", "t0", PLC, 2.5f},
                                        {"t2", "t1", SOCIAL_MEDIA, 1.0f}};
  EXPECT_EQ(ArcsOf(*g), merged);

  // An undirected tie repeated in the other order is the same tie; a
  // directed one on the same pair, or another channel, is not.
  const District d = MakeDistrict(2, {{0, 1, PLC, false, 1.0},
                                      {1, 0, PLC, false, 2.0},
                                      {0, 1, PLC, true},
                                      {0, 1, ADVICE, false}});
  g = FreezeDistrict(d, {}, &stats);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(stats.repeated_ties, 1);
  EXPECT_EQ(g->num_ties(), 3);

  FreezeOptions refuse;
  refuse.duplicates = DuplicateTies::kRefuse;
  g = FreezeDistrict(Sample(), refuse, &stats);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(std::string(g.status().message()),
              HasSubstr("the tie t0 - t2 over pd_workshop is given twice"));
}

TEST(ApplyDuplicateTies, MergesTheMessageByTheSameRule) {
  District d = MakeDistrict(3, {{0, 1, PLC, false, 1.0},
                                {1, 0, PLC, false, 2.0},
                                {0, 2, PLC, true},
                                {0, 2, PLC, true}});
  d.mutable_ties(0)->set_first_seen("2019-01-01");
  d.mutable_ties(1)->set_first_seen("2018-06-01");
  d.mutable_ties(1)->set_last_seen("2019-03-01");
  absl::StatusOr<std::int64_t> repeated =
      ApplyDuplicateTies(d, DuplicateTies::kMerge, "d");
  ASSERT_TRUE(repeated.ok());
  EXPECT_EQ(*repeated, 2);
  ASSERT_EQ(d.ties_size(), 2);
  EXPECT_EQ(d.ties(0).weight(), 3.0);
  EXPECT_EQ(d.ties(0).first_seen(), "2018-06-01");
  EXPECT_EQ(d.ties(0).last_seen(), "2019-03-01");
  EXPECT_EQ(d.ties(1).weight(), 2.0);
  District same = MakeDistrict(2, {{0, 1, PLC, false}, {1, 0, PLC, false}});
  EXPECT_FALSE(ApplyDuplicateTies(same, DuplicateTies::kRefuse, "d").ok());
  EXPECT_EQ(*ApplyDuplicateTies(same, DuplicateTies::kKeep, "d"), 1);
  EXPECT_EQ(same.ties_size(), 2);
}

TEST(ApplyDuplicateTies, AgreesWithMergingByTheIdsText) {
  // Ties among teachers and ids no teacher has, in every direction and on
  // two channels, merged by the rule written plainly over strings.
  const std::vector<std::string> ids = {"t0", "t1", "t2", "x", "y"};
  std::uint64_t state = 12345;
  auto below = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % n);
  };
  for (int round = 0; round < 20; ++round) {
    District d = MakeDistrict(3, {});
    for (int i = 0; i < 40; ++i) {
      Tie& t = *d.add_ties();
      t.set_source(ids[below(5)]);
      t.set_target(ids[below(5)]);
      t.set_channel(below(2) == 0 ? PLC : ADVICE);
      t.set_directed(below(2) == 1);
      t.set_weight(1 + below(3));
    }
    std::vector<std::string> want;
    std::map<std::tuple<std::string, std::string, int, bool>, std::size_t> at;
    std::vector<double> weights;
    for (const Tie& t : d.ties()) {
      std::string a = t.source();
      std::string b = t.target();
      if (!t.directed() && b < a) std::swap(a, b);
      auto [it, fresh] = at.emplace(
          std::make_tuple(a, b, static_cast<int>(t.channel()), t.directed()),
          want.size());
      if (fresh) {
        want.push_back(absl::StrCat(t.source(), t.directed() ? ">" : "-",
                                    t.target(), ":", t.channel()));
        weights.push_back(t.weight());
      } else {
        weights[it->second] += t.weight();
      }
    }
    absl::StatusOr<std::int64_t> repeated =
        ApplyDuplicateTies(d, DuplicateTies::kMerge, "d");
    ASSERT_TRUE(repeated.ok());
    EXPECT_EQ(*repeated, 40 - static_cast<std::int64_t>(want.size()));
    ASSERT_EQ(d.ties_size(), static_cast<int>(want.size()));
    for (int i = 0; i < d.ties_size(); ++i) {
      const Tie& t = d.ties(i);
      EXPECT_EQ(absl::StrCat(t.source(), t.directed() ? ">" : "-", t.target(),
                             ":", t.channel()),
                want[static_cast<std::size_t>(i)]);
      EXPECT_EQ(t.weight(), weights[static_cast<std::size_t>(i)]);
    }
  }
}

TEST(FreezeDistrict, EveryTieOfTheSampleDistrictSurvives) {
  // A bigger check: every tie of a generated-like district maps to its arcs.
  std::vector<TieSpec> ties;
  ties.reserve(200);
  for (int i = 0; i < 200; ++i) {
    ties.push_back({i % 37, (i * 7 + 3) % 37, static_cast<Channel>(1 + i % 7),
                    i % 3 == 0, 1.0 + (i % 4) * 0.5});
  }
  District d = MakeDistrict(37, ties);
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  ASSERT_TRUE(g.ok());
  std::vector<ArcTuple> expected;
  for (const Tie& t : d.ties()) {
    if (t.source() == t.target()) continue;
    const float w = t.has_weight() ? static_cast<float>(t.weight()) : 1.0f;
    expected.emplace_back(t.source(), t.target(), t.channel(), w);
    if (!t.directed()) {
      expected.emplace_back(t.target(), t.source(), t.channel(), w);
    }
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ArcsOf(*g), expected);
}

TEST(FreezeDistrict, ArcsAreSortedBySourceThenChannel) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(Sample());
  ASSERT_TRUE(g.ok());
  for (VertexId u = 0; u < g->num_vertices(); ++u) {
    for (ArcIndex a = g->arc_begin(u); a + 1 < g->arc_end(u); ++a) {
      EXPECT_LE(std::make_pair(g->arc_channel(a), g->arc_target(a)),
                std::make_pair(g->arc_channel(a + 1), g->arc_target(a + 1)));
    }
  }
}

TEST(FreezeDistrict, ReverseArcsMirrorForwardArcs) {
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(Sample(), FreezeOptions{.build_reverse = true});
  ASSERT_TRUE(g.ok());
  ASSERT_TRUE(g->has_reverse());
  std::vector<std::tuple<VertexId, VertexId, ArcIndex>> forward, backward;
  for (VertexId u = 0; u < g->num_vertices(); ++u) {
    for (ArcIndex a = g->arc_begin(u); a < g->arc_end(u); ++a) {
      forward.emplace_back(u, g->arc_target(a), a);
    }
    for (ArcIndex i = g->in_offsets()[u]; i < g->in_offsets()[u + 1]; ++i) {
      backward.emplace_back(g->in_sources()[i], u, g->in_arc_ids()[i]);
    }
  }
  std::sort(forward.begin(), forward.end());
  std::sort(backward.begin(), backward.end());
  EXPECT_EQ(forward, backward);
  EXPECT_FALSE(FreezeDistrict(Sample())->has_reverse());
}

TEST(FreezeDistrict, UnweightedGraphsStoreNoWeights) {
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(MakeDistrict(3, {{0, 1}, {1, 2, PLC, false}}));
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(g->has_weights());
  EXPECT_EQ(g->arc_weight(0), 1.0f);
  EXPECT_TRUE(FreezeDistrict(Sample())->has_weights());
}

TEST(FreezeDistrict, WeightsKeepTheirValuesCodedOrNot) {
  // A directed tie from t0 to each of 600 teachers, the weight of tie i
  // being one of `distinct` values: up to 256 are held as one-byte codes,
  // more as floats, and every arc reads back its own weight either way.
  for (int distinct : {2, 256, 257}) {
    SCOPED_TRACE(distinct);
    DistrictGraphBuilder b;
    const std::uint32_t school = b.AddSchool("s", "", 1);
    constexpr int kTies = 600;
    for (int i = 0; i <= kTies; ++i) {
      ASSERT_TRUE(b.AddTeacher(absl::StrCat("t", i), school, TEACHER).ok());
    }
    auto weight_of = [&](VertexId v) {
      return 0.5f + static_cast<float>(static_cast<int>(v) % distinct) * 0.25f;
    };
    for (VertexId v = 1; v <= kTies; ++v) {
      b.AddTie(0, v, PLC, /*directed=*/true, weight_of(v));
    }
    absl::StatusOr<DistrictGraph> g = std::move(b).Freeze();
    ASSERT_TRUE(g.ok());
    ASSERT_TRUE(g->has_weights());
    for (ArcIndex a = 0; a < g->num_arcs(); ++a) {
      ASSERT_EQ(g->arc_weight(a), weight_of(g->arc_target(a))) << a;
    }
    // targets and channels, plus a byte a tie and the table, or a float.
    const std::size_t coded = kTies * (4 + 1 + 1) + distinct * 4;
    const std::size_t plain = kTies * (4 + 1 + 4);
    EXPECT_EQ(g->TieBytes(), distinct <= 256 ? coded : plain);
  }
}

TEST(FreezeDistrict, KeepsTheIdMapAndSchools) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(Sample());
  ASSERT_TRUE(g.ok());
  for (VertexId v = 0; v < g->num_vertices(); ++v) {
    EXPECT_EQ(g->FindTeacher(g->teacher_id(v)), v);
    EXPECT_EQ(g->school_id(g->school_of(v)), "s");
  }
  EXPECT_FALSE(g->FindTeacher("nobody"));
  EXPECT_EQ(g->school_readiness(0), 1.0);
}

TEST(FreezeDistrict, RejectsATieToATeacherNotOnTheRoster) {
  District d = Sample();
  d.mutable_ties(1)->set_target("t9");
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(g.status().message(), HasSubstr("tie 1"));
  EXPECT_THAT(g.status().message(), HasSubstr("'target'"));
  EXPECT_THAT(g.status().message(), HasSubstr("'t9' is not on the roster"));
}

TEST(FreezeDistrict, RejectsBadRecords) {
  {
    District d = Sample();
    d.mutable_teachers(2)->set_id("t0");
    EXPECT_THAT(FreezeDistrict(d).status().message(),
                HasSubstr("duplicate teacher id 't0'"));
  }
  {
    District d = Sample();
    d.mutable_teachers(0)->set_school_id("elsewhere");
    EXPECT_THAT(FreezeDistrict(d).status().message(),
                HasSubstr("school 'elsewhere'"));
  }
  {
    District d = Sample();
    d.mutable_ties(0)->set_weight(-1);
    EXPECT_THAT(FreezeDistrict(d).status().message(), HasSubstr("'weight'"));
  }
  {
    District d = Sample();
    d.mutable_ties(0)->set_channel(CHANNEL_UNSPECIFIED);
    EXPECT_THAT(FreezeDistrict(d).status().message(), HasSubstr("'channel'"));
  }
  {
    District d = Sample();
    d.mutable_schools(0)->set_readiness(1.5);
    EXPECT_THAT(FreezeDistrict(d).status().message(), HasSubstr("readiness"));
  }
}

TEST(CheckDistrict, RefusesWhatFreezingRefusesWithTheSameMessage) {
  std::vector<District> bad;
  for (int k = 0; k < 6; ++k) bad.push_back(Sample());
  bad[0].mutable_ties(1)->set_target("t9");
  bad[1].mutable_teachers(2)->set_id("t0");
  bad[2].mutable_teachers(0)->set_school_id("elsewhere");
  bad[3].mutable_ties(0)->set_weight(-1);
  bad[4].mutable_ties(0)->set_channel(CHANNEL_UNSPECIFIED);
  bad[5].mutable_schools(0)->set_readiness(1.5);
  for (const District& d : bad) {
    const absl::Status frozen = FreezeDistrict(d).status();
    ASSERT_FALSE(frozen.ok());
    EXPECT_EQ(CheckDistrict(d), frozen);
  }
  // What freezing accepts, the check does, and counts the self-loops it
  // would drop: the sample's one and an undirected one added.
  District d = Sample();
  *d.add_ties() = d.ties(0);
  d.mutable_ties(d.ties_size() - 1)->set_target(d.ties(0).source());
  FreezeStats stats;
  ASSERT_TRUE(FreezeDistrict(d, {}, &stats).ok());
  std::int64_t loops = -1;
  EXPECT_TRUE(CheckDistrict(d, {}, &loops).ok());
  EXPECT_EQ(loops, stats.self_loops_dropped);
  EXPECT_EQ(loops, 2);
}

TEST(FieldCheckedTies, StopsAtTheFirstTieFreezingRefusesWithItsMessage) {
  for (const double weight : {-1.0, 0.0, std::nan(""), 1e300}) {
    District d = Sample();
    d.mutable_ties(1)->set_weight(weight);
    std::vector<std::string> passed;
    const absl::Status s =
        FieldCheckedTies(MessageTies(d)).ForEach([&](const Tie& tie) {
          passed.push_back(tie.source() + ">" + tie.target());
          return absl::OkStatus();
        });
    // Freezing names the same tie, by the same number, the same way.
    EXPECT_EQ(s, FreezeDistrict(d).status()) << weight;
    EXPECT_THAT(s.message(), HasSubstr("tie 1 ("));
    EXPECT_EQ(passed.size(), 1u);
  }
  District d = Sample();
  d.mutable_ties(0)->set_channel(CHANNEL_UNSPECIFIED);
  // An unspecified channel is refused only where channels are required.
  EXPECT_TRUE(FieldCheckedTies(MessageTies(d), {.require_channels = false})
                  .ForEach([](const Tie&) { return absl::OkStatus(); })
                  .ok());
  EXPECT_EQ(FieldCheckedTies(MessageTies(d)).ForEach([](const Tie&) {
    return absl::OkStatus();
  }),
            FreezeDistrict(d).status());
  // What passes is every tie, in order, and the visitor's own error ends
  // the walk.
  const District sample = Sample();
  int seen = 0;
  const absl::Status stop =
      FieldCheckedTies(MessageTies(sample)).ForEach([&](const Tie& tie) {
        EXPECT_EQ(tie.SerializeAsString(),
                  sample.ties(seen).SerializeAsString());
        return ++seen == 2 ? absl::CancelledError("enough") : absl::OkStatus();
      });
  EXPECT_EQ(stop, absl::CancelledError("enough"));
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(FieldCheckedTies(MessageTies(sample)).size(), sample.ties_size());
}

TEST(FreezeDistrict, FreezingIsDeterministic) {
  absl::StatusOr<DistrictGraph> a = FreezeDistrict(Sample());
  absl::StatusOr<DistrictGraph> b = FreezeDistrict(Sample());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(std::equal(a->targets().begin(), a->targets().end(),
                         b->targets().begin(), b->targets().end()));
  EXPECT_TRUE(std::equal(a->channels().begin(), a->channels().end(),
                         b->channels().begin(), b->channels().end()));
}

TEST(DistrictGraphBuilder, ArcsComeOutInAStableSortOfWhatWasAdded) {
  // Random ties, many parallel (the same pair and channel, told apart by
  // weight): the frozen arcs must be exactly a stable sort by (source,
  // channel, target) of the arcs as added.
  DistrictGraphBuilder b;
  const std::uint32_t school = b.AddSchool("s", "", 1);
  constexpr int kTeachers = 50;
  for (int i = 0; i < kTeachers; ++i) {
    ASSERT_TRUE(b.AddTeacher(absl::StrCat("t", i), school, TEACHER).ok());
  }
  struct Arc {
    VertexId source, target;
    int channel;
    bool undirected;
    float weight;
  };
  std::vector<Arc> added;
  PhiloxStream rng(3, 0, kPurposeGenerator);
  for (int i = 0; i < 5000; ++i) {
    const auto u = static_cast<VertexId>(rng.NextBelow(kTeachers));
    const auto v = static_cast<VertexId>(rng.NextBelow(kTeachers));
    const auto channel = static_cast<int>(1 + rng.NextBelow(3));
    const bool directed = rng.NextBelow(2) == 0;
    const auto weight = static_cast<float>(i + 1);
    b.AddTie(u, v, static_cast<Channel>(channel), directed, weight);
    if (u == v) continue;  // dropped
    added.push_back({u, v, channel, !directed, weight});
    if (!directed) added.push_back({v, u, channel, true, weight});
  }
  std::stable_sort(added.begin(), added.end(), [](const Arc& a, const Arc& c) {
    return std::tie(a.source, a.channel, a.target, a.undirected) <
           std::tie(c.source, c.channel, c.target, c.undirected);
  });
  FreezeOptions keep;  // parallel ties kept, to see their order
  keep.duplicates = DuplicateTies::kKeep;
  absl::StatusOr<DistrictGraph> g = std::move(b).Freeze(keep);
  ASSERT_TRUE(g.ok()) << g.status();
  ASSERT_EQ(g->num_arcs(), added.size());
  std::size_t k = 0;
  for (VertexId v = 0; v < g->num_vertices(); ++v) {
    for (ArcIndex a = g->arc_begin(v); a < g->arc_end(v); ++a, ++k) {
      ASSERT_EQ(v, added[k].source) << k;
      ASSERT_EQ(g->arc_target(a), added[k].target) << k;
      ASSERT_EQ(g->arc_channel(a), added[k].channel) << k;
      ASSERT_EQ(g->arc_weight(a), added[k].weight) << k;
    }
  }
}

}  // namespace
}  // namespace collabnet
