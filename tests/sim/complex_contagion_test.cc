// Complex contagion against Centola and Macy's result and closed forms.
#include "sim/complex_contagion.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "sim/independent_cascade.h"
#include "sim/moments.h"
#include "sim/runner.h"
#include "tests/sim/sim_test_support.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::FreezeOrFail;
using testing::MakeDistrict;
using testing::TieSpec;

constexpr double kZ = 4.5;  // false failure about 7e-6 per check

// A ring lattice of n teachers, each tied to the `half` nearest on each side.
District RingLattice(int n, int half) {
  std::vector<TieSpec> ties;
  for (int v = 0; v < n; ++v) {
    for (int d = 1; d <= half; ++d)
      ties.push_back({v, (v + d) % n, PLC, false});
  }
  return MakeDistrict(n, ties);
}

// A random graph with every degree 2 * half (a configuration model; the rare
// self-loops and parallel ties it makes change degrees by a little).
District RandomRegular(int n, int half, std::uint64_t seed) {
  std::vector<int> stubs;
  for (int v = 0; v < n; ++v) {
    for (int i = 0; i < 2 * half; ++i) stubs.push_back(v);
  }
  PhiloxStream rng(seed, 0, kPurposeTieBreak);
  for (std::size_t i = stubs.size() - 1; i > 0; --i) {
    std::swap(stubs[i],
              stubs[rng.NextBelow(static_cast<std::uint32_t>(i + 1))]);
  }
  std::vector<TieSpec> ties;
  for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) {
    ties.push_back({stubs[i], stubs[i + 1], PLC, false});
  }
  return MakeDistrict(n, ties);
}

// A complex-contagion scenario: exposures land with p; k colleagues needed
// (or, with k = 0, the share phi of a teacher's in-ties).
Scenario Contagion(const std::vector<VertexId>& seeds, double p, int k,
                   double phi = 0, int replicates = 1) {
  Scenario s;
  for (VertexId v : seeds) s.add_leaders(absl::StrCat("t", v));
  s.set_replicates(replicates);
  s.set_seed(1);
  ComplexContagionParams& cc = *s.mutable_complex_contagion();
  cc.set_probability(p);
  if (k > 0) {
    cc.set_threshold(k);
  } else {
    cc.set_fraction(phi);
  }
  return s;
}

// Teachers reached in replicate r.
std::int64_t Reach(const DistrictGraph& g, const Scenario& s,
                   std::uint32_t r = 0) {
  absl::StatusOr<ComplexContagion> m = ComplexContagion::Prepare(g, s);
  EXPECT_TRUE(m.ok()) << m.status();
  ComplexContagion::Workspace ws(*m);
  ReplicateCounts counts;
  m->Run(r, ws, counts);
  return static_cast<std::int64_t>(counts.reached().size());
}

TEST(ComplexContagion, SpreadsAroundARingLatticeButNotARandomGraph) {
  // Centola and Macy (2007): with a threshold of two, a pair of adjacent
  // seeds spreads around a ring lattice (z = 4), because neighbours share
  // neighbours; on a random graph of the same degree the long ties reach
  // teachers who never see a second exposure, and the spread stalls.
  constexpr int kN = 1000;
  EXPECT_EQ(Reach(FreezeOrFail(RingLattice(kN, 2)), Contagion({0, 1}, 1, 2)),
            kN - 2);
  for (std::uint64_t seed : {1, 2, 3}) {
    const DistrictGraph random = FreezeOrFail(RandomRegular(kN, 2, seed));
    // The seeds are two tied teachers, as on the lattice.
    const VertexId a = 0;
    const VertexId b = random.arc_target(random.arc_begin(a));
    EXPECT_LT(Reach(random, Contagion({a, b}, 1, 2)), kN / 20) << seed;
  }
  // A simple contagion (threshold one) crosses both.
  EXPECT_EQ(Reach(FreezeOrFail(RingLattice(kN, 2)), Contagion({0}, 1, 1)),
            kN - 1);
}

TEST(ComplexContagion, FanInNeedsTwoLandedExposures) {
  // m seeds all tie to t; each exposure lands with p; t adopts with
  // P(Binomial(m, p) >= 2) = 1 - (1-p)^m - m p (1-p)^(m-1).
  constexpr int kM = 4;
  constexpr double kP = 0.4;
  constexpr int kReps = 30000;
  std::vector<TieSpec> ties;
  std::vector<VertexId> seeds;
  for (int s = 0; s < kM; ++s) {
    ties.push_back({s, kM});
    seeds.push_back(static_cast<VertexId>(s));
  }
  const DistrictGraph g = FreezeOrFail(MakeDistrict(kM + 1, ties));
  absl::StatusOr<RunResult> r =
      RunScenario(g, Contagion(seeds, kP, 2, 0, kReps));
  ASSERT_TRUE(r.ok()) << r.status();
  const double q =
      1 - std::pow(1 - kP, kM) - kM * kP * std::pow(1 - kP, kM - 1);
  EXPECT_NEAR(r->reached().mean(), q, kZ * std::sqrt(q * (1 - q) / kReps));
}

TEST(ComplexContagion, FractionThresholdsFollowInDegree) {
  // t has in-degree 4; with phi = 0.5 it needs 2 of its 4 colleagues.
  const DistrictGraph g =
      FreezeOrFail(MakeDistrict(5, {{0, 4}, {1, 4}, {2, 4}, {3, 4}}));
  EXPECT_EQ(Reach(g, Contagion({0}, 1, 0, 0.5)), 0);
  EXPECT_EQ(Reach(g, Contagion({0, 1}, 1, 0, 0.5)), 1);
}

TEST(ComplexContagion, WithThresholdOneItIsTheIndependentCascade) {
  // Replicate by replicate: an exposure is the cascade's contact over the
  // same tie, the same coupled draw.
  District d = RandomRegular(400, 3, 9);
  const DistrictGraph g = FreezeOrFail(d);
  Scenario cc = Contagion({0, 1, 2}, 0.3, 1, 0, 200);
  Scenario ic = cc;
  ic.mutable_independent_cascade()->set_probability(0.3);
  absl::StatusOr<ComplexContagion> contagion = ComplexContagion::Prepare(g, cc);
  absl::StatusOr<IndependentCascade> cascade =
      IndependentCascade::Prepare(g, ic, DrawMode::kCoupled);
  ASSERT_TRUE(contagion.ok() && cascade.ok());
  ComplexContagion::Workspace cw(*contagion);
  IndependentCascade::Workspace iw(*cascade);
  ReplicateCounts a, b;
  for (std::uint32_t r = 0; r < 200; ++r) {
    a.Reset();
    b.Reset();
    contagion->Run(r, cw, a);
    cascade->Run(r, iw, b);
    ASSERT_EQ(a.reached().size(), b.reached().size()) << r;
    for (std::size_t i = 0; i < a.reached().size(); ++i) {
      EXPECT_EQ(a.reached()[i].teacher, b.reached()[i].teacher);
    }
  }
}

TEST(ComplexContagion, RejectsBadParameters) {
  const DistrictGraph g = FreezeOrFail(testing::Star(3));
  EXPECT_FALSE(RunScenario(g, Contagion({0}, 2, 1)).ok());
  EXPECT_FALSE(RunScenario(g, Contagion({0}, 1, 0, 0)).ok());
  Scenario no_rule = Contagion({0}, 1, 1);
  no_rule.mutable_complex_contagion()->clear_rule();
  const absl::Status s = RunScenario(g, no_rule).status();
  EXPECT_NE(s.message().find("set threshold"), std::string::npos) << s;
}

}  // namespace
}  // namespace collabnet
