// The linear threshold model (Granovetter 1978; in the form of Kempe,
// Kleinberg and Tardos, KDD 2003): each teacher v has a threshold theta_v
// on (0, 1] and becomes active once the weights of their active
// in-neighbours sum to at least theta_v. Weights are normalised per
// teacher, w(u, v) = weight(u, v) / (sum of v's in-weights), so they sum to
// 1 (with unit weights: 1 / in-degree, as in igraph, NDlib and Ripples);
// the tie context (sim/tie_context.h) multiplies each weight before.
//
// Thresholds may be given for some or all teachers (Granovetter's
// thresholds measured, not assumed); the others are drawn uniformly on
// (0, 1], each from the coupled draw (seed, replicate, kPurposeThresholds,
// teacher), whatever order the cascade touches them in.
#ifndef COLLABNET_SIM_LINEAR_THRESHOLD_H_
#define COLLABNET_SIM_LINEAR_THRESHOLD_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"
#include "sim/coupled_draws.h"
#include "sim/model.h"
#include "sim/model_base.h"
#include "sim/plain_spread.h"

namespace collabnet {

class LinearThreshold : public ModelBase {
 public:
  static constexpr ModelTraits kTraits{"round", false};

  // The scenario must run linear_threshold; InvalidArgument as
  // ValidateScenario says.
  static absl::StatusOr<LinearThreshold> Prepare(
      const DistrictGraph& graph, const Scenario& scenario,
      DrawMode mode = DrawMode::kCoupled);

  struct Workspace {
    explicit Workspace(const LinearThreshold& model);
    PlainWorkspace plain;
    ListedVisitBits touched;  // teachers whose threshold was drawn
    std::vector<double> sum;
    std::vector<double> theta;
  };

  void Run(std::uint32_t replicate, Workspace& ws,
           ReplicateCounts& counts) const;

  // Teacher v's threshold in `replicate`: the given one, or the draw.
  double Threshold(std::uint32_t replicate, VertexId v) const;

  // Coupled draws serve single runs too: they are as fast here.
  DrawMode draw_mode() const { return DrawMode::kCoupled; }
  absl::string_view name() const { return "linear_threshold"; }
  // The normalised in-weight w(u, v) of every arc.
  const std::vector<double>& arc_weights() const { return arc_weight_; }

 private:
  std::vector<double> arc_weight_;
  std::vector<double> given_;  // empty, or per teacher (NaN: draw)
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_LINEAR_THRESHOLD_H_
