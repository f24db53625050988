// The measures of shortest paths, exact: betweenness (Brandes, "A faster
// algorithm for betweenness centrality", 2001), closeness and harmonic
// centrality, from one breadth-first search per teacher along out-ties,
// each tie of length 1 (weights are how strong a tie is, not how long).
//
// Definitions are igraph 0.10's:
//   betweenness(v)  sum over pairs s != v != t of the share of shortest
//                   s-t paths through v; in an undirected network each
//                   unordered pair once. Normalised: over (n-1)(n-2)
//                   pairs, halved when undirected (networkx's rule).
//   closeness(v)    (r - 1) / (sum of distances to the r - 1 teachers v
//                   reaches), NaN when v reaches no one: the inverse mean
//                   distance over those reached, as igraph computes it on
//                   a network that is not connected.
//   harmonic(v)     sum of 1 / distance over everyone else, over n - 1.
//
// Cost: a search from every teacher, O(n m): seconds on a district of
// thousands, hours on a state of 300,000.
//
// Reproducible: sources are taken in blocks of fixed size whose sums are
// added in block order, so the same network gives the same bits on any
// number of threads.
#ifndef COLLABNET_MEASURES_SHORTEST_PATHS_H_
#define COLLABNET_MEASURES_SHORTEST_PATHS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "measures/measure_network.h"

namespace collabnet {

struct PathMeasures {
  std::vector<double> betweenness;
  std::vector<double> betweenness_normalized;
  std::vector<double> closeness;
  std::vector<double> harmonic;
};

// `threads` 0: every core. `progress`, when set, is called from the
// calling thread with the searches done and the searches in all.
PathMeasures ComputePathMeasures(
    const MeasureNetwork& net, int threads = 0,
    const std::function<void(std::int64_t done, std::int64_t total)>& progress =
        {});

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_SHORTEST_PATHS_H_
