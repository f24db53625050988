// The plain models against closed forms and against independent estimators.
//
// Closed-form checks allow kZ = 4.5 standard errors of the exact variance
// (false failure about 7e-6 per check). Two-sample checks compare two
// estimators' means with z = (m1 - m2) / sqrt(s1^2/R1 + s2^2/R2), |z| < 4.5,
// a false-failure rate of about 7e-6 each. Seeds are fixed, so runs repeat.
#include <cmath>
#include <string>

#include "gtest/gtest.h"
#include "data/embedded_default.h"
#include "random/philox_stream.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/live_edge.h"
#include "sim/moments.h"
#include "sim/monte_carlo.h"
#include "sim/quantiles.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::MakeDistrict;
using testing::TieSpec;

constexpr double kZ = 4.5;

DistrictGraph Freeze(const District& d, bool reverse = false) {
  absl::StatusOr<DistrictGraph> g =
      FreezeDistrict(d, FreezeOptions{.build_reverse = reverse});
  EXPECT_TRUE(g.ok()) << g.status();
  return *std::move(g);
}

// Mean and sample variance of `replicates` reach counts from `draw(r)`.
template <typename Draw>
std::pair<double, double> MeanVar(int replicates, Draw draw) {
  Moments m;
  for (int r = 0; r < replicates; ++r) m.Add(draw(r));
  const Estimate e = MakeEstimate(m, replicates);
  return {e.mean(), e.sd() * e.sd()};
}

void ExpectClose(double mean, double expected, double variance, int n) {
  EXPECT_NEAR(mean, expected, kZ * std::sqrt(variance / n) + 1e-12);
}

void ExpectSameMean(std::pair<double, double> a, std::pair<double, double> b,
                    int n) {
  const double se = std::sqrt((a.second + b.second) / n);
  EXPECT_LT(std::abs(a.first - b.first), kZ * se + 1e-12)
      << a.first << " vs " << b.first << " (se " << se << ")";
}

std::int64_t Ic(const DistrictGraph& g, IcParams params,
                const std::vector<VertexId>& seeds, int replicates,
                double* variance, std::uint64_t seed = 3) {
  absl::StatusOr<IcModel> model = PrepareIndependentCascade(g, params, seeds);
  EXPECT_TRUE(model.ok()) << model.status();
  PlainWorkspace ws(g.num_vertices());
  auto [mean, var] = MeanVar(replicates, [&](int r) {
    return RunIcReplicate(*model, seed, static_cast<std::uint64_t>(r), ws);
  });
  *variance = var;
  return static_cast<std::int64_t>(std::llround(mean * 1e6));
}

double IcMean(const DistrictGraph& g, IcParams params,
              const std::vector<VertexId>& seeds, int replicates) {
  double var = 0;
  return static_cast<double>(Ic(g, params, seeds, replicates, &var)) / 1e6;
}

TEST(IndependentCascade, StarFromItsCentreInEveryDrawMode) {
  constexpr int kLeaves = 300;
  constexpr int kReps = 20000;
  const DistrictGraph g = Freeze(testing::Star(kLeaves));
  // 0.02 and 0.2 use geometric jumps, 0.6 draws per arc, 0 and 1 are exact.
  for (double p : {0.02, 0.2, 0.6}) {
    SCOPED_TRACE(p);
    ExpectClose(IcMean(g, {IcWeighting::kUniform, p}, {0}, kReps), kLeaves * p,
                kLeaves * p * (1 - p), kReps);
  }
  EXPECT_EQ(IcMean(g, {IcWeighting::kUniform, 0.0}, {0}, 100), 0);
  EXPECT_EQ(IcMean(g, {IcWeighting::kUniform, 1.0}, {0}, 100), kLeaves);
}

TEST(IndependentCascade, PathFromOneEnd) {
  constexpr int kLength = 10;
  constexpr int kReps = 20000;
  const DistrictGraph g = Freeze(testing::Path(kLength));
  for (double p : {0.1, 0.7}) {
    double mean = 0, second = 0;
    for (int k = 1; k <= kLength; ++k) {
      mean += std::pow(p, k);
      second += (2 * k - 1) * std::pow(p, k);
    }
    ExpectClose(IcMean(g, {IcWeighting::kUniform, p}, {0}, kReps), mean,
                second - mean * mean, kReps);
  }
}

