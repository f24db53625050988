// The school-equity objective: how evenly the practice reaches the
// district's schools, not only how far.
//
//   equity(S) = 100 / m * sum over schools s of sqrt(share_s(S)),
//
// share_s the expected share of school s's teachers reached (or adopting),
// its leaders counted, and m the schools with teachers: 0 when no one is
// reached, 100 when everyone is. The square root rises steeply near 0, so
// a school's first teachers reached count for more than a well-reached
// school's next ones: a concave welfare of the schools' shares.
//
// Wherever reach is a coverage function (place/reverse_sampler.h), each
// share is a sum of coverage probabilities, monotone and submodular in S;
// a concave nondecreasing g of a monotone submodular f is monotone
// submodular too (for S within T, f(S) <= f(T) and f's gain at S is at
// least its gain at T, so g's gain at S is at least g's at T), and so is a
// sum of such. Greedy therefore keeps its ratios under the constraints (1 -
// 1/e, 1/2 with a per-school limit, (1 - 1/e)/2 with costs) on the index
// as the reverse samples estimate it. OPIM-C's sample-size bounds are for
// an objective linear in coverage, and the square root of an estimate is
// biased near 0, so on the district's own index the ratio is not proven:
// the placement says so and reports the index of the set by fresh Monte
// Carlo runs, an empirical check.
#ifndef COLLABNET_PLACE_SCHOOL_EQUITY_H_
#define COLLABNET_PLACE_SCHOOL_EQUITY_H_

#include <cstdint>
#include <span>
#include <vector>

#include "graph/district_graph.h"
#include "place/constraints.h"
#include "place/reverse_samples.h"
#include "proto/result.pb.h"

namespace collabnet {

// The index of a run's school shares, its leaders counted ("reached" or,
// with `adopting`, "adopting"): the estimate of a placed set.
double SchoolEquity(const RunResult& result, bool adopting);

// The schools with teachers: the index compares two or more.
int SchoolsWithTeachers(const DistrictGraph& graph);

// Reverse samples for the index: enough that the smallest school is the
// target of 1 / epsilon^2 of them in expectation (n / (its teachers *
// epsilon^2)), so each school's share is estimated to about epsilon.
std::uint64_t EquitySamples(const DistrictGraph& graph, double epsilon);

struct EquityChoice {
  std::vector<VertexId> chosen;  // new leaders, in the order picked
  // The index on the samples: of the leaders in place, of them and the
  // chosen, and each new leader's gain over those before.
  double in_place = 0;
  double equity = 0;
  std::vector<double> gains;
};

// Greedy (lazy, as in CELF) on the index as `samples` estimate it, drawn
// with every teacher a target; with costs, by gain per unit of cost and
// then the better of that set and the best single leader (Khuller, Moss
// and Naor 1999). The constraints must pass CheckConstraints; `threads`
// (0: every core) index the samples; the choice is the same on any
// number, ties going to the lower vertex id.
EquityChoice GreedyEquity(const DistrictGraph& graph,
                          const ReverseSamples& samples,
                          const PlacementConstraints& constraints,
                          int threads = 0);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_SCHOOL_EQUITY_H_
