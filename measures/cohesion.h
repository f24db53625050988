// The whole network's measures, with igraph 0.10's definitions:
//   density         ties over the ordered pairs n(n-1) (directed) or the
//                   pairs n(n-1)/2 (undirected); NaN below two teachers;
//   reciprocity     the share of a directed network's ties whose reverse
//                   is a tie too (igraph's default mode); 1 undirected,
//                   NaN with no tie;
//   transitivity    closed over connected triples, ties taken as
//                   undirected; NaN with no connected triple;
//   components      weak (ties either way) and strong;
//   centralisation  Freeman's, of degree (undirected) or of in- and of
//                   out-degree (directed), over the star's: (n-1)(n-2)
//                   undirected, (n-1)^2 directed (igraph's theoretical
//                   maximum, loops not counted);
//   assortativity   Newman's nominal assortativity (2003), normalised,
//                   along the ties' direction, unweighted (igraph's
//                   assortativity_nominal): of schools, and of grades and
//                   subjects, where teachers with the same set of them
//                   share a category; NaN where the tied teachers hold
//                   fewer than two categories.
#ifndef COLLABNET_MEASURES_COHESION_H_
#define COLLABNET_MEASURES_COHESION_H_

#include <cstdint>
#include <span>

#include "absl/status/statusor.h"
#include "measures/centrality.h"
#include "measures/igraph_network.h"
#include "measures/measure_network.h"

namespace collabnet {

struct Cohesion {
  double density = 0;
  double reciprocity = 0;
  double transitivity = 0;
  std::int32_t weak_components = 0;
  std::int32_t strong_components = 0;
  std::int32_t largest_component = 0;  // teachers, weak
  std::int32_t isolates = 0;           // no tie in or out
  // NaN where the network's direction leaves them undefined.
  double degree_centralization = 0;
  double in_degree_centralization = 0;
  double out_degree_centralization = 0;
  double assortativity_school = 0;
  double assortativity_grade = 0;
  double assortativity_subject = 0;
};

// `g` is `net` as igraph holds it; `degrees` ComputeDegrees(net);
// `school_of` each teacher's school index; `grades` and `subjects` each
// teacher's category (0: none), or empty when no teacher has one.
absl::StatusOr<Cohesion> ComputeCohesion(
    const MeasureNetwork& net, const IgraphNetwork& g, const Degrees& degrees,
    std::span<const std::uint32_t> school_of,
    std::span<const std::uint64_t> grades = {},
    std::span<const std::uint64_t> subjects = {});

// Newman's nominal assortativity of the ties between teachers of
// `category` (0: none, those ties left out); NaN with fewer than two
// categories among them.
double NominalAssortativity(const MeasureNetwork& net,
                            std::span<const std::uint64_t> category);

// Freeman's centralisation of `degrees` over `theoretical_max`.
double Centralization(std::span<const std::int32_t> degrees,
                      double theoretical_max);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_COHESION_H_
