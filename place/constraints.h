// A district's constraints on where new leaders go, as every placement
// strategy reads them: how many, who may be chosen, at most how many per
// school, what each costs against a total, and the leaders already in
// place that new ones add to.
//
// Feasible sets are those of N new leaders at most (exactly N without
// costs), each eligible and not already leading, with at most
// max_per_school leaders in any school counting those in place (a
// partition matroid), and with costs, a total cost within cost_budget (a
// knapsack).
#ifndef COLLABNET_PLACE_CONSTRAINTS_H_
#define COLLABNET_PLACE_CONSTRAINTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "graph/district_graph.h"

namespace collabnet {

struct PlacementConstraints {
  int budget = 0;  // new leaders: exactly, or at most with costs
  std::vector<VertexId> existing;  // leaders in place, who stay
  // Per teacher, 1 when they may be chosen; empty: everyone. Folded in by
  // the caller: a role, a list of ids, a school readiness floor.
  std::vector<std::uint8_t> eligible;
  int max_per_school = 0;    // 0: no limit
  std::vector<double> cost;  // per teacher; empty: no costs
  double cost_budget = 0;    // with costs: the total new leaders may cost
  bool has_costs() const { return !cost.empty(); }
};

// Whether v may be chosen at all (eligible, not already a leader).
class Candidates {
 public:
  Candidates(const DistrictGraph& graph, const PlacementConstraints& c);
  bool operator()(VertexId v) const { return ok_[v] != 0; }
  // Leaders of school s already in place.
  int in_place(std::uint32_t s) const { return in_place_[s]; }

 private:
  std::vector<std::uint8_t> ok_;
  std::vector<int> in_place_;
};

// A set being built under the constraints: what fits next, and taking it.
class FeasibleSet {
 public:
  FeasibleSet(const DistrictGraph& graph, const PlacementConstraints& c);
  // v may join: a candidate not taken, its school has room, its cost fits
  // what is left, and the budget is not spent.
  bool Fits(VertexId v) const;
  void Take(VertexId v);
  bool full() const { return static_cast<int>(taken_.size()) >= c_->budget; }
  const std::vector<VertexId>& taken() const { return taken_; }
  const Candidates& candidates() const { return candidates_; }

 private:
  const DistrictGraph* graph_;
  const PlacementConstraints* c_;
  Candidates candidates_;
  std::vector<int> used_;  // leaders per school, those in place included
  std::vector<std::uint8_t> taken_mark_;
  std::vector<VertexId> taken_;
  double room_;
};

// InvalidArgument, saying which, when no feasible set exists: a budget
// below 1 or above the eligible teachers, too few eligible teachers in
// schools with room left, costs that are negative or not numbers, or no
// eligible teacher whose cost fits the cost budget. Existing leaders must
// be distinct teachers of the graph.
absl::Status CheckConstraints(const DistrictGraph& graph,
                              const PlacementConstraints& c);

// The constraints in force, in words: "at most 2 per school, cost 10 or
// less".
std::string DescribeConstraints(const PlacementConstraints& c);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_CONSTRAINTS_H_
