// Monte Carlo runs of the plain models (INDEPENDENT_CASCADE,
// WEIGHTED_CASCADE, LINEAR_THRESHOLD, COMPLEX_CONTAGION) on any graph, district
// or not. Every activated teacher counts as reached and adopting; the
// scenario's leaders are the seeds. Same reproducibility as RunScenario:
// replicate i depends only on (seed, i), and sums are exact integers.
#ifndef COLLABNET_SIM_PLAIN_MONTE_CARLO_H_
#define COLLABNET_SIM_PLAIN_MONTE_CARLO_H_

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"
#include "sim/monte_carlo.h"

namespace collabnet {

// InvalidArgument for fewer than 1 replicate, an unknown or repeated leader,
// a probability outside [0, 1], or the multi-channel model (use RunScenario).
absl::StatusOr<RunResult> RunPlainScenario(const DistrictGraph& graph,
                                           const Scenario& scenario,
                                           const RunOptions& options);

}  // namespace collabnet

#endif  // COLLABNET_SIM_PLAIN_MONTE_CARLO_H_