TEST(IndependentCascade, WeightedCascadeFanIn) {
  // k seeds all point at t, whose in-degree is k: each arc has p = 1/k, so
  // t is reached with probability 1 - (1 - 1/k)^k. With jumps (k = 8) the
  // largest probability is 1/8 and thinning is exercised by mixing in a
  // second target of in-degree 16.
  constexpr int kReps = 40000;
  for (int k : {2, 8}) {
    SCOPED_TRACE(k);
    std::vector<TieSpec> ties;
    std::vector<VertexId> seeds;
    for (int s = 0; s < k; ++s) {
      ties.push_back({s, k, PLC});
      seeds.push_back(static_cast<VertexId>(s));
    }
    const DistrictGraph g = Freeze(MakeDistrict(k + 1, ties));
    const double q = 1 - std::pow(1 - 1.0 / k, k);
    ExpectClose(IcMean(g, {IcWeighting::kWeightedCascade, 0}, seeds, kReps), q,
                q * (1 - q), kReps);
  }
}

TEST(IndependentCascade, TieWeightsMultiplyUpToOne) {
  constexpr int kLeaves = 200;
  constexpr int kReps = 20000;
  std::vector<TieSpec> ties;
  for (int v = 1; v <= kLeaves; ++v) {
    ties.push_back({0, v, PLC, true, v % 2 == 0 ? 3.0 : 30.0});
  }
  const DistrictGraph g = Freeze(MakeDistrict(kLeaves + 1, ties));
  // Even leaves: p = 0.3; odd leaves: min(1, 3) = 1.
  const double mean = kLeaves / 2 * 0.3 + kLeaves / 2;
  ExpectClose(IcMean(g, {IcWeighting::kTieWeight, 0.1}, {0}, kReps), mean,
              kLeaves / 2 * 0.3 * 0.7, kReps);
}

// A star whose leaves fall into weight classes: per class, the share of
// leaves reached is that class's probability, whichever way the centre's
// arcs are drawn. Leaves of weight 1 / p are certain. Ties go both ways, so
// the arcs stored after the centre's are the leaves' own.
void ExpectStarClassesReached(const std::vector<int>& class_sizes,
                              const std::vector<double>& class_p,
                              float expected_draw_sign) {
  constexpr int kReps = 4000;
  std::vector<TieSpec> ties;
  std::vector<int> leaf_class;
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    for (int i = 0; i < class_sizes[c]; ++i) {
      const int leaf = static_cast<int>(leaf_class.size()) + 1;
      ties.push_back({0, leaf, PLC, false, class_p[c] / 0.01});
      leaf_class.push_back(static_cast<int>(c));
    }
  }
  const int n = static_cast<int>(leaf_class.size()) + 1;
  const DistrictGraph g = Freeze(MakeDistrict(n, ties));
  absl::StatusOr<IcModel> model =
      PrepareIndependentCascade(g, {IcWeighting::kTieWeight, 0.01}, {0});
  ASSERT_TRUE(model.ok());
  const float draw = model->draws.plans[0].draw;
  if (expected_draw_sign > 1) {
    EXPECT_EQ(draw, kDrawDirect);
  } else if (expected_draw_sign < 0) {
    EXPECT_LT(draw, 0);
  } else {
    EXPECT_GT(draw, 0);
    EXPECT_LT(draw, 1);
  }
  PlainWorkspace ws(g.num_vertices());
  std::vector<Moments> reached(class_sizes.size());
  for (int r = 0; r < kReps; ++r) {
    RunIcReplicate(*model, 5, static_cast<std::uint64_t>(r), ws);
    std::vector<int> count(class_sizes.size(), 0);
    for (std::size_t i = 1; i < ws.queue.size(); ++i) {
      ++count[static_cast<std::size_t>(leaf_class[ws.queue[i] - 1])];
    }
    for (std::size_t c = 0; c < count.size(); ++c) reached[c].Add(count[c]);
  }
  for (std::size_t c = 0; c < class_sizes.size(); ++c) {
    SCOPED_TRACE(c);
    const double p = std::min(1.0, class_p[c]);
    const Estimate e = MakeEstimate(reached[c], kReps);
    ExpectClose(e.mean(), class_sizes[c] * p, class_sizes[c] * p * (1 - p),
                kReps);
  }
}

