// Fitting channel probabilities to a district's observed direct reach.
//
// The observed figure says how many teachers the leaders reached first-hand
// through each category of channels (e.g. 311 via PD). Direct reach through
// a category rises with its channels' probabilities and is concave in them,
// so the multiplicative fixed point
//   p_c <- p_c * observed_k / simulated_k   for every channel c in category k
// approaches the target monotonically. Every iteration reuses the scenario's
// seed with coupled draws (common random numbers), so the simulated figure
// is a deterministic function of the probabilities, rising with them, and
// the iteration cannot chase noise.
//
// Only the observed categories' channels change; the ratio between leader
// and peer probabilities (leader_credibility) and every other parameter stay
// as given: direct reach identifies the leaders' effective probabilities,
// not peer-to-peer ones.
#ifndef COLLABNET_SIM_DIRECT_REACH_FIT_H_
#define COLLABNET_SIM_DIRECT_REACH_FIT_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/runner.h"

namespace collabnet {

struct FitOptions {
  int max_iterations = 30;
  double relative_tolerance = 0.002;  // stop when every category is this close
  RunOptions run;
  // Called after each iteration with its number and the simulated means.
  std::function<void(int iteration, const std::vector<double>& simulated)>
      on_iteration;
};

struct FitResult {
  Scenario scenario;  // the input with fitted channel probabilities
  int iterations = 0;
  bool converged = false;
  std::vector<double> simulated;  // per observed category, at the fit
};

// InvalidArgument when the scenario has no observed categories, a category
// has a positive target but no channel with a positive probability, or a
// target cannot be reached with probabilities capped at 1 (the message names
// the category). The scenario must also run (see RunScenario).
absl::StatusOr<FitResult> FitDirectReach(const DistrictGraph& graph,
                                         const Scenario& scenario,
                                         const FitOptions& options = {});

}  // namespace collabnet

#endif  // COLLABNET_SIM_DIRECT_REACH_FIT_H_
