// The independent cascade on Erdős–Rényi graphs against the SIR final-size
// equation. With transmissibility p on a graph of mean degree c (Poisson
// degrees), a large outbreak infects a fraction z solving
//   z = 1 - exp(-p c z)
// (Kermack-McKendrick; Newman, "Spread of epidemic disease on networks",
// Phys. Rev. E 66, 2002), and a single random seed starts one with
// probability z as well.
//
// Each sample is one cascade on its own freshly drawn graph, so samples are
// independent and their spread
// includes graph-to-graph variation; the check allows 4.5
// standard errors of that spread (false failure about 7e-6) plus the
// O(1/n) finite-size bias of the equation.
#include <cmath>

#include "gtest/gtest.h"
#include "random/philox_stream.h"
#include "sim/independent_cascade.h"
#include "sim/moments.h"
#include "tests/testing/districts.h"

namespace collabnet {
namespace {

// G(n, m) with m = c n / 2 ties drawn uniformly (self-loops are dropped by
// freezing, parallel ties are rare and kept); degrees tend to Poisson(c).
DistrictGraph ErdosRenyi(int n, double c, std::uint64_t seed) {
  DistrictGraphBuilder b;
  const std::uint32_t school = b.AddSchool("s", "", 0);
  for (int v = 0; v < n; ++v) {
    b.AddTeacher(std::to_string(v), school, TEACHER).IgnoreError();
  }
  PhiloxStream rng(seed, 0, kPurposeTieBreak);
  const auto m = static_cast<std::int64_t>(c * n / 2);
  b.ReserveTies(static_cast<std::size_t>(m));
  for (std::int64_t e = 0; e < m; ++e) {
    b.AddTie(rng.NextBelow(static_cast<std::uint32_t>(n)),
             rng.NextBelow(static_cast<std::uint32_t>(n)), PLC, false, 1.0f);
  }
  return *std::move(b).Freeze();
}

TEST(SirFinalSize, LargeOutbreaksMatchTheFinalSizeEquation) {
  constexpr int kN = 10000;
  constexpr double kC = 5;
  constexpr double kP = 0.5;  // R0 = p c = 2.5
  // One cascade per graph keeps the samples independent.
  constexpr int kGraphs = 300;
  double z = 0.5;
  for (int i = 0; i < 200; ++i) z = 1 - std::exp(-kP * kC * z);

  Moments large;           // fraction infected, large outbreaks only
  std::int64_t count = 0;  // how many outbreaks were large
  for (int graph = 0; graph < kGraphs; ++graph) {
    const DistrictGraph g = ErdosRenyi(kN, kC, 1000 + graph);
    PhiloxStream pick(graph, 0, kPurposeTieBreak);
    Scenario s;
    s.add_leaders(std::to_string(pick.NextBelow(kN)));
    s.set_replicates(1);
    s.set_seed(5);
    s.mutable_independent_cascade()->set_probability(kP);
    // Both draw modes, on alternate graphs.
    absl::StatusOr<IndependentCascade> model = IndependentCascade::Prepare(
        g, s, graph % 2 == 0 ? DrawMode::kCoupled : DrawMode::kStream);
    ASSERT_TRUE(model.ok()) << model.status();
    IndependentCascade::Workspace ws(*model);
    ReplicateCounts counts;
    model->Run(static_cast<std::uint32_t>(graph), ws, counts);
    const auto reached = 1 + static_cast<std::int64_t>(counts.reached().size());
    if (reached > kN / 10) {  // small outbreaks stay O(1); large are O(n)
      // Fractions in parts per million, as integers for exact sums.
      large.Add(reached * 1000000 / kN);
      ++count;
    }
  }
  const std::int64_t samples = kGraphs;
  // The share of large outbreaks is Binomial(samples, z).
  EXPECT_NEAR(static_cast<double>(count) / samples, z,
              4.5 * std::sqrt(z * (1 - z) / samples));
  const Estimate e = MakeEstimate(large, count);
  const double se = e.sd() / std::sqrt(static_cast<double>(count)) / 1e6;
  EXPECT_NEAR(e.mean() / 1e6, z, 4.5 * se + 1.0 / kN)
      << "z = " << z << ", se = " << se;
}

}  // namespace
}  // namespace collabnet