TEST(IndependentCascade, PerArcProbabilitiesBySurvival) {
  // Total hazard about 25: survivals, compared a block of 16 at a time
  // and, past the first block, block by block.
  ExpectStarClassesReached({40, 3, 30, 60, 7}, {0.3, 1.0, 0.1, 0.02, 0.9}, 0);
  // Few arcs: a single partial block.
  ExpectStarClassesReached({2, 3}, {0.5, 0.25}, 0);
}

TEST(IndependentCascade, PerArcProbabilitiesOfAHubByJumps) {
  // Total hazard about 170 leaves the float range: geometric jumps at the
  // largest probability 0.2, thinned to each arc's own.
  ExpectStarClassesReached({500, 1000, 5, 400}, {0.2, 0.05, 1.0, 0.1}, -1);
}

TEST(IndependentCascade, PerArcProbabilitiesOfAHubByDirectDraws) {
  // Hazard about 110 with a largest probability of 0.6: a draw per arc.
  ExpectStarClassesReached({100, 600, 4}, {0.6, 0.02, 1.0}, 2);
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
  const DistrictGraph g = Freeze(d);
  Scenario s;
  s.add_leaders("t0");
  s.set_replicates(kReps);
  s.set_seed(31);
  s.set_same_school_multiplier(2);
  struct Case {
    Model model;
    double p1, p2;
  };
  for (const Case& c :
       {Case{INDEPENDENT_CASCADE, 0.4, 0.2}, Case{WEIGHTED_CASCADE, 1, 0.5},
        Case{LINEAR_THRESHOLD, 2.0 / 3, 1.0 / 3},
        Case{COMPLEX_CONTAGION, 0.4, 0.2}}) {
    SCOPED_TRACE(Model_Name(c.model));
    s.set_model(c.model);
    s.set_probability(0.2);
    s.set_contagion_threshold(1);
    absl::StatusOr<RunResult> r = RunScenario(g, s, {.progress = nullptr});
    ASSERT_TRUE(r.ok()) << r.status();
    ExpectClose(r->reached().mean(), c.p1 + c.p2,
                c.p1 * (1 - c.p1) + c.p2 * (1 - c.p2), kReps);
    EXPECT_EQ(r->details().parameters().same_school_multiplier(), 2);
  }
  s.set_same_school_multiplier(-1);
  EXPECT_FALSE(RunScenario(g, s, {.progress = nullptr}).ok());
}

TEST(IndependentCascade, ChannelProbabilitiesPerTie) {
  // t0 reaches 60 PLC leaves at 0.5 and 100 social-media leaves at 0.1;
  // with tie weights, the PLC ties (weight 1.5) at 0.75.
  constexpr int kReps = 20000;
  std::vector<TieSpec> ties;
  for (int v = 1; v <= 60; ++v) ties.push_back({0, v, PLC, true, 1.5});
  for (int v = 61; v <= 160; ++v) ties.push_back({0, v, SOCIAL_MEDIA});
  const DistrictGraph g = Freeze(MakeDistrict(161, ties));
  Scenario s;
  s.set_model(INDEPENDENT_CASCADE);
  s.set_channel_probabilities(true);
  s.add_leaders("t0");
  s.set_replicates(kReps);
  s.set_seed(41);
  for (auto [channel, p] :
       {std::pair{PLC, 0.5}, std::pair{SOCIAL_MEDIA, 0.1}}) {
    ChannelParams* c = s.add_channels();
    c->set_channel(channel);
    c->set_probability(p);
  }
  for (bool weights : {false, true}) {
    SCOPED_TRACE(weights);
    s.set_use_tie_weights(weights);
    const double plc = weights ? 0.75 : 0.5;
    absl::StatusOr<RunResult> r = RunScenario(g, s, {.progress = nullptr});
    ASSERT_TRUE(r.ok()) << r.status();
    ExpectClose(r->reached().mean(), 60 * plc + 100 * 0.1,
                60 * plc * (1 - plc) + 100 * 0.1 * 0.9, kReps);
  }
  // A plain network's ties have no channel to take a probability from.
  IcParams params;
  params.channel_probability.assign(kNumChannels, 0.5);
  const DistrictGraph plain = Freeze(testing::Star(3));
  EXPECT_TRUE(PrepareIndependentCascade(plain, params, {0}).ok());
  DistrictGraphBuilder b;
  const std::uint32_t school = b.AddSchool("s", "", 1);
  ASSERT_TRUE(b.AddTeacher("a", school, TEACHER).ok());
  ASSERT_TRUE(b.AddTeacher("b", school, TEACHER).ok());
  b.AddTie(0, 1, CHANNEL_UNSPECIFIED, true, 1);
  absl::StatusOr<DistrictGraph> untyped =
      std::move(b).Freeze({.require_channels = false});
  ASSERT_TRUE(untyped.ok()) << untyped.status();
  EXPECT_FALSE(PrepareIndependentCascade(*untyped, params, {0}).ok());
  params.channel_probability[PLC] = 1.5;
  EXPECT_FALSE(PrepareIndependentCascade(plain, params, {0}).ok());
}

