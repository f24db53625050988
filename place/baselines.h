// The placements planners and papers compare against, each under the same
// constraints as the optimiser (place/constraints.h): a ranking taken in
// order, skipping teachers who do not fit. None has a guarantee.
//   degree            most out-ties first;
//   PageRank          by PageRank of the reversed graph (damping 0.85): a
//                     teacher ranks high who reaches teachers who reach
//                     many, as influence flows along ties;
//   degree discount   Chen, Wang and Yang (KDD 2009): each pick discounts
//                     its out-neighbours' degree, dd(v) = d(v) - 2 t(v) -
//                     (d(v) - t(v)) t(v) p, t(v) the picked teachers tied
//                     to v, p the ties' mean probability;
//   random per school one random eligible teacher per school, schools in
//                     random order, then a second round, and so on: draws
//                     keyed by (seed, teacher), so reproducible.
#ifndef COLLABNET_PLACE_BASELINES_H_
#define COLLABNET_PLACE_BASELINES_H_

#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "place/constraints.h"

namespace collabnet {

// The constraints must pass CheckConstraints.
std::vector<VertexId> PlaceByDegree(const DistrictGraph& graph,
                                    const PlacementConstraints& c);
std::vector<VertexId> PlaceByPageRank(const DistrictGraph& graph,
                                      const PlacementConstraints& c);
// `p`: the probability a tie carries the practice (the mean over ties).
std::vector<VertexId> PlaceByDegreeDiscount(const DistrictGraph& graph,
                                            const PlacementConstraints& c,
                                            double p);
std::vector<VertexId> PlaceRandomlyPerSchool(const DistrictGraph& graph,
                                             const PlacementConstraints& c,
                                             std::uint64_t seed);

// PageRank of the reversed graph, damping 0.85, iterated until the scores
// change by less than 1e-12 in total (teachers with no in-ties spread
// their score evenly). Sums to 1.
std::vector<double> ReversePageRank(const DistrictGraph& graph);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_BASELINES_H_
