// The plain models against closed forms and against independent estimators,
// in both draw modes (coupled, and one stream a replicate).
//
// Closed-form checks allow kZ = 4.5 standard errors of the exact variance
// (false failure about 7e-6 per check). Two-sample checks compare two
// estimators' means with z = (m1 - m2) / sqrt(s1^2/R1 + s2^2/R2), |z| < 4.5,
// a false-failure rate of about 7e-6 each. Seeds are fixed, so runs repeat.
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/moments.h"
#include "sim/quantiles.h"
#include "sim/runner.h"
#include "tests/sim/sim_test_support.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::DrawModeName;
using testing::FreezeOrFail;
using testing::IcScenario;
using testing::kDrawModes;
using testing::LeadersScenario;
using testing::MakeDistrict;
using testing::TieSpec;

constexpr double kZ = 4.5;
void ExpectClose(double mean, double expected, double variance, int n) {
  EXPECT_NEAR(mean, expected, kZ * std::sqrt(variance / n) + 1e-12);
}

// Mean and variance of teachers reached.
std::pair<double, double> MeanVar(const Estimate& e) {
  return {e.mean(), e.sd() * e.sd()};
}

RunResult Simulate(const DistrictGraph& g, const Scenario& s, DrawMode mode,
                   int threads = 0) {
  RunOptions options;
  options.draws = mode;
  options.threads = threads;
  absl::StatusOr<RunResult> r = RunScenario(g, s, options);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : RunResult();
}

// Teachers reached in each class of vertices, per replicate, from the
// model run directly: class_of[v] is v's class, or -1 for none.
std::vector<Moments> ReachedByClass(const DistrictGraph& g, const Scenario& s,
                                    DrawMode mode,
                                    const std::vector<int>& class_of,
                                    int classes) {
  absl::StatusOr<IndependentCascade> model =
      IndependentCascade::Prepare(g, s, mode);
  EXPECT_TRUE(model.ok()) << model.status();
  IndependentCascade::Workspace ws(*model);
  ReplicateCounts counts;
  std::vector<Moments> reached(static_cast<std::size_t>(classes));
  for (int r = 0; r < s.replicates(); ++r) {
    counts.Reset();
    model->Run(static_cast<std::uint32_t>(r), ws, counts);
    std::vector<int> count(static_cast<std::size_t>(classes), 0);
    for (const ReachRecord& rec : counts.reached()) {
      if (class_of[rec.teacher] >= 0) {
        ++count[static_cast<std::size_t>(class_of[rec.teacher])];
      }
    }
    for (int c = 0; c < classes; ++c) reached[c].Add(count[c]);
  }
  return reached;
}

TEST(IndependentCascade, StarFromItsCentreInEveryDrawMode) {
  // 5, 12 and 100 leaves: one run of 8 and of 16 lanes, and four runs of
  // 32 (coupled); p = 0.02 and 0.2 jump, 0.6 draws per arc (stream).
  constexpr int kReps = 20000;
  for (int leaves : {5, 12, 100}) {
    const DistrictGraph g = FreezeOrFail(testing::Star(leaves));
    for (DrawMode mode : kDrawModes) {
      for (double p : {0.02, 0.2, 0.6}) {
        SCOPED_TRACE(
            absl::StrCat(leaves, " leaves, p = ", p, ", ", DrawModeName(mode)));
        const RunResult r = Simulate(g, IcScenario({0}, p, kReps, 3), mode);
        ExpectClose(r.reached().mean(), leaves * p, leaves * p * (1 - p),
                    kReps);
      }
      EXPECT_EQ(Simulate(g, IcScenario({0}, 0.0, 100), mode).reached().mean(),
                0);
      EXPECT_EQ(Simulate(g, IcScenario({0}, 1.0, 100), mode).reached().mean(),
                leaves);
    }
  }
}

TEST(IndependentCascade, PathFromOneEnd) {
  constexpr int kLength = 10;
  constexpr int kReps = 20000;
  const DistrictGraph g = FreezeOrFail(testing::Path(kLength));
  for (DrawMode mode : kDrawModes) {
    for (double p : {0.1, 0.7}) {
      SCOPED_TRACE(absl::StrCat(p, " ", DrawModeName(mode)));
      double mean = 0, second = 0;
      for (int k = 1; k <= kLength; ++k) {
        mean += std::pow(p, k);
        second += (2 * k - 1) * std::pow(p, k);
      }
      const RunResult r = Simulate(g, IcScenario({0}, p, kReps, 3), mode);
      ExpectClose(r.reached().mean(), mean, second - mean * mean, kReps);
      // A round is a generation: the k-th teacher is reached in round k.
      for (const WeekPoint& w : r.weekly()) {
        double by = 0;
        for (int k = 1; k <= w.week(); ++k) by += std::pow(p, k);
        EXPECT_NEAR(w.reached_mean(), by, kZ * std::sqrt(second / kReps));
      }
      EXPECT_EQ(r.details().time_unit(), "round");
    }
  }
}