TEST(IndependentCascade, RejectsBadInput) {
  const DistrictGraph g = Freeze(testing::Star(3));
  EXPECT_FALSE(
      PrepareIndependentCascade(g, {IcWeighting::kUniform, 1.5}, {0}).ok());
  EXPECT_FALSE(
      PrepareIndependentCascade(g, {IcWeighting::kUniform, 0.5}, {0, 0}).ok());
  EXPECT_FALSE(
      PrepareIndependentCascade(g, {IcWeighting::kUniform, 0.5}, {9}).ok());
}

TEST(LinearThreshold, FanInActivatesWithTheActiveShare) {
  // t has in-degree k; m of its in-neighbours are seeds: t activates iff its
  // threshold is at most m/k.
  constexpr int kReps = 40000;
  constexpr int k = 5;
  std::vector<TieSpec> ties;
  for (int s = 0; s < k; ++s) ties.push_back({s, k, ADVICE});
  const DistrictGraph g = Freeze(MakeDistrict(k + 1, ties));
  for (int m : {1, 3, 5}) {
    std::vector<VertexId> seeds;
    for (int s = 0; s < m; ++s) seeds.push_back(static_cast<VertexId>(s));
    absl::StatusOr<LtModel> model = PrepareLinearThreshold(g, {}, seeds);
    ASSERT_TRUE(model.ok());
    LtWorkspace ws(g.num_vertices());
    auto [mean, var] = MeanVar(kReps, [&](int r) {
      return RunLtReplicate(*model, 5, static_cast<std::uint64_t>(r), ws);
    });
    const double q = static_cast<double>(m) / k;
    ExpectClose(mean, q, q * (1 - q), kReps);
  }
}

