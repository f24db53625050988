// Random districts small enough to check placement against brute force
// and reverse samples against Monte Carlo.
#ifndef COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_
#define COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/district_graph.h"
#include "place/constraints.h"
#include "proto/district.pb.h"

namespace collabnet::testing {

// `n` teachers "t0".. in `schools` schools of readiness spread over [0.2,
// 1], about a tenth of them teacher leaders or coaches, and `ties` distinct
// ties over five channels, a quarter of them directed.
inline District RandomDistrict(int n, int schools, int ties,
                               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  District d;
  d.set_name("random");
  for (int s = 0; s < schools; ++s) {
    School* school = d.add_schools();
    school->set_id(absl::StrCat("s", s));
    school->set_name(absl::StrCat("School ", s));
    school->set_readiness(
        schools == 1 ? 1.0 : std::min(1.0, 0.2 + 0.8 * s / (schools - 1)));
    school->set_title_i(s % 2 == 0);
  }
  for (int v = 0; v < n; ++v) {
    Teacher* t = d.add_teachers();
    t->set_id(absl::StrCat("t", v));
    t->set_school_id(absl::StrCat("s", v % schools));
    t->set_role(v % 10 == 3 ? TEACHER_LEADER : v % 10 == 7 ? COACH : TEACHER);
    t->add_grades(v % 3);
  }
  const Channel channels[] = {PD_WORKSHOP, PLC, CO_TEACHING, SOCIAL_MEDIA,
                              JOB_EMBEDDED_COACHING};
  std::set<std::pair<int, int>> seen;
  std::uniform_int_distribution<int> pick(0, n - 1);
  while (static_cast<int>(seen.size()) < ties) {
    int a = pick(rng);
    int b = pick(rng);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (!seen.insert({a, b}).second) continue;
    Tie* tie = d.add_ties();
    const bool directed = rng() % 4 == 0;
    const bool flip = directed && rng() % 2 == 0;
    tie->set_source(absl::StrCat("t", flip ? b : a));
    tie->set_target(absl::StrCat("t", flip ? a : b));
    tie->set_directed(directed);
    tie->set_channel(channels[rng() % 5]);
  }
  return d;
}

inline std::uint32_t Mask(const std::vector<VertexId>& set) {
  std::uint32_t mask = 0;
  for (VertexId v : set) mask |= 1u << v;
  return mask;
}

// Whether `chosen` (a bit mask) meets the constraints, as brute force
// checks every set.
inline bool Feasible(const DistrictGraph& g, const PlacementConstraints& c,
                     std::uint32_t chosen) {
  const int count = std::popcount(chosen);
  if (c.has_costs() ? count > c.budget : count != c.budget) return false;
  double cost = 0;
  std::vector<int> per_school(g.num_schools(), 0);
  for (VertexId e : c.existing) {
    if ((chosen >> e & 1u) != 0) return false;
    ++per_school[g.school_of(e)];
  }
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    if ((chosen >> v & 1u) == 0) continue;
    if (!c.eligible.empty() && c.eligible[v] == 0) return false;
    ++per_school[g.school_of(v)];
    if (c.has_costs()) cost += c.cost[v];
  }
  if (c.has_costs() && cost > c.cost_budget + 1e-9) return false;
  if (c.max_per_school > 0) {
    for (int k : per_school) {
      if (k > c.max_per_school) {
        // Schools over the limit through leaders in place only are fine.
        return false;
      }
    }
  }
  return true;
}

struct Case {
  const char* name;
  PlacementConstraints constraints;
};

// Each kind of constraint, for a district of ten teachers.
inline std::vector<Case> Cases(int budget) {
  std::vector<Case> cases;
  cases.push_back({"none", {}});
  Case per_school{"one_per_school", {}};
  per_school.constraints.max_per_school = 1;
  cases.push_back(per_school);
  Case eligible{"eligible", {}};
  eligible.constraints.eligible = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0};
  cases.push_back(eligible);
  Case existing{"in_place", {}};
  existing.constraints.existing = {4};
  cases.push_back(existing);
  Case costs{"costs", {}};
  for (int v = 0; v < 10; ++v) costs.constraints.cost.push_back(1 + v % 3);
  costs.constraints.cost_budget = 1.5 * budget;
  cases.push_back(costs);
  for (Case& c : cases) {
    c.constraints.budget = budget;
    if (budget == 3 && std::string(c.name) == "one_per_school") {
      c.constraints.max_per_school = 2;  // two schools: room for four
    }
  }
  return cases;
}

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_PLACE_PLACE_TEST_SUPPORT_H_
