// What simulate and sweep share: the flags that say where the scenario and
// the network come from and which scenario fields they replace, and turning
// them into a scenario and a frozen graph.
#ifndef COLLABNET_CLI_RUN_SETUP_H_
#define COLLABNET_CLI_RUN_SETUP_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet::cli {

// Adds --scenario, --district, --graph, --nodes, --directed, --model, --p,
// --k, --fraction, --use-weights, --leaders, --seeds, --replicates, --seed,
// --lapse, --horizon and --threads.
void AddRunFlags(boost::program_options::options_description& options);

struct RunSetup {
  Scenario scenario;
  DistrictGraph graph;
};

// Loads the scenario and graph the flags name and applies the overrides.
// On failure prints why and returns the exit code (kExitUsage for flags that
// do not fit together, kExitFailure for bad input).
std::optional<int> PrepareRun(
    const std::string& command,
    const boost::program_options::variables_map& flags, RunSetup& setup);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_RUN_SETUP_H_
