// A teacher's place in the network, beyond the shortest paths
// (measures/shortest_paths.h): degree and strength, PageRank, and the
// measures taken from igraph's C library, all with igraph 0.10's
// definitions and defaults:
//   pagerank     damping 0.85, weighted, along the ties' direction; a
//                teacher with no out-tie spreads their rank over everyone
//                (measures/pagerank.h: igraph's definition, solved here,
//                the same bits on any number of threads);
//   eigenvector  weighted, from in-ties in a directed network (a teacher
//                is central when central colleagues point to them), scaled
//                to a maximum of 1;
//   coreness     the k-core a teacher belongs to, degree counting in- and
//                out-ties (igraph's mode "all");
//   clustering   local transitivity, ties taken as undirected and
//                unweighted; NaN with fewer than two neighbours;
//   constraint   Burt's (1992), weighted, ties in both directions.
#ifndef COLLABNET_MEASURES_CENTRALITY_H_
#define COLLABNET_MEASURES_CENTRALITY_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"

namespace collabnet {

struct Degrees {
  // Distinct colleagues from and to each teacher; in an undirected
  // network in and out are both the neighbours.
  std::vector<std::int32_t> in, out;
  std::vector<double> in_strength, out_strength;
};

Degrees ComputeDegrees(const MeasureNetwork& net);

struct Centrality {
  std::vector<double> pagerank;
  std::vector<double> eigenvector;
  std::vector<std::int32_t> coreness;
  std::vector<double> clustering;
  std::vector<double> constraint;
};

// `g` is `net` as igraph holds it (IgraphNetwork::Make(net)); `threads`
// (0: every core) for PageRank.
absl::StatusOr<Centrality> ComputeCentrality(const MeasureNetwork& net,
                                             const IgraphNetwork& g,
                                             int threads = 0);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_CENTRALITY_H_
