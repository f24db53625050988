// Scenarios compared side by side on coupled draws: every scenario runs the
// same seed and replicates, each draw keyed by what it is about
// (sim/coupled_draws.h), so replicate i is one world that every scenario
// sees, and a scenario's difference from the first is paired replicate by
// replicate: its interval is that of the mean difference, far narrower
// than the two intervals side by side.
//
//   absl::StatusOr<ComparisonResult> c = CompareScenarios(graph, {
//       {"co-teachers", a}, {"one per school", b}}, {.threads = 2});
#ifndef COLLABNET_SIM_COMPARISON_H_
#define COLLABNET_SIM_COMPARISON_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"
#include "sim/runner.h"

namespace collabnet {

struct NamedScenario {
  std::string name;
  Scenario scenario;
};

// Runs every scenario on `graph` with the first's seed and replicates
// (options.draws is ignored: the draws are coupled). InvalidArgument for
// no scenarios or one that ValidateScenario refuses, naming it.
absl::StatusOr<ComparisonResult> CompareScenarios(
    const DistrictGraph& graph, const std::vector<NamedScenario>& scenarios,
    const RunOptions& options = {});

}  // namespace collabnet

#endif  // COLLABNET_SIM_COMPARISON_H_
