#include "sim/live_edge.h"

#include <limits>

#include "absl/status/status.h"
#include "random/philox_stream.h"
#include "sim/arc_coins.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/validate_scenario.h"

namespace collabnet {
namespace {

constexpr ArcIndex kNoArc = std::numeric_limits<ArcIndex>::max();

// Round by round from the leaders over the arcs for which live(a) holds.
template <typename Live>
void Reach(const DistrictGraph& g, std::span<const VertexId> leaders,
           int horizon, PlainWorkspace& ws, ReplicateCounts& counts,
           Live live) {
  ws.Start(leaders);
  SpreadByRounds(ws, horizon, [&](VertexId u, int round) {
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      const VertexId v = g.arc_target(a);
      if (live(a) && ws.visited.Visit(v)) {
        ws.queue.push_back(v);
        RecordActivation(counts, u, v, round, g.arc_channel(a));
      }
    }
  });
}

}  // namespace

LiveEdgeIc::Workspace::Workspace(const LiveEdgeIc& model)
    : plain(model.graph_->num_vertices()), live(model.graph_->num_arcs()) {}

absl::StatusOr<LiveEdgeIc> LiveEdgeIc::Prepare(const DistrictGraph& graph,
                                               const Scenario& scenario,
                                               LiveEdgeDraws draws) {
  LiveEdgeIc model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kIndependentCascade);
      !s.ok()) {
    return s;
  }
  model.probability_ = IcArcProbabilities(graph, scenario);
  model.source_ = draws;
  return model;
}

void LiveEdgeIc::Run(std::uint32_t replicate, Workspace& ws,
                     ReplicateCounts& counts) const {
  const DistrictGraph& g = *graph_;
  if (source_ == LiveEdgeDraws::kIndependent) {
    PhiloxStream rng(seed_, replicate, kPurposeLiveEdge);
    for (ArcIndex a = 0; a < g.num_arcs(); ++a) {
      ws.live[a] = rng.NextDouble() < probability_[a];
    }
  } else {
    for (ArcIndex a = 0; a < g.num_arcs(); ++a) {
      const std::uint32_t t = ProbabilityThreshold(probability_[a]);
      ws.live[a] =
          t == kAlways || ArcCoins::Uniform32(g, draws_, replicate, a) < t;
    }
  }
  Reach(g, leaders_, horizon_, ws.plain, counts,
        [&](ArcIndex a) { return ws.live[a] != 0; });
}

LiveEdgeLt::Workspace::Workspace(const LiveEdgeLt& model)
    : plain(model.graph_->num_vertices()),
      kept(model.graph_->num_vertices(), kNoArc) {}

absl::StatusOr<LiveEdgeLt> LiveEdgeLt::Prepare(const DistrictGraph& graph,
                                               const Scenario& scenario) {
  LiveEdgeLt model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kLinearThreshold);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<LinearThreshold> lt =
      LinearThreshold::Prepare(graph, scenario);
  if (!lt.ok()) return lt.status();
  if (!scenario.linear_threshold().thresholds().empty()) {
    return absl::InvalidArgumentError(
        "scenario: the live-edge form holds for drawn thresholds only");
  }
  if (!graph.has_reverse()) {
    return absl::InvalidArgumentError(
        "the live-edge linear threshold needs a graph with reverse arcs");
  }
  model.arc_weight_ = lt->arc_weights();
  return model;
}

void LiveEdgeLt::Run(std::uint32_t replicate, Workspace& ws,
                     ReplicateCounts& counts) const {
  const DistrictGraph& g = *graph_;
  const auto in_offsets = g.in_offsets();
  const auto in_arcs = g.in_arc_ids();
  PhiloxStream rng(seed_, replicate, kPurposeLiveEdge);
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    ws.kept[v] = kNoArc;
    double x = rng.NextDouble();
    for (ArcIndex i = in_offsets[v]; i < in_offsets[v + 1]; ++i) {
      x -= arc_weight_[in_arcs[i]];
      if (x < 0) {
        ws.kept[v] = in_arcs[i];
        break;
      }
    }
  }
  Reach(g, leaders_, horizon_, ws.plain, counts,
        [&](ArcIndex a) { return ws.kept[g.arc_target(a)] == a; });
}

}  // namespace collabnet
