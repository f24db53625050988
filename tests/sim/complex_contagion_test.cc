// Complex contagion against Centola and Macy's result and closed forms.
#include "sim/complex_contagion.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "sim/moments.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

using testing::MakeDistrict;
using testing::TieSpec;

constexpr double kZ = 4.5;  // false failure about 7e-6 per check

DistrictGraph Freeze(const District& d) {
  absl::StatusOr<DistrictGraph> g = FreezeDistrict(d);
  EXPECT_TRUE(g.ok()) << g.status();
  return *std::move(g);
}

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

std::int64_t Reach(const DistrictGraph& g, const ContagionParams& params,
                   const std::vector<VertexId>& seeds, std::uint64_t r = 0) {
  absl::StatusOr<ContagionModel> m = PrepareComplexContagion(g, params, seeds);
  EXPECT_TRUE(m.ok()) << m.status();
  ContagionWorkspace ws(g.num_vertices());
  return RunContagionReplicate(*m, 1, r, ws);
}

TEST(ComplexContagion, SpreadsAroundARingLatticeButNotARandomGraph) {
  // Centola and Macy (2007): with a threshold of two, a pair of adjacent
  // seeds spreads around a ring lattice (z = 4), because neighbours share
  // neighbours; on a random graph of the same degree the long ties reach
  // teachers who never see a second exposure, and the spread stalls.
  constexpr int kN = 1000;
  const ContagionParams two{.probability = 1, .threshold = 2, .fraction = 0};
  EXPECT_EQ(Reach(Freeze(RingLattice(kN, 2)), two, {0, 1}), kN - 2);
  for (std::uint64_t seed : {1, 2, 3}) {
    const DistrictGraph random = Freeze(RandomRegular(kN, 2, seed));
    // The seeds are two tied teachers, as on the lattice.
    const VertexId a = 0;
    const VertexId b = random.arc_target(random.arc_begin(a));
    EXPECT_LT(Reach(random, two, {a, b}), kN / 20) << seed;
  }
  // A simple contagion (threshold one) crosses both.
  const ContagionParams one{.probability = 1, .threshold = 1, .fraction = 0};
  EXPECT_EQ(Reach(Freeze(RingLattice(kN, 2)), one, {0}), kN - 1);
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
  const DistrictGraph g = Freeze(MakeDistrict(kM + 1, ties));
  absl::StatusOr<ContagionModel> m = PrepareComplexContagion(
      g, {.probability = kP, .threshold = 2, .fraction = 0}, seeds);
  ASSERT_TRUE(m.ok());
  ContagionWorkspace ws(g.num_vertices());
  Moments moments;
  for (int r = 0; r < kReps; ++r) {
    moments.Add(
        RunContagionReplicate(*m, 7, static_cast<std::uint64_t>(r), ws));
  }
  const double q =
      1 - std::pow(1 - kP, kM) - kM * kP * std::pow(1 - kP, kM - 1);
  EXPECT_NEAR(MakeEstimate(moments, kReps).mean(), q,
              kZ * std::sqrt(q * (1 - q) / kReps));
}

TEST(ComplexContagion, FractionThresholdsFollowInDegree) {
  // t has in-degree 4; with phi = 0.5 it needs 2 of its 4 colleagues.
  const DistrictGraph g =
      Freeze(MakeDistrict(5, {{0, 4}, {1, 4}, {2, 4}, {3, 4}}));
  const ContagionParams half{.probability = 1, .threshold = 0, .fraction = 0.5};
  EXPECT_EQ(Reach(g, half, {0}), 0);
  EXPECT_EQ(Reach(g, half, {0, 1}), 1);
}

TEST(ComplexContagion, RejectsBadParameters) {
  const DistrictGraph g = Freeze(testing::Star(3));
  EXPECT_FALSE(PrepareComplexContagion(g, {.probability = 2}, {0}).ok());
  EXPECT_FALSE(
      PrepareComplexContagion(g, {.probability = 1, .threshold = -1}, {0})
          .ok());
  EXPECT_FALSE(PrepareComplexContagion(
                   g, {.probability = 1, .threshold = 0, .fraction = 0}, {0})
                   .ok());
}

}  // namespace
}  // namespace collabnet
