// Monte Carlo runs of a scenario: many replicates on all cores, reduced to
// means with 95% confidence intervals, attributed to channels, hops, schools
// and weeks.
//
//   absl::StatusOr<RunResult> r = RunScenario(graph, scenario, {.threads = 8});
//
// Replicate i uses the random stream (scenario.seed, i) alone and results are
// reduced from exact integer sums, so the result is the same on any number
// of threads (RunDetails.threads and wall_seconds aside).
#ifndef COLLABNET_SIM_MONTE_CARLO_H_
#define COLLABNET_SIM_MONTE_CARLO_H_

#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"

namespace collabnet {

struct RunOptions {
  int threads = 0;  // 0: every core
  // Fill RunResult.teachers with each teacher's probability of being reached
  // and of adopting.
  bool per_teacher = false;
  // Called now and then from one worker thread with replicates done so far;
  // must be cheap and thread-safe.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// Runs scenario.replicates() replicates (at least 1) of scenario.model().
// InvalidArgument for a scenario that does not fit the graph (see
// PrepareCascade; for the plain models, an unknown leader or a probability
// outside [0, 1]) or a replicate count below 1.
absl::StatusOr<RunResult> RunScenario(const DistrictGraph& graph,
                                      const Scenario& scenario,
                                      const RunOptions& options = {});

// Runs until the 95% interval of teachers reached is at most
// `target_half_width` wide on each side: first scenario.replicates()
// replicates (at least 1), then twice as many, and so on up to
// `max_replicates`. Replicate i keeps its stream (seed, i), so the result is
// exactly the run with the final count, and the stopping point is the same
// on any number of threads. RunDetails records the target and whether it
// was met. InvalidArgument for a target that is not positive or a cap below
// the starting count.
absl::StatusOr<RunResult> RunToPrecision(const DistrictGraph& graph,
                                         const Scenario& scenario,
                                         double target_half_width,
                                         std::int64_t max_replicates,
                                         const RunOptions& options = {});

}  // namespace collabnet

#endif  // COLLABNET_SIM_MONTE_CARLO_H_
