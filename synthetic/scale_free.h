// Barabasi-Albert scale-free networks, the standard large benchmark graph
// (the peers' ba1m: a million nodes, m = 10), generated straight into a
// frozen graph so a benchmark need not ship a 100 MB file.
//
// Each new node ties to `m` distinct earlier nodes chosen with probability
// proportional to their degree (linear preferential attachment, as igraph's
// Barabasi with power 1 and no out-degree preference); the first m nodes
// tie to all before them. Ties are undirected, without channel or weight;
// every node is in one school, "all"; node i's id is its number. The same
// seed always gives the same graph.
#ifndef COLLABNET_SYNTHETIC_SCALE_FREE_H_
#define COLLABNET_SYNTHETIC_SCALE_FREE_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"

namespace collabnet {

// InvalidArgument unless 1 <= m < n.
absl::StatusOr<DistrictGraph> GenerateBarabasiAlbert(
    std::uint32_t n, std::uint32_t m, std::uint64_t seed,
    const FreezeOptions& freeze = {});

}  // namespace collabnet

#endif  // COLLABNET_SYNTHETIC_SCALE_FREE_H_
