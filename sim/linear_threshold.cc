#include "sim/linear_threshold.h"

#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "random/philox_stream.h"

namespace collabnet {

absl::StatusOr<LtModel> PrepareLinearThreshold(
    const DistrictGraph& graph, const LtParams& params,
    const std::vector<VertexId>& seeds) {
  LtModel model;
  model.graph = &graph;
  if (absl::Status s = CheckSeeds(graph, seeds); !s.ok()) return s;
  model.seeds = seeds;
  if (!params.thresholds.empty()) {
    if (params.thresholds.size() != graph.num_vertices()) {
      return absl::InvalidArgumentError(
          absl::StrCat("linear threshold: ", params.thresholds.size(),
                       " thresholds for ", graph.num_vertices(), " teachers"));
    }
    for (VertexId v = 0; v < graph.num_vertices(); ++v) {
      const double t = params.thresholds[v];
      if (!std::isnan(t) && !(t >= 0 && t <= 1)) {
        return absl::InvalidArgumentError(
            absl::StrCat("linear threshold: teacher '", graph.teacher_id(v),
                         "': the threshold must be in [0, 1], got ", t));
      }
    }
    model.given_threshold = params.thresholds;
  }
  const ArcIndex m = graph.num_arcs();
  if (!params.arc_factor.empty() && params.arc_factor.size() != m) {
    return absl::InvalidArgumentError("one tie factor per arc expected");
  }
  model.arc_weight.resize(m);
  for (ArcIndex a = 0; a < m; ++a) {
    model.arc_weight[a] =
        (params.use_tie_weights ? graph.arc_weight(a) : 1.0) *
        (params.arc_factor.empty() ? 1.0 : params.arc_factor[a]);
  }
  std::vector<double> in_weight(graph.num_vertices(), 0);
  for (ArcIndex a = 0; a < m; ++a) {
    in_weight[graph.arc_target(a)] += model.arc_weight[a];
  }
  for (ArcIndex a = 0; a < m; ++a) {
    model.arc_weight[a] /= in_weight[graph.arc_target(a)];
  }
  return model;
}

std::int64_t RunLtReplicate(const LtModel& model, std::uint64_t seed,
                            std::uint64_t replicate, LtWorkspace& ws) {
  const DistrictGraph& g = *model.graph;
  const ArcIndex* const offsets = g.offsets().data();
  const VertexId* const targets = g.targets().data();
  const double* const weight = model.arc_weight.data();
  VisitBits& active = ws.plain.visited;
  std::vector<VertexId>& queue = ws.plain.queue;
  double* const sum = ws.sum.data();
  double* const theta = ws.theta.data();
  const double* const given =
      model.given_threshold.empty() ? nullptr : model.given_threshold.data();

  ws.plain.Start(model.seeds);
  ws.touched.Clear();
  PhiloxStream rng(seed, replicate, kPurposeThresholds);
  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const VertexId u = queue[head];
    arcs += offsets[u + 1] - offsets[u];
    for (ArcIndex a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
      const VertexId v = targets[a];
      if (active.Visited(v)) continue;
      if (ws.touched.Visit(v)) {
        sum[v] = 0;
        theta[v] = given != nullptr && !std::isnan(given[v])
                       ? given[v]
                       : rng.NextOpenDouble();
      }
      sum[v] += weight[a];
      if (sum[v] >= theta[v]) {
        active.Visit(v);
        queue.push_back(v);
      }
    }
  }
  ws.plain.arcs_examined = arcs;
  return static_cast<std::int64_t>(queue.size() - model.seeds.size());
}

}  // namespace collabnet
