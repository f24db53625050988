// Cohesive subgroups: communities that maximise modularity, by igraph's
// Louvain (Blondel et al. 2008, igraph_community_multilevel) or Leiden
// (Traag, Waltman and van Eck 2019, igraph_community_leiden with the
// modularity objective), on the network with each pair of teachers once,
// both directions' weights added; and how they cut across schools.
//
// Both methods are randomised. Each start is seeded from (seed, start),
// the best partition by modularity kept (ties to the earlier start), so a
// seed gives the same communities every time. Compare runs by modularity,
// not by partition.
#ifndef COLLABNET_MEASURES_COMMUNITIES_H_
#define COLLABNET_MEASURES_COMMUNITIES_H_

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"

namespace collabnet {

enum class CommunityMethod { kLeiden, kLouvain };

absl::string_view CommunityMethodName(CommunityMethod method);

struct Communities {
  CommunityMethod method = CommunityMethod::kLeiden;
  std::vector<std::int32_t> membership;  // community of each teacher, from 0
  std::int32_t count = 0;
  // Newman's modularity of the partition (resolution 1, weighted).
  double modularity = 0;
  // Normalised mutual information between communities and schools, and the
  // mean number of schools a community's teachers come from.
  double school_nmi = 0;
  double schools_per_community = 0;
};

// `g` is the network with each pair of teachers once
// (IgraphNetwork::Make(net, /*undirected=*/true)), made once for both
// methods. `starts` partitions are searched and the best kept (at least
// 1); `start_done`, when set, is called after each.
absl::StatusOr<Communities> FindCommunities(
    const IgraphNetwork& g, std::span<const std::uint32_t> school_of,
    CommunityMethod method, std::uint64_t seed, int starts = 10,
    const std::function<void()>& start_done = {});

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_COMMUNITIES_H_
