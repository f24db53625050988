// Leader placement: N new leaders for a scenario's model under a
// district's constraints, by any strategy, with what each guarantees.
//
//   PlacementRequest request{.strategy = PlacementStrategy::kReverseSamples};
//   request.constraints.budget = 36;
//   absl::StatusOr<Placement> p = PlaceLeaders(graph, scenario, request);
//
// Strategies:
//   reverse samples   OPIM-C (place/opim.h) on the model's reverse samples
//                     (place/reverse_sampler.h): the greedy's proven ratio
//                     under the constraints, minus epsilon, with
//                     probability at least 1 - 1/n; for models whose reach
//                     is a coverage function;
//   greedy            lazy greedy (CELF, Leskovec et al. KDD 2007) over
//                     coupled Monte Carlo runs, for models whose reach is
//                     not (leader capacity, lapse with a calendar, complex
//                     contagion, given thresholds): not submodular, so a
//                     heuristic with no guarantee;
//   the baselines of place/baselines.h, heuristics with no guarantee.
// kAuto is reverse samples where they apply, greedy elsewhere.
#ifndef COLLABNET_PLACE_PLACEMENT_H_
#define COLLABNET_PLACE_PLACEMENT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "place/constraints.h"
#include "place/opim.h"
#include "place/reverse_sampler.h"
#include "proto/scenario.pb.h"

namespace collabnet {

enum class PlacementStrategy {
  kAuto,
  kReverseSamples,
  kGreedy,
  kDegree,
  kPageRank,
  kDegreeDiscount,
  kRandomPerSchool,
};

// The names the command line and results use: auto, reverse-samples,
// greedy, degree, pagerank, degree-discount, random-per-school.
absl::string_view StrategyName(PlacementStrategy s);
absl::StatusOr<PlacementStrategy> ParseStrategy(absl::string_view name);
// Every name, comma-separated, for help and errors.
std::string StrategyNames();

struct PlacementRequest {
  PlacementStrategy strategy = PlacementStrategy::kAuto;
  PlacementObjective objective = PlacementObjective::kReached;
  PlacementTargets targets = PlacementTargets::kAll;
  // Maximise the school-equity index of the objective's shares
  // (place/school_equity.h) rather than its count: by reverse samples
  // only, with every teacher a target, the guarantee empirical.
  bool school_equity = false;
  PlacementConstraints constraints;
  double epsilon = 0.1;
  // Reverse samples: OpimOptions::min_members.
  std::uint64_t min_sample_members = OpimOptions().min_members;
  int threads = 0;  // 0: every core
  // Greedy: Monte Carlo replicates per evaluation; 0 chooses them from the
  // standard error of the leaders in place's reach.
  int replicates = 0;
  // Called now and then with work done and the work planned.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

struct Placement {
  PlacementStrategy strategy = PlacementStrategy::kAuto;  // as run
  std::vector<VertexId> chosen;  // new leaders, in the order picked
  // Each new leader's expected gain in the objective over those before
  // them (teachers), where the strategy estimates it; empty otherwise.
  std::vector<double> gains;
  // What holds of the chosen set, in words, for the output and --help.
  std::string guarantee;
  // Reverse samples: OPIM-C's bounds and sample sizes.
  bool has_opim = false;
  OpimResult opim;
  // Greedy: the replicates each evaluation ran.
  int replicates = 0;
};

// InvalidArgument for constraints no set meets (CheckConstraints) or a
// strategy the scenario's model cannot take (reverse samples on a model
// whose reach is not a coverage function, saying why; the equity index
// by greedy over Monte Carlo, with Title I targets, or on fewer than two
// schools).
absl::StatusOr<Placement> PlaceLeaders(const DistrictGraph& graph,
                                       const Scenario& scenario,
                                       const PlacementRequest& request);

// The mean probability that a tie carries the practice under the
// scenario's model, for degree discount.
double MeanTieProbability(const DistrictGraph& graph, const Scenario& scenario);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_PLACEMENT_H_
