// What every model keeps from its scenario, prepared the same way for all:
// the graph, the leaders, the seed its draws are keyed by, the horizon.
#ifndef COLLABNET_SIM_MODEL_BASE_H_
#define COLLABNET_SIM_MODEL_BASE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/coupled_draws.h"

namespace collabnet {

class ModelBase {
 public:
  std::span<const VertexId> leaders() const { return leaders_; }

 protected:
  // Checks the scenario (ValidateScenario) and that it runs `model`, then
  // keeps what every model needs of it. The graph must outlive the model.
  absl::Status PrepareBase(const DistrictGraph& graph, const Scenario& scenario,
                           Scenario::ModelCase model);

  const DistrictGraph* graph_ = nullptr;
  std::vector<VertexId> leaders_;
  std::uint64_t seed_ = 0;
  CoupledDraws draws_{0};
  int horizon_ = 0;  // weeks or rounds; 0: none
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_MODEL_BASE_H_
