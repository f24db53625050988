// Complex contagion (Centola and Macy, "Complex contagions and the weakness
// of long ties", American Journal of Sociology 113(3), 2007): a teacher
// adopts only after enough distinct colleagues have exposed them. When a
// teacher u activates, each out-neighbour v is exposed by u with
// probability p (once per tie, times the tie's context, capped at 1); v
// activates once its exposures reach its threshold: k (threshold), or with
// `fraction` phi, ceil(phi * in-degree) (at least 1). With p = 1 and k = 2
// this is Centola and Macy's threshold model; with k = 1 it is the
// independent cascade, replicate for replicate: an exposure is the same
// coupled draw as the cascade's contact over that tie (sim/arc_coins.h).
#ifndef COLLABNET_SIM_COMPLEX_CONTAGION_H_
#define COLLABNET_SIM_COMPLEX_CONTAGION_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/arc_coins.h"
#include "sim/coupled_draws.h"
#include "sim/model.h"
#include "sim/model_base.h"
#include "sim/plain_spread.h"

namespace collabnet {

class ComplexContagion : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"round", false};

  // The scenario must run complex_contagion; InvalidArgument as
  // ValidateScenario says.
  static absl::StatusOr<ComplexContagion> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      DrawMode mode = DrawMode::kCoupled);

  struct Workspace {
    explicit Workspace(const ComplexContagion& model);
    PlainWorkspace plain;
    ListedVisitBits touched;  // teachers exposed at least once
    std::vector<std::uint32_t> exposures;
  };

  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  // Coupled draws serve single runs too: they are as fast here.
  DrawMode draw_mode() const { return DrawMode::kCoupled; }
  absl::string_view name() const { return "complex_contagion"; }

 private:
  ArcCoins coins_;
  std::vector<std::uint32_t> needed_;  // exposures each teacher needs
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_COMPLEX_CONTAGION_H_
