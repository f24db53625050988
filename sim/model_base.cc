#include "sim/model_base.h"

#include "absl/strings/str_cat.h"
#include "sim/validate_scenario.h"

namespace collabnet {

absl::Status ModelBase::PrepareBase(const DistrictGraph& graph,
                                    const Scenario& scenario,
                                    Scenario::ModelCase model) {
  if (absl::Status s = ValidateScenario(graph, scenario); !s.ok()) return s;
  if (scenario.model_case() != model) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario: this scenario runs ", ScenarioModelName(scenario),
        ", not the model it was prepared for (",
        Scenario::descriptor()->FindFieldByNumber(model)->name(), ")"));
  }
  graph_ = &graph;
  leaders_ = ScenarioLeaders(graph, scenario);
  seed_ = scenario.seed();
  draws_ = CoupledDraws(scenario.seed());
  horizon_ = scenario.horizon();
  return absl::OkStatus();
}

}  // namespace collabnet