TEST(IndependentCascade, AHorizonIsADeadlineInRounds) {
  // With p = 1 on a path, round H reaches exactly the first H teachers.
  const DistrictGraph g = FreezeOrFail(testing::Path(10));
  for (DrawMode mode : kDrawModes) {
    for (int horizon : {1, 3, 7}) {
      Scenario s = IcScenario({0}, 1.0, 20);
      s.set_horizon(horizon);
      const RunResult r = Simulate(g, s, mode);
      EXPECT_EQ(r.reached().mean(), horizon) << DrawModeName(mode);
      EXPECT_EQ(r.weekly_size(), horizon + 1);
    }
  }
}

TEST(IndependentCascade, WeightedCascadeFanIn) {
  // k seeds all point at t, whose in-degree is k: each arc has p = 1/k, so
  // t is reached with probability 1 - (1 - 1/k)^k.
  constexpr int kReps = 40000;
  for (int k : {2, 8}) {
    std::vector<TieSpec> ties;
    std::vector<int> seeds;
    for (int s = 0; s < k; ++s) {
      ties.push_back({s, k, PLC});
      seeds.push_back(s);
    }
    const DistrictGraph g = FreezeOrFail(MakeDistrict(k + 1, ties));
    Scenario s = LeadersScenario(seeds, kReps, 3);
    s.mutable_independent_cascade()->set_probabilities(
        IndependentCascadeParams::WEIGHTED_CASCADE);
    const double q = 1 - std::pow(1 - 1.0 / k, k);
    for (DrawMode mode : kDrawModes) {
      SCOPED_TRACE(absl::StrCat(k, " ", DrawModeName(mode)));
      const RunResult r = Simulate(g, s, mode);
      ExpectClose(r.reached().mean(), q, q * (1 - q), kReps);
      EXPECT_EQ(r.details().model(), "weighted_cascade");
    }
  }
}

TEST(IndependentCascade, TieWeightsMultiplyUpToOne) {
  constexpr int kLeaves = 200;
  constexpr int kReps = 20000;
  std::vector<TieSpec> ties;
  for (int v = 1; v <= kLeaves; ++v) {
    ties.push_back({0, v, PLC, true, v % 2 == 0 ? 3.0 : 30.0});
  }
  const DistrictGraph g = FreezeOrFail(MakeDistrict(kLeaves + 1, ties));
  Scenario s = IcScenario({0}, 0.1, kReps, 3);
  s.mutable_independent_cascade()->set_use_tie_weights(true);
  // Even leaves: p = 0.3; odd leaves: min(1, 3) = 1.
  constexpr double kHalf = kLeaves / 2.0;
  for (DrawMode mode : kDrawModes) {
    SCOPED_TRACE(DrawModeName(mode));
    ExpectClose(Simulate(g, s, mode).reached().mean(), kHalf * 0.3 + kHalf,
                kHalf * 0.3 * 0.7, kReps);
  }
}

// A star whose leaves fall into weight classes: per class, the share of
// leaves reached is that class's probability, however the centre's arcs are
// drawn. Leaves of weight 1 / p are certain. Ties go both ways, so the arcs
// stored after the centre's are the leaves' own.
void ExpectStarClassesReached(const std::vector<int>& class_sizes,
                              const std::vector<double>& class_p,
                              DrawMode mode) {
  constexpr int kReps = 4000;
  std::vector<TieSpec> ties;
  std::vector<int> leaf_class = {-1};  // the centre
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    for (int i = 0; i < class_sizes[c]; ++i) {
      const int leaf = static_cast<int>(leaf_class.size());
      ties.push_back({0, leaf, PLC, false, class_p[c] / 0.01});
      leaf_class.push_back(static_cast<int>(c));
    }
  }
  const DistrictGraph g =
      FreezeOrFail(MakeDistrict(static_cast<int>(leaf_class.size()), ties));
  Scenario s = IcScenario({0}, 0.01, kReps, 5);
  s.mutable_independent_cascade()->set_use_tie_weights(true);
  const std::vector<Moments> reached = ReachedByClass(
      g, s, mode, leaf_class, static_cast<int>(class_sizes.size()));
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    SCOPED_TRACE(c);
    const double p = std::min(1.0, class_p[c]);
    const Estimate e = MakeEstimate(reached[c], kReps);
    ExpectClose(e.mean(), class_sizes[c] * p, class_sizes[c] * p * (1 - p),
                kReps);
  }
}

