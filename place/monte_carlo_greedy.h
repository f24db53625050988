// Lazy greedy placement over coupled Monte Carlo runs (CELF: Leskovec et
// al., "Cost-effective outbreak detection in networks", KDD 2007), for
// models whose reach is not a coverage function. Every evaluation runs the
// same replicates (coupled draws, sim/coupled_draws.h), so two candidates
// are compared on the same worlds and their difference is not noise.
// A candidate's gain from an earlier step is kept as a bound and
// re-evaluated only when it comes out on top: exact for submodular reach,
// a heuristic here (reach is not submodular), as the output says. Its
// runs use a seed drawn from the scenario's (kPurposeGreedyRuns), so the
// scenario's own replicates judge the chosen set independently.
#ifndef COLLABNET_PLACE_MONTE_CARLO_GREEDY_H_
#define COLLABNET_PLACE_MONTE_CARLO_GREEDY_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "place/constraints.h"
#include "place/reverse_sampler.h"
#include "proto/scenario.pb.h"

namespace collabnet {

struct MonteCarloGreedyResult {
  std::vector<VertexId> chosen;
  std::vector<double> gains;  // expected teachers each adds, when added
  int replicates = 0;         // per evaluation
  std::int64_t evaluations = 0;
};

// `replicates` 0: chosen so that the 95% interval of the pilot set's reach
// is within 1% of its mean (or half a teacher), from 100 to 5,000.
absl::StatusOr<MonteCarloGreedyResult> PlaceByMonteCarloGreedy(
    const DistrictGraph& graph, const Scenario& scenario,
    const PlacementConstraints& constraints, PlacementObjective objective,
    PlacementTargets targets, int replicates, int threads,
    const std::function<void(std::int64_t, std::int64_t)>& progress);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_MONTE_CARLO_GREEDY_H_
