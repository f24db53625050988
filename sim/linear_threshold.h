// The linear threshold model (Granovetter 1978; in the form of Kempe,
// Kleinberg and Tardos, KDD 2003): each vertex v draws a threshold
// theta_v uniform on (0, 1] and becomes active once the weights of its
// active in-neighbours sum to at least theta_v. Weights are normalised per
// vertex, w(u, v) = weight(u, v) / (sum of v's in-weights), so they sum to 1
// (with unit weights: 1 / in-degree, as in igraph, NDlib and Ripples).
//
// Thresholds may be given for some or all vertices (Granovetter's
// thresholds measured, not assumed); the rest are drawn. A replicate draws
// thresholds only from PhiloxStream(seed, replicate, kPurposeThresholds),
// lazily, for the vertices the cascade touches; the draw order follows the
// (deterministic) activation order.
#ifndef COLLABNET_SIM_LINEAR_THRESHOLD_H_
#define COLLABNET_SIM_LINEAR_THRESHOLD_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "sim/independent_cascade.h"

namespace collabnet {

struct LtParams {
  bool use_tie_weights = true;  // false: every in-arc counts the same
  // Empty, or one per vertex: a threshold in [0, 1], or NaN to draw it.
  std::vector<double> thresholds = {};
  // Empty, or per arc: multiplies the tie's weight before normalising, as
  // the tie's context (sim/tie_context.h) says.
  std::vector<double> arc_factor = {};
};

struct LtModel {
  const DistrictGraph* graph = nullptr;
  std::vector<VertexId> seeds;
  std::vector<double> arc_weight;       // normalised w(u, v), per arc
  std::vector<double> given_threshold;  // empty, or per vertex (NaN: draw)
};

// Scratch for one thread on top of PlainWorkspace.
struct LtWorkspace {
  explicit LtWorkspace(std::size_t n)
      : plain(n), touched(n), sum(n), theta(n) {}
  PlainWorkspace plain;
  ListedVisitBits touched;  // vertices whose threshold was drawn
  std::vector<double> sum;
  std::vector<double> theta;
};

// InvalidArgument for an out-of-range or repeated seed, or thresholds that
// are not one per vertex or not in [0, 1] (the message names the teacher).
absl::StatusOr<LtModel> PrepareLinearThreshold(
    const DistrictGraph& graph, const LtParams& params,
    const std::vector<VertexId>& seeds);

// Runs one replicate; returns the number of vertices activated, seeds not
// included; ws.plain.queue then holds the seeds and the activated vertices.
std::int64_t RunLtReplicate(const LtModel& model, std::uint64_t seed,
                            std::uint64_t replicate, LtWorkspace& ws);

}  // namespace collabnet

#endif  // COLLABNET_SIM_LINEAR_THRESHOLD_H_