TEST(IndependentCascade, PerArcProbabilitiesInEveryLaneWidth) {
  // Coupled: runs of 8 and 16 lanes with one 128-bit block of planes, runs
  // of 32 with 256-bit blocks, certain arcs among them; probabilities whose
  // bits differ early (0.9 against 0.02) and late (0.3 against 0.25).
  const DrawMode mode = DrawMode::kCoupled;
  ExpectStarClassesReached({2, 3, 1}, {0.5, 0.25, 1.0}, mode);
  ExpectStarClassesReached({4, 5, 3}, {0.3, 0.25, 0.9}, mode);
  ExpectStarClassesReached({40, 3, 30, 60, 7}, {0.3, 1.0, 0.1, 0.02, 0.9},
                           mode);
}

TEST(IndependentCascade, PerArcProbabilitiesBySurvival) {
  // Stream, total hazard about 25: survivals, compared a block of 16 at a
  // time and, past the first block, block by block; and a single partial
  // block.
  ExpectStarClassesReached({40, 3, 30, 60, 7}, {0.3, 1.0, 0.1, 0.02, 0.9},
                           DrawMode::kStream);
  ExpectStarClassesReached({2, 3}, {0.5, 0.25}, DrawMode::kStream);
}

TEST(IndependentCascade, PerArcProbabilitiesOfAHub) {
  // Total hazard about 170 leaves the float range: jumps at the largest
  // probability 0.2, thinned to each arc's own (stream); and hazard about
  // 110 with a largest probability of 0.6: a draw per arc (stream). Runs of
  // 32 lanes, 61 and 22 of them (coupled).
  for (DrawMode mode : kDrawModes) {
    SCOPED_TRACE(DrawModeName(mode));
    ExpectStarClassesReached({500, 1000, 5, 400}, {0.2, 0.05, 1.0, 0.1}, mode);
    ExpectStarClassesReached({100, 600, 4}, {0.6, 0.02, 1.0}, mode);
  }
}

TEST(TieContext, EveryPlainModelWeighsTiesWithinASchool) {
  // Seed t0 and t3 (never active) both point at t1 and t2; t0 and t1 are in
  // school s, t2 and t3 in b. With same_school_multiplier 2:
  //   ic p = 0.2: t1 with 0.4, t2 with 0.2;
  //   wc (in-degree 2): t1 with min(1, 2 / 2) = 1, t2 with 1/2;
  //   lt: t1's in-weights 2 (t0) and 1 (t3), active share 2/3; t2's 1 (t0)
  //       and 2 (t3), active share 1/3;
  //   cc, k = 1, p = 0.2: as ic.
  constexpr int kReps = 20000;
  District d = MakeDistrict(4, {{0, 1}, {0, 2}, {3, 1}, {3, 2}});
  d.add_schools()->set_id("b");
  d.mutable_teachers(2)->set_school_id("b");
  d.mutable_teachers(3)->set_school_id("b");
  const DistrictGraph g = FreezeOrFail(d);
  Scenario base = LeadersScenario({0}, kReps, 31);
  base.set_same_school_multiplier(2);
  struct Case {
    const char* name;
    void (*model)(Scenario&);
    double p1, p2;
  };
  const Case cases[] = {
      {"ic",
       [](Scenario& s) {
         s.mutable_independent_cascade()->set_probability(0.2);
       },
       0.4, 0.2},
      {"wc",
       [](Scenario& s) {
         s.mutable_independent_cascade()->set_probabilities(
             IndependentCascadeParams::WEIGHTED_CASCADE);
       },
       1, 0.5},
      {"lt", [](Scenario& s) { s.mutable_linear_threshold(); }, 2.0 / 3,
       1.0 / 3},
      {"cc",
       [](Scenario& s) {
         s.mutable_complex_contagion()->set_probability(0.2);
         s.mutable_complex_contagion()->set_threshold(1);
       },
       0.4, 0.2},
  };
  for (const Case& c : cases) {
    for (DrawMode mode : kDrawModes) {
      SCOPED_TRACE(absl::StrCat(c.name, " ", DrawModeName(mode)));
      Scenario s = base;
      c.model(s);
      const RunResult r = Simulate(g, s, mode);
      ExpectClose(r.reached().mean(), c.p1 + c.p2,
                  c.p1 * (1 - c.p1) + c.p2 * (1 - c.p2), kReps);
      EXPECT_EQ(r.details().parameters().same_school_multiplier(), 2);
    }
  }
}

