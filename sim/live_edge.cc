#include "sim/live_edge.h"

#include <limits>

namespace collabnet {
namespace {

// Breadth-first reach from the seeds over arcs for which live(a) holds.
template <typename Live>
std::int64_t Reach(const DistrictGraph& g, const std::vector<VertexId>& seeds,
                   PlainWorkspace& ws, Live live) {
  ws.Start(seeds);
  for (std::size_t head = 0; head < ws.queue.size(); ++head) {
    const VertexId u = ws.queue[head];
    for (ArcIndex a = g.arc_begin(u); a < g.arc_end(u); ++a) {
      if (live(a) && ws.visited.Visit(g.arc_target(a))) {
        ws.queue.push_back(g.arc_target(a));
      }
    }
  }
  return static_cast<std::int64_t>(ws.queue.size() - seeds.size());
}

}  // namespace

std::int64_t LiveEdgeIcReach(const DistrictGraph& graph,
                             const std::vector<double>& arc_probability,
                             const std::vector<VertexId>& seeds,
                             PhiloxStream& rng, PlainWorkspace& ws) {
  std::vector<bool> live(graph.num_arcs());
  for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
    live[a] = rng.NextDouble() < arc_probability[a];
  }
  return Reach(graph, seeds, ws, [&live](ArcIndex a) { return live[a]; });
}

std::int64_t LiveEdgeLtReach(const DistrictGraph& graph,
                             const std::vector<double>& arc_weight,
                             const std::vector<VertexId>& seeds,
                             PhiloxStream& rng, PlainWorkspace& ws) {
  constexpr ArcIndex kNone = std::numeric_limits<ArcIndex>::max();
  std::vector<ArcIndex> kept(graph.num_vertices(), kNone);
  const auto in_offsets = graph.in_offsets();
  const auto in_arcs = graph.in_arc_ids();
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    double x = rng.NextDouble();
    for (ArcIndex i = in_offsets[v]; i < in_offsets[v + 1]; ++i) {
      x -= arc_weight[in_arcs[i]];
      if (x < 0) {
        kept[v] = in_arcs[i];
        break;
      }
    }
  }
  return Reach(graph, seeds, ws,
               [&](ArcIndex a) { return kept[graph.arc_target(a)] == a; });
}

}  // namespace collabnet