TEST(LinearThreshold, TieWeightsSetTheShares) {
  // t's in-ties weigh 1 and 3; only the heavier one's source is a seed, so
  // t activates with probability 3/4 (or 1/2 with equal weights).
  const DistrictGraph g =
      Freeze(MakeDistrict(3, {{0, 2, PLC, true, 1.0}, {1, 2, PLC, true, 3.0}}));
  constexpr int kReps = 40000;
  for (bool weighted : {true, false}) {
    absl::StatusOr<LtModel> model =
        PrepareLinearThreshold(g, LtParams{.use_tie_weights = weighted}, {1});
    LtWorkspace ws(3);
    auto [mean, var] = MeanVar(kReps, [&](int r) {
      return RunLtReplicate(*model, 9, static_cast<std::uint64_t>(r), ws);
    });
    const double q = weighted ? 0.75 : 0.5;
    ExpectClose(mean, q, q * (1 - q), kReps);
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
  const DistrictGraph g = Freeze(MakeDistrict(kLeaves + 2, ties));
  LtParams params;
  params.thresholds.assign(kLeaves + 2, std::nan(""));
  for (int v = 2; v < 32; ++v) params.thresholds[v] = 0.3;
  for (int v = 32; v < 62; ++v) params.thresholds[v] = 0.7;
  params.thresholds[62] = 0.5;
  absl::StatusOr<LtModel> model = PrepareLinearThreshold(g, params, {0});
  ASSERT_TRUE(model.ok()) << model.status();
  LtWorkspace ws(g.num_vertices());
  Moments drawn;
  for (int r = 0; r < kReps; ++r) {
    RunLtReplicate(*model, 21, static_cast<std::uint64_t>(r), ws);
    std::vector<bool> active(kLeaves + 2, false);
    for (VertexId v : ws.plain.queue) active[v] = true;
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
  const DistrictGraph g = Freeze(testing::Path(3));
  LtParams params;
  params.thresholds = {0.5, 0.5};
  EXPECT_FALSE(PrepareLinearThreshold(g, params, {0}).ok());
  params.thresholds = {0.5, 1.5, std::nan(""), 0.1};
  const absl::Status s = PrepareLinearThreshold(g, params, {0}).status();
  EXPECT_NE(s.message().find("teacher 't1'"), std::string::npos) << s;
  Scenario scenario;
  scenario.set_model(LINEAR_THRESHOLD);
  scenario.set_replicates(10);
  scenario.add_leaders("t0");
  (*scenario.mutable_thresholds())["nobody"] = 0.5;
  const absl::Status unknown = RunScenario(g, scenario, {}).status();
  EXPECT_NE(unknown.message().find("'nobody' is not in the network"),
            std::string::npos)
      << unknown;
}

TEST(LinearThreshold, APathAlwaysActivatesWhole) {
  const DistrictGraph g = Freeze(testing::Path(20));
  absl::StatusOr<LtModel> model = PrepareLinearThreshold(g, {}, {0});
  LtWorkspace ws(g.num_vertices());
  for (int r = 0; r < 50; ++r) EXPECT_EQ(RunLtReplicate(*model, 1, r, ws), 20);
}

class SampleDistrictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = new DistrictGraph(Freeze(*EmbeddedDistrict(), /*reverse=*/true));
    const Scenario scenario = *EmbeddedScenario();
    for (const std::string& id : scenario.leaders()) {
      seeds_.push_back(*graph_->FindTeacher(id));
    }
  }
  static void TearDownTestSuite() { delete graph_; }
  static DistrictGraph* graph_;
  static std::vector<VertexId> seeds_;
};
DistrictGraph* SampleDistrictTest::graph_ = nullptr;
std::vector<VertexId> SampleDistrictTest::seeds_;

TEST_F(SampleDistrictTest, CascadeAgreesWithLiveEdgeSampling) {
  constexpr int kReps = 3000;
  PlainWorkspace ws(graph_->num_vertices());
  for (IcParams params : {IcParams{IcWeighting::kUniform, 0.03},
                          IcParams{IcWeighting::kUniform, 0.08},
                          IcParams{IcWeighting::kWeightedCascade, 0},
                          IcParams{IcWeighting::kTieWeight, 0.04}}) {
    SCOPED_TRACE(static_cast<int>(params.weighting));
    absl::StatusOr<IcModel> model =
        PrepareIndependentCascade(*graph_, params, seeds_);
    ASSERT_TRUE(model.ok());
    const auto cascade = MeanVar(kReps, [&](int r) {
      return RunIcReplicate(*model, 17, static_cast<std::uint64_t>(r), ws);
    });
    const std::vector<double> p = IcArcProbabilities(*graph_, params);
    const auto live = MeanVar(kReps, [&](int r) {
      PhiloxStream rng(17, static_cast<std::uint64_t>(r), kPurposeTieBreak);
      return LiveEdgeIcReach(*graph_, p, seeds_, rng, ws);
    });
    ExpectSameMean(cascade, live, kReps);
  }
}