TEST(IndependentCascade, ChannelProbabilitiesPerTie) {
  // t0 reaches 60 PLC leaves at 0.5 and 100 social-media leaves at 0.1;
  // with tie weights, the PLC ties (weight 1.5) at 0.75.
  constexpr int kReps = 20000;
  std::vector<TieSpec> ties;
  for (int v = 1; v <= 60; ++v) ties.push_back({0, v, PLC, true, 1.5});
  for (int v = 61; v <= 160; ++v) ties.push_back({0, v, SOCIAL_MEDIA});
  const DistrictGraph g = FreezeOrFail(MakeDistrict(161, ties));
  Scenario s = LeadersScenario({0}, kReps, 41);
  s.mutable_independent_cascade()->set_probabilities(
      IndependentCascadeParams::CHANNELS);
  for (auto [channel, p] :
       {std::pair{PLC, 0.5}, std::pair{SOCIAL_MEDIA, 0.1}}) {
    ChannelParams* c = s.add_channels();
    c->set_channel(channel);
    c->set_probability(p);
  }
  for (bool weights : {false, true}) {
    for (DrawMode mode : kDrawModes) {
      SCOPED_TRACE(absl::StrCat(weights, " ", DrawModeName(mode)));
      s.mutable_independent_cascade()->set_use_tie_weights(weights);
      const double plc = weights ? 0.75 : 0.5;
      const RunResult r = Simulate(g, s, mode);
      ExpectClose(r.reached().mean(), 60 * plc + 100 * 0.1,
                  60 * plc * (1 - plc) + 100 * 0.1 * 0.9, kReps);
      // Reach by channel, the leaders' first-hand reach included.
      for (const ChannelReach& c : r.direct_reach_by_channel()) {
        const double expected = c.channel() == PLC            ? 60 * plc
                                : c.channel() == SOCIAL_MEDIA ? 10
                                                              : 0;
        EXPECT_NEAR(c.teachers().mean(), expected, 0.5) << c.channel();
      }
    }
  }
  // A plain network's ties have no channel to take a probability from.
  DistrictGraphBuilder b;
  const std::uint32_t school = b.AddSchool("s", "", 1);
  ASSERT_TRUE(b.AddTeacher("t0", school, TEACHER).ok());
  ASSERT_TRUE(b.AddTeacher("t1", school, TEACHER).ok());
  b.AddTie(0, 1, CHANNEL_UNSPECIFIED, true, 1);
  absl::StatusOr<DistrictGraph> untyped =
      std::move(b).Freeze({.require_channels = false});
  ASSERT_TRUE(untyped.ok()) << untyped.status();
  const absl::Status status = RunScenario(*untyped, s).status();
  EXPECT_NE(status.message().find("ties name their channel"), std::string::npos)
      << status;
}

// Runs a linear-threshold scenario on g and returns teachers reached.
std::pair<double, double> LtReached(const DistrictGraph& g, Scenario s,
                                    bool weighted = false) {
  s.mutable_linear_threshold()->set_use_tie_weights(weighted);
  return MeanVar(Simulate(g, s, DrawMode::kCoupled).reached());
}

TEST(LinearThreshold, FanInActivatesWithTheActiveShare) {
  // t has in-degree k; m of its in-neighbours are seeds: t activates iff its
  // threshold is at most m/k.
  constexpr int kReps = 40000;
  constexpr int k = 5;
  std::vector<TieSpec> ties;
  ties.reserve(k);
  for (int s = 0; s < k; ++s) ties.push_back({s, k, ADVICE});
  const DistrictGraph g = FreezeOrFail(MakeDistrict(k + 1, ties));
  for (int m : {1, 3, 5}) {
    std::vector<int> seeds(static_cast<std::size_t>(m));
    for (int s = 0; s < m; ++s) seeds[static_cast<std::size_t>(s)] = s;
    const double q = static_cast<double>(m) / k;
    ExpectClose(LtReached(g, LeadersScenario(seeds, kReps, 5)).first, q,
                q * (1 - q), kReps);
  }
}

