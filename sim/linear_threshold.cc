#include "sim/linear_threshold.h"

#include <cmath>
#include <limits>

#include "absl/status/status.h"
#include "sim/tie_context.h"
#include "sim/validate_scenario.h"

namespace collabnet {

LinearThreshold::Workspace::Workspace(const LinearThreshold& model)
    : plain(model.graph_->num_vertices()),
      touched(model.graph_->num_vertices()),
      sum(model.graph_->num_vertices()),
      theta(model.graph_->num_vertices()) {}

absl::StatusOr<LinearThreshold> LinearThreshold::Prepare(
    const DistrictGraph& graph, const Scenario& scenario, DrawMode /*mode*/) {
  LinearThreshold model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kLinearThreshold);
      !s.ok()) {
    return s;
  }
  const auto& lt = scenario.linear_threshold();
  if (!lt.thresholds().empty()) {
    model.given_.assign(graph.num_vertices(),
                        std::numeric_limits<double>::quiet_NaN());
    for (const auto& [id, threshold] : lt.thresholds()) {
      model.given_[*graph.FindTeacher(id)] = threshold;
    }
  }
  const std::vector<double> factor =
      TieContextFactors(graph, TieContextOf(scenario));
  const ArcIndex m = graph.num_arcs();
  model.arc_weight_.resize(m);
  for (ArcIndex a = 0; a < m; ++a) {
    model.arc_weight_[a] = (lt.use_tie_weights() ? graph.arc_weight(a) : 1.0) *
                           (factor.empty() ? 1.0 : factor[a]);
  }
  std::vector<double> in_weight(graph.num_vertices(), 0);
  for (ArcIndex a = 0; a < m; ++a) {
    in_weight[graph.arc_target(a)] += model.arc_weight_[a];
  }
  for (ArcIndex a = 0; a < m; ++a) {
    model.arc_weight_[a] /= in_weight[graph.arc_target(a)];
  }
  return model;
}

double LinearThreshold::Threshold(std::uint32_t replicate, VertexId v) const {
  if (!given_.empty() && !std::isnan(given_[v])) return given_[v];
  return CoupledDraws::OpenUnit(
      draws_.Item(kPurposeThresholds, replicate, v, 0)[0]);
}

void LinearThreshold::Run(std::uint32_t replicate, Workspace& ws,
                          ReplicateCounts& counts) const {
  const DistrictGraph& g = *graph_;
  const ArcIndex* const offsets = g.offsets().data();
  const VertexId* const targets = g.targets().data();
  const std::uint8_t* const channels = g.channels().data();
  const double* const weight = arc_weight_.data();
  PlainWorkspace& plain = ws.plain;
  double* const sum = ws.sum.data();
  double* const theta = ws.theta.data();
  plain.Start(leaders_);
  ws.touched.Clear();
  std::int64_t arcs = 0;
  SpreadByRounds(plain, horizon_, [&](VertexId u, int round) {
    arcs += offsets[u + 1] - offsets[u];
    for (ArcIndex a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
      const VertexId v = targets[a];
      if (plain.visited.Visited(v)) continue;
      if (ws.touched.Visit(v)) {
        sum[v] = 0;
        theta[v] = Threshold(replicate, v);
      }
      sum[v] += weight[a];
      if (sum[v] >= theta[v]) {
        plain.visited.Visit(v);
        plain.queue.push_back(v);
        RecordActivation(counts, u, v, round, channels[a]);
      }
    }
  });
  counts.Examine(arcs);
}

}  // namespace collabnet
