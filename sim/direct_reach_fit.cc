#include "sim/direct_reach_fit.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace collabnet {

absl::StatusOr<FitResult> FitDirectReach(const DistrictGraph& graph,
                                         const Scenario& scenario,
                                         const FitOptions& options) {
  const Observed& observed = scenario.observed();
  if (observed.categories_size() == 0) {
    return absl::InvalidArgumentError(
        "scenario observed: no categories to fit; add observed { categories "
        "{ name: ... channels: [...] direct_reach: ... } }");
  }
  FitResult fit;
  fit.scenario = scenario;
  // Iterations compare with each other: coupled draws, so the simulated
  // figure moves only with the probabilities.
  RunOptions coupled = options.run;
  coupled.draws = DrawMode::kCoupled;
  // Where each category's channels sit in scenario.channels.
  std::vector<std::vector<int>> slots(observed.categories_size());
  for (int k = 0; k < observed.categories_size(); ++k) {
    const ObservedCategory& category = observed.categories(k);
    bool positive = false;
    for (int ch : category.channels()) {
      for (int i = 0; i < scenario.channels_size(); ++i) {
        if (scenario.channels(i).channel() == ch) {
          slots[k].push_back(i);
          positive |= scenario.channels(i).probability() > 0;
        }
      }
    }
    if (category.direct_reach() > 0 && !positive) {
      return absl::InvalidArgumentError(absl::StrCat(
          "scenario observed category '", category.name(),
          "': none of its channels has a positive probability to scale; give "
          "each a starting probability"));
    }
  }

  // Iterations in a row in which a category got no closer to its target:
  // its channels' ties from the leaders are saturated.
  std::vector<int> stalled(observed.categories_size(), 0);
  std::vector<double> previous_gap(observed.categories_size(), -1);
  constexpr int kStallLimit = 4;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    absl::StatusOr<RunResult> run = RunScenario(graph, fit.scenario, coupled);
    if (!run.ok()) return run.status();
    fit.iterations = iteration;
    fit.simulated.clear();
    bool close = true;
    for (int k = 0; k < observed.categories_size(); ++k) {
      const double simulated = run->observed_comparison(k).simulated().mean();
      fit.simulated.push_back(simulated);
      const double target = observed.categories(k).direct_reach();
      close &= std::abs(simulated - target) <=
               options.relative_tolerance * std::max(target, 1.0);
    }
    if (options.on_iteration) options.on_iteration(iteration, fit.simulated);
    if (close) {
      fit.converged = true;
      return fit;
    }
    for (int k = 0; k < observed.categories_size(); ++k) {
      const double target = observed.categories(k).direct_reach();
      const double simulated = fit.simulated[k];
      const double gap = std::abs(simulated - target);
      const bool within =
          gap <= options.relative_tolerance * std::max(target, 1.0);
      stalled[k] = (!within && previous_gap[k] >= 0 && gap >= previous_gap[k])
                       ? stalled[k] + 1
                       : 0;
      previous_gap[k] = gap;
      if (stalled[k] >= kStallLimit) {
        return absl::InvalidArgumentError(absl::StrCat(
            "observed category '", observed.categories(k).name(),
            "' cannot be fitted: the leaders' simulated direct reach stays "
            "near ",
            simulated, " against the observed ", target,
            " while its probabilities rise; the leaders' ties on these "
            "channels are saturated (too few ties, or leader_credibility caps "
            "them at 1)"));
      }
      // Nothing reached yet: double, rather than divide by zero.
      const double factor = simulated > 0 ? target / simulated : 2.0;
      bool capped = true;
      for (int i : slots[k]) {
        ChannelParams* c = fit.scenario.mutable_channels(i);
        const double p = std::min(1.0, c->probability() * factor);
        capped &= (p == 1.0 && c->probability() == 1.0);
        c->set_probability(p);
      }
      if (capped && simulated < target) {
        return absl::InvalidArgumentError(absl::StrCat(
            "observed category '", observed.categories(k).name(),
            "' cannot be reached: with probability 1 the leaders reach ",
            simulated, " teachers, fewer than the observed ", target,
            "; the district has too few ties from the leaders on these "
            "channels"));
      }
    }
  }
  return fit;
}

}  // namespace collabnet
