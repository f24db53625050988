// The Monte Carlo runner: one for every model (sim/model.h). It runs a
// scenario's replicates on all cores and reduces them to means with 95%
// confidence intervals and quantiles, attributed to channels, hops,
// schools and weeks (or rounds), with per-teacher probabilities and each
// leader's own reach on request.
//
//   absl::StatusOr<RunResult> r = RunScenario(graph, scenario, {.threads = 8});
//
// Replicate i's draws are keyed by (seed, i) alone (sim/coupled_draws.h) and
// every sum is an exact integer, so the result is the same on any number of
// threads (RunDetails.threads and the times aside).
#ifndef COLLABNET_SIM_RUNNER_H_
#define COLLABNET_SIM_RUNNER_H_

#include <cstdint>
#include <functional>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"
#include "sim/complex_contagion.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/live_edge.h"
#include "sim/model.h"
#include "sim/multi_channel_cascade.h"
#include "sim/replicate_counts.h"

namespace collabnet {

struct RunOptions {
  int threads = 0;  // 0: every core
  // Coupled draws by default; DrawMode::kStream for single runs that
  // compare with nothing (sim/model.h).
  DrawMode draws = DrawMode::kCoupled;
  // Fill RunResult.teachers with each teacher's probability of being
  // reached and of adopting.
  bool per_teacher = false;
  // Fill RunResult.leader_reach with each leader's own reach, by channel.
  bool per_leader = false;
  // Fill RunResult.transmissions with the transmission trees of these
  // replicates (any order; those not run are left out).
  std::vector<std::uint32_t> tree_replicates = {};
  // Called now and then from one worker thread with replicates done so far
  // and the current target; must be cheap and thread-safe.
  std::function<void(std::int64_t done, std::int64_t total)> progress = nullptr;
  // Called with every replicate's counts, from the thread that ran it, in
  // no particular order: for per-replicate outputs (paired comparisons).
  // Must be thread-safe.
  std::function<void(std::uint32_t replicate, const ReplicateCounts&)>
      on_replicate = nullptr;
  // A run (or sweep) that would hold more than this many bytes is refused
  // before it allocates (sim/run_memory.h); 0: no limit.
  std::int64_t max_memory_bytes = 0;
};

// Precision stopping: replicates double from the scenario's count until the
// 95% interval of teachers reached is at most `half_width` on each side, or
// `max_replicates` have run. Each step runs only the new replicates (the
// earlier ones keep their draws), so the result is exactly the run with
// the final count.
struct Precision {
  double half_width = 0;
  std::int64_t max_replicates = 0;
};

// The models a scenario can name, prepared.
using PreparedModel = std::variant<MultiChannelCascade, IndependentCascade,
                                   LinearThreshold, ComplexContagion>;

// Validates the scenario (ValidateScenario) and prepares its model.
absl::StatusOr<PreparedModel> PrepareModel(const DistrictGraph& graph,
                                           const Scenario& scenario,
                                           DrawMode draws = DrawMode::kCoupled);

// Runs scenario.replicates() replicates of the scenario's model.
// InvalidArgument as ValidateScenario says.
absl::StatusOr<RunResult> RunScenario(const DistrictGraph& graph,
                                      const Scenario& scenario,
                                      const RunOptions& options = {});

// Runs to a precision (see Precision). RunDetails records the target and
// whether it was met. InvalidArgument for a target that is not positive or
// a cap below the starting count or above 2^31 - 1.
absl::StatusOr<RunResult> RunToPrecision(const DistrictGraph& graph,
                                         const Scenario& scenario,
                                         double target_half_width,
                                         std::int64_t max_replicates,
                                         const RunOptions& options = {});

// Runs a model the caller prepared from `scenario` (a reference model, a
// benchmark's): the same runner RunScenario uses. `precision` may be null.
template <DiffusionModel M>
RunResult RunModel(const DistrictGraph& graph, const Scenario& scenario,
                   const M& model, const RunOptions& options = {},
                   const Precision* precision = nullptr);

extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const MultiChannelCascade&,
                                   const RunOptions&, const Precision*);
extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const IndependentCascade&, const RunOptions&,
                                   const Precision*);
extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const LinearThreshold&, const RunOptions&,
                                   const Precision*);
extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const ComplexContagion&, const RunOptions&,
                                   const Precision*);
extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const LiveEdgeIc&, const RunOptions&,
                                   const Precision*);
extern template RunResult RunModel(const DistrictGraph&, const Scenario&,
                                   const LiveEdgeLt&, const RunOptions&,
                                   const Precision*);

}  // namespace collabnet

#endif  // COLLABNET_SIM_RUNNER_H_
