// Live-edge estimators: the second, independent way to sample the spread of
// the independent cascade and linear threshold models (Kempe, Kleinberg and
// Tardos 2003, claims 2.3 and 2.6). A live-edge graph is sampled first, then
// the seeds' reachable set in it has the same distribution as the model's
// final active set:
//   independent cascade: every arc is live with its probability;
//   linear threshold: every vertex v keeps at most one in-arc, arc (u, v)
//   with probability w(u, v), none with probability 1 - sum of w.
// The tests hold the cascades against these; reverse-reachable sampling for
// leader placement walks the same live-edge graphs backwards.
#ifndef COLLABNET_SIM_LIVE_EDGE_H_
#define COLLABNET_SIM_LIVE_EDGE_H_

#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "random/philox_stream.h"
#include "sim/independent_cascade.h"

namespace collabnet {

// Vertices reachable from `seeds` (not counted) over arcs drawn live with
// probability arc_probability[a]. Every arc gets a draw, in index order.
std::int64_t LiveEdgeIcReach(const DistrictGraph& graph,
                             const std::vector<double>& arc_probability,
                             const std::vector<VertexId>& seeds,
                             PhiloxStream& rng, PlainWorkspace& ws);

// Vertices reachable from `seeds` (not counted) when every vertex keeps one
// in-arc chosen with probabilities arc_weight (normalised per target, as in
// LtModel). The graph must have reverse arcs.
std::int64_t LiveEdgeLtReach(const DistrictGraph& graph,
                             const std::vector<double>& arc_weight,
                             const std::vector<VertexId>& seeds,
                             PhiloxStream& rng, PlainWorkspace& ws);

}  // namespace collabnet

#endif  // COLLABNET_SIM_LIVE_EDGE_H_