TEST_F(SampleDistrictTest, LinearThresholdAgreesWithItsLiveEdgeForm) {
  constexpr int kReps = 3000;
  for (bool weighted : {false, true}) {
    absl::StatusOr<LtModel> model = PrepareLinearThreshold(
        *graph_, LtParams{.use_tie_weights = weighted}, seeds_);
    ASSERT_TRUE(model.ok());
    LtWorkspace ws(graph_->num_vertices());
    const auto cascade = MeanVar(kReps, [&](int r) {
      return RunLtReplicate(*model, 23, static_cast<std::uint64_t>(r), ws);
    });
    const auto live = MeanVar(kReps, [&](int r) {
      PhiloxStream rng(23, static_cast<std::uint64_t>(r), kPurposeTieBreak);
      return LiveEdgeLtReach(*graph_, model->arc_weight, seeds_, rng, ws.plain);
    });
    ExpectSameMean(cascade, live, kReps);
  }
}

TEST_F(SampleDistrictTest, MultiChannelCascadeReducesToThePlainCascade) {
  // With one probability on every channel, unit delays, certain adoption,
  // no credibility boost and no horizon, the multi-channel cascade is the
  // independent cascade with p * weight: two implementations, one law.
  constexpr int kReps = 3000;
  Scenario s = testing::SimpleScenario({}, 0.04, kReps, 31);
  for (VertexId v : seeds_) s.add_leaders(graph_->teacher_id(v));
  absl::StatusOr<RunResult> multi = RunScenario(*graph_, s);
  ASSERT_TRUE(multi.ok()) << multi.status();
  s.set_model(INDEPENDENT_CASCADE);
  s.set_probability(0.04);
  s.set_use_tie_weights(true);
  s.set_seed(32);
  absl::StatusOr<RunResult> plain = RunScenario(*graph_, s);
  ASSERT_TRUE(plain.ok()) << plain.status();
  auto mv = [](const Estimate& e) {
    return std::make_pair(e.mean(), e.sd() * e.sd());
  };
  ExpectSameMean(mv(multi->reached()), mv(plain->reached()), kReps);
}

TEST_F(SampleDistrictTest, PlainRunsAreTheSameOnAnyNumberOfThreads) {
  Scenario s = testing::SimpleScenario({}, 0.05, 700, 41);
  for (VertexId v : seeds_) s.add_leaders(graph_->teacher_id(v));
  for (Model model : {INDEPENDENT_CASCADE, WEIGHTED_CASCADE, LINEAR_THRESHOLD,
                      COMPLEX_CONTAGION}) {
    s.set_model(model);
    s.set_probability(model == COMPLEX_CONTAGION ? 0.5 : 0.05);
    s.set_contagion_threshold(2);
    std::string first;
    for (int threads : {1, 2, 8}) {
      RunOptions options;
      options.threads = threads;
      options.per_teacher = true;
      absl::StatusOr<RunResult> r = RunScenario(*graph_, s, options);
      ASSERT_TRUE(r.ok()) << r.status();
      r->mutable_details()->clear_threads();
      r->mutable_details()->clear_wall_seconds();
      r->mutable_details()->clear_prepare_seconds();
      r->mutable_details()->clear_simulate_seconds();
      if (first.empty()) {
        first = r->SerializeAsString();
      } else {
        EXPECT_EQ(first, r->SerializeAsString()) << Model_Name(model);
      }
    }
  }
}

TEST_F(SampleDistrictTest, PerTeacherProbabilitiesAddUpToTheMeanReach) {
  Scenario s = testing::SimpleScenario({}, 0.05, 500, 43);
  for (VertexId v : seeds_) s.add_leaders(graph_->teacher_id(v));
  for (Model model : {MULTI_CHANNEL_CASCADE, INDEPENDENT_CASCADE}) {
    s.set_model(model);
    s.set_probability(0.05);
    RunOptions options;
    options.per_teacher = true;
    absl::StatusOr<RunResult> r = RunScenario(*graph_, s, options);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->teachers_size(), 1400 - 4);
    double reached = 0, adopting = 0;
    for (const TeacherReach& t : r->teachers()) {
      reached += t.reached_probability();
      adopting += t.adopting_probability();
    }
    EXPECT_NEAR(reached, r->reached().mean(), 1e-9 * reached + 1e-12);
    EXPECT_NEAR(adopting, r->adopting().mean(), 1e-9 * adopting + 1e-12);
  }
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
