#include "sim/complex_contagion.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "sim/tie_context.h"
#include "sim/validate_scenario.h"

namespace collabnet {

ComplexContagion::Workspace::Workspace(const ComplexContagion& model)
    : plain(model.graph_->num_vertices()),
      touched(model.graph_->num_vertices()),
      exposures(model.graph_->num_vertices()) {}

absl::StatusOr<ComplexContagion> ComplexContagion::Prepare(
    const DistrictGraph& graph, const Scenario& scenario, DrawMode /*mode*/) {
  ComplexContagion model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kComplexContagion);
      !s.ok()) {
    return s;
  }
  const ComplexContagionParams& cc = scenario.complex_contagion();
  const double p = cc.has_probability() ? cc.probability() : 1.0;
  const std::vector<double> factor =
      TieContextFactors(graph, TieContextOf(scenario));
  if (factor.empty()) {
    model.coins_ = ArcCoins::Uniform(graph, p);
  } else {
    std::vector<double> per_arc(graph.num_arcs());
    for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
      per_arc[a] = std::min(1.0, p * factor[a]);
    }
    model.coins_ = ArcCoins::PerArc(graph, per_arc);
  }
  if (cc.rule_case() == ComplexContagionParams::kThreshold) {
    model.needed_.assign(graph.num_vertices(),
                         static_cast<std::uint32_t>(cc.threshold()));
  } else {
    std::vector<std::uint32_t> in_degree(graph.num_vertices(), 0);
    for (VertexId v : graph.targets()) ++in_degree[v];
    model.needed_.resize(graph.num_vertices());
    for (VertexId v = 0; v < graph.num_vertices(); ++v) {
      model.needed_[v] = std::max<std::uint32_t>(
          1, static_cast<std::uint32_t>(
                 std::ceil(cc.fraction() * in_degree[v] - 1e-9)));
    }
  }
  return model;
}

void ComplexContagion::Run(std::uint32_t replicate, Workspace& ws,
                           ReplicateCounts& counts) const {
  const VertexId* const targets = graph_->targets().data();
  const std::uint8_t* const channels = graph_->channels().data();
  std::uint32_t* const exposures = ws.exposures.data();
  PlainWorkspace& plain = ws.plain;
  plain.Start(leaders_);
  ws.touched.Clear();
  std::int64_t arcs = 0;
  SpreadByRounds(plain, horizon_, [&](VertexId u, int round) {
    arcs += graph_->arc_end(u) - graph_->arc_begin(u);
    coins_.ForEachSuccess(draws_, replicate, u, [&](ArcIndex a) {
      const VertexId v = targets[a];
      if (plain.visited.Visited(v)) return;
      if (ws.touched.Visit(v)) exposures[v] = 0;
      if (++exposures[v] >= needed_[v]) {
        plain.visited.Visit(v);
        plain.queue.push_back(v);
        RecordActivation(counts, u, v, round, channels[a]);
      }
    });
  });
  counts.Examine(arcs);
}

}  // namespace collabnet
