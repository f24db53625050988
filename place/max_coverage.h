// Greedy maximum coverage of reverse samples under a district's
// constraints (place/constraints.h), with an upper bound on the best
// feasible set's coverage, for OPIM-C's stopping rule (place/opim.h).
//
// Each step takes the feasible teacher covering the most samples not yet
// covered (with costs: the most per unit of cost, Khuller, Moss and Naor
// 1999, then the better of that set and the best single leader). Ties go
// to the lower vertex id, so the choice is a function of the samples.
// Guarantees on the samples' coverage: 1 - 1/e with a count alone or
// eligibility (Nemhauser, Wolsey and Fisher 1978), 1/2 with at most M per
// school (greedy on a matroid: Fisher, Nemhauser and Wolsey 1978), and
// (1 - 1/e)/2 with costs. For costs and a per-school limit together no
// bound is proven: the certified ratio is what holds.
//
// The upper bound: for any feasible T and any step's set S_i,
// cov(T) <= cov(S_i) + the sum over T of each teacher's marginal gain over
// S_i, and the largest such sum over feasible T is found exactly for a
// count and per-school limit (greedy is optimal for a linear objective on
// a matroid) and bounded by the fractional knapsack with costs. The least
// over all steps is the bound (Tang et al., SIGMOD 2018, section 4.2).
#ifndef COLLABNET_PLACE_MAX_COVERAGE_H_
#define COLLABNET_PLACE_MAX_COVERAGE_H_

#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "place/constraints.h"
#include "place/reverse_samples.h"

namespace collabnet {

struct CoverageChoice {
  std::vector<VertexId> chosen;  // new leaders, in the order picked
  // Samples covered by the leaders in place and the chosen (counting
  // those covered anyway).
  std::uint64_t covered = 0;
  // At least the coverage of every feasible set (leaders in place
  // included).
  double upper_bound = 0;
};

// The constraints must pass CheckConstraints. `threads` (0: every core)
// index the samples; the choice is the same on any number.
CoverageChoice GreedyCoverage(const DistrictGraph& graph,
                              const ReverseSamples& samples,
                              const PlacementConstraints& constraints,
                              int threads = 0);

// The greedy's proven ratio on the samples under `constraints` (0 when
// none is proven), and the same in words.
double GreedyRatio(const PlacementConstraints& constraints);
const char* GreedyRatioText(const PlacementConstraints& constraints);

// For leaders in place `existing` and new leaders `chosen` (in order): the
// samples the existing cover, then each new leader's gain over those before.
std::vector<std::uint64_t> MarginalCoverage(
    const ReverseSamples& samples, VertexId n,
    const std::vector<VertexId>& existing, const std::vector<VertexId>& chosen);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_MAX_COVERAGE_H_
