#include "place/constraints.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace collabnet {

Candidates::Candidates(const DistrictGraph& graph,
                       const PlacementConstraints& c)
    : ok_(graph.num_vertices(), 1), in_place_(graph.num_schools(), 0) {
  if (!c.eligible.empty()) ok_ = c.eligible;
  for (VertexId e : c.existing) {
    ok_[e] = 0;
    ++in_place_[graph.school_of(e)];
  }
}

FeasibleSet::FeasibleSet(const DistrictGraph& graph,
                         const PlacementConstraints& c)
    : graph_(&graph),
      c_(&c),
      candidates_(graph, c),
      used_(graph.num_schools(), 0),
      taken_mark_(graph.num_vertices(), 0),
      room_(c.cost_budget) {
  for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
    used_[s] = candidates_.in_place(s);
  }
}

bool FeasibleSet::Fits(VertexId v) const {
  return !full() && candidates_(v) && taken_mark_[v] == 0 &&
         (c_->max_per_school == 0 ||
          used_[graph_->school_of(v)] < c_->max_per_school) &&
         (!c_->has_costs() || c_->cost[v] <= room_);
}

void FeasibleSet::Take(VertexId v) {
  taken_mark_[v] = 1;
  taken_.push_back(v);
  ++used_[graph_->school_of(v)];
  if (c_->has_costs()) room_ -= c_->cost[v];
}

absl::Status CheckConstraints(const DistrictGraph& graph,
                              const PlacementConstraints& c) {
  const VertexId n = graph.num_vertices();
  if (!c.eligible.empty() && c.eligible.size() != n) {
    return absl::InvalidArgumentError(
        "the eligible set is not one per teacher");
  }
  std::vector<std::uint8_t> seen(n, 0);
  for (VertexId e : c.existing) {
    if (e >= n || seen[e] != 0) {
      return absl::InvalidArgumentError(
          "leaders in place must be distinct teachers of the district");
    }
    seen[e] = 1;
  }
  if (c.budget < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--budget: new leaders must be at least 1, got ", c.budget));
  }
  if (c.max_per_school < 0) {
    return absl::InvalidArgumentError(
        "--max-per-school: must be 0 (no limit) or more");
  }
  if (c.has_costs()) {
    if (c.cost.size() != n) {
      return absl::InvalidArgumentError("costs are not one per teacher");
    }
    if (!(c.cost_budget >= 0) || !std::isfinite(c.cost_budget)) {
      return absl::InvalidArgumentError(
          "--cost-budget: must be a number, 0 or more");
    }
    for (VertexId v = 0; v < n; ++v) {
      if (!(c.cost[v] >= 0) || !std::isfinite(c.cost[v])) {
        return absl::InvalidArgumentError(
            absl::StrCat("cost of teacher ", graph.teacher_id(v),
                         " must be a number, 0 or more, got ", c.cost[v]));
      }
    }
  }
  const Candidates candidates(graph, c);
  // Per school, the eligible teachers a set can still take.
  std::vector<std::int64_t> room(graph.num_schools(), 0);
  std::int64_t eligible = 0;
  std::int64_t affordable = 0;
  for (VertexId v = 0; v < n; ++v) {
    if (!candidates(v)) continue;
    ++eligible;
    ++room[graph.school_of(v)];
    if (c.has_costs() && c.cost[v] <= c.cost_budget) ++affordable;
  }
  if (eligible < c.budget && !c.has_costs()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--budget ", c.budget, ": only ", eligible,
                     " teachers are eligible and not already leading"));
  }
  if (c.has_costs() && affordable == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--cost-budget ", c.cost_budget,
                     ": no eligible teacher costs that little"));
  }
  if (c.max_per_school > 0 && !c.has_costs()) {
    std::int64_t fits = 0;
    for (std::uint32_t s = 0; s < graph.num_schools(); ++s) {
      const std::int64_t left =
          std::max<std::int64_t>(0, c.max_per_school - candidates.in_place(s));
      fits += std::min(left, room[s]);
    }
    if (fits < c.budget) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--budget ", c.budget, " with at most ", c.max_per_school,
          " leaders per school: the schools have room for ", fits,
          " more eligible leaders"));
    }
  }
  return absl::OkStatus();
}

std::string DescribeConstraints(const PlacementConstraints& c) {
  std::vector<std::string> parts;
  if (!c.eligible.empty()) parts.push_back("eligible teachers only");
  if (c.max_per_school > 0) {
    parts.push_back(absl::StrCat("at most ", c.max_per_school, " per school"));
  }
  if (c.has_costs()) {
    parts.push_back(absl::StrCat("total cost at most ", c.cost_budget));
  }
  if (!c.existing.empty()) {
    parts.push_back(
        absl::StrCat("adding to ", c.existing.size(), " leaders in place"));
  }
  return parts.empty() ? "none" : absl::StrJoin(parts, ", ");
}

}  // namespace collabnet