TEST(LinearThreshold, TieWeightsSetTheShares) {
  // t's in-ties weigh 1 and 3; only the heavier one's source is a seed, so
  // t activates with probability 3/4 (or 1/2 with equal weights).
  const DistrictGraph g = FreezeOrFail(
      MakeDistrict(3, {{0, 2, PLC, true, 1.0}, {1, 2, PLC, true, 3.0}}));
  constexpr int kReps = 40000;
  for (bool weighted : {true, false}) {
    const double q = weighted ? 0.75 : 0.5;
    ExpectClose(LtReached(g, LeadersScenario({1}, kReps, 9), weighted).first, q,
                q * (1 - q), kReps);
  }
}

TEST(LinearThreshold, GivenThresholdsHoldAndTheRestAreDrawn) {
  // The seed t0 and an inactive t1 point at each of 100 leaves, so a leaf's
  // active share is 1/2: a leaf given 0.3 always activates, one given 0.7
  // never does, one given exactly 0.5 always does, and a drawn one does
  // with probability 1/2.
  constexpr int kLeaves = 100;
  constexpr int kReps = 20000;
  std::vector<TieSpec> ties;
  for (int v = 2; v < kLeaves + 2; ++v) {
    ties.push_back({0, v});
    ties.push_back({1, v});
  }
  const DistrictGraph g = FreezeOrFail(MakeDistrict(kLeaves + 2, ties));
  Scenario s = LeadersScenario({0}, kReps, 21);
  auto& given = *s.mutable_linear_threshold()->mutable_thresholds();
  for (int v = 2; v < 32; ++v) given[absl::StrCat("t", v)] = 0.3;
  for (int v = 32; v < 62; ++v) given[absl::StrCat("t", v)] = 0.7;
  given["t62"] = 0.5;
  absl::StatusOr<LinearThreshold> model = LinearThreshold::Prepare(g, s);
  ASSERT_TRUE(model.ok()) << model.status();
  LinearThreshold::Workspace ws(*model);
  ReplicateCounts counts;
  Moments drawn;
  for (int r = 0; r < kReps; ++r) {
    counts.Reset();
    model->Run(static_cast<std::uint32_t>(r), ws, counts);
    std::vector<bool> active(kLeaves + 2, false);
    for (const ReachRecord& rec : counts.reached()) active[rec.teacher] = true;
    for (int v = 2; v < 32; ++v) ASSERT_TRUE(active[v]) << v;
    for (int v = 32; v < 62; ++v) ASSERT_FALSE(active[v]) << v;
    ASSERT_TRUE(active[62]);
    int count = 0;
    for (int v = 63; v < kLeaves + 2; ++v) count += active[v] ? 1 : 0;
    drawn.Add(count);
  }
  const int free_leaves = kLeaves + 2 - 63;
  ExpectClose(MakeEstimate(drawn, kReps).mean(), free_leaves * 0.5,
              free_leaves * 0.25, kReps);
}

TEST(LinearThreshold, RejectsThresholdsThatDoNotFit) {
  const DistrictGraph g = FreezeOrFail(testing::Path(3));
  Scenario s = LeadersScenario({0}, 10);
  (*s.mutable_linear_threshold()->mutable_thresholds())["t1"] = 1.5;
  const absl::Status bad = RunScenario(g, s).status();
  EXPECT_NE(bad.message().find("teacher 't1'"), std::string::npos) << bad;
  s.mutable_linear_threshold()->clear_thresholds();
  (*s.mutable_linear_threshold()->mutable_thresholds())["nobody"] = 0.5;
  const absl::Status unknown = RunScenario(g, s).status();
  EXPECT_NE(unknown.message().find("'nobody' is not in the network"),
            std::string::npos)
      << unknown;
}

TEST(LinearThreshold, APathAlwaysActivatesWhole) {
  const DistrictGraph g = FreezeOrFail(testing::Path(20));
  Scenario s = LeadersScenario({0}, 50);
  s.mutable_linear_threshold();
  const RunResult lt = Simulate(g, s, DrawMode::kCoupled);
  EXPECT_EQ(lt.reached().mean(), 20);
  EXPECT_EQ(lt.reached().sd(), 0);
}

TEST(Quantiles, InterpolateAsRDoes) {
  // R: quantile(1:5, c(.05, .25, .5, .75, .95)) = 1.2 2 3 4 4.8
  std::vector<std::int32_t> values = {5, 3, 1, 4, 2};
  Estimate e;
  AddQuantiles(values, e);
  ASSERT_EQ(e.quantiles_size(), 5);
  const double expected[] = {1.2, 2, 3, 4, 4.8};
  for (int i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(e.quantiles(i).value(), expected[i]);
  }
}

}  // namespace
}  // namespace collabnet
