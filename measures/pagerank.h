// PageRank to igraph 0.10's definition (Brin and Page 1998): damping d,
// each tie weighted by its weight over its source's out-strength; a
// teacher with no out-tie passes their rank to everyone alike; the ranks
// sum to 1. An undirected network's ties count both ways.
//
// Solved by power iteration until the ranks change by less than 1e-10 in
// total between two steps, the tolerance igraph gives its PRPACK solver
// (the error is then below 0.85 / 0.15 of that; the tests hold the ranks
// to igraph's within 1e-9). Each step pulls every teacher's rank along
// their in-ties in a fixed order and adds blocks of teachers' sums in
// order, so the bits are the same on any number of threads, which
// PRPACK's are not.
#ifndef COLLABNET_MEASURES_PAGERANK_H_
#define COLLABNET_MEASURES_PAGERANK_H_

#include <vector>

#include "measures/measure_network.h"

namespace collabnet {

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-10;  // on the L1 change between steps
  // At damping 0.85 the change shrinks by about 0.85 a step, so the
  // tolerance is met in a few hundred; were this reached, the last step's
  // ranks are returned.
  int max_iterations = 10'000;
  int threads = 0;  // 0: every core
};

std::vector<double> ComputePageRank(const MeasureNetwork& net,
                                    const PageRankOptions& options = {});

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_PAGERANK_H_
