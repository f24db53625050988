#include "measures/school_groups.h"

#include <limits>

namespace collabnet {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double EiIndex(double external, double internal) {
  const double all = external + internal;
  return all > 0 ? (external - internal) / all : kNaN;
}

// Teachers at most two out-ties from a leader, leaders included.
std::vector<bool> NearLeaders(const MeasureNetwork& net,
                              std::span<const VertexId> leaders) {
  std::vector<bool> near(net.num_vertices(), false);
  std::vector<VertexId> frontier(leaders.begin(), leaders.end());
  for (VertexId l : leaders) near[l] = true;
  for (int step = 0; step < 2; ++step) {
    std::vector<VertexId> next;
    for (VertexId u : frontier) {
      for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
        const VertexId v = net.out_target(i);
        if (!near[v]) {
          near[v] = true;
          next.push_back(v);
        }
      }
    }
    frontier = std::move(next);
  }
  return near;
}

}  // namespace

SchoolGroups ComputeSchoolGroups(const MeasureNetwork& net,
                                 std::span<const std::uint32_t> school_of,
                                 std::uint32_t num_schools,
                                 std::span<const VertexId> leaders) {
  const VertexId n = net.num_vertices();
  const bool directed = net.directed();
  SchoolGroups out;
  out.schools.resize(num_schools);
  std::vector<std::int64_t> internal_mutual(num_schools, 0);
  std::vector<std::int64_t> in_tie(n, 0), ex_tie(n, 0);
  std::int64_t internal = 0, external = 0;
  for (VertexId u = 0; u < n; ++u) {
    for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
      const VertexId v = net.out_target(i);
      // An undirected tie is held both ways: count it from its lower end.
      if (!directed && v < u) continue;
      const std::uint32_t su = school_of[u], sv = school_of[v];
      if (su == sv) {
        ++internal;
        ++in_tie[u];
        ++in_tie[v];
        ++out.schools[su].internal_ties;
        if (!directed || net.TieWeight(v, u) > 0) ++internal_mutual[su];
      } else {
        ++external;
        ++ex_tie[u];
        ++ex_tie[v];
        ++out.schools[su].external_ties;
        ++out.schools[sv].external_ties;
      }
    }
  }
  out.network_ei =
      EiIndex(static_cast<double>(external), static_cast<double>(internal));
  out.teacher_ei.resize(n);
  const std::vector<bool> near = NearLeaders(net, leaders);
  std::vector<std::int64_t> near_count(num_schools, 0);
  for (VertexId v = 0; v < n; ++v) {
    out.teacher_ei[v] =
        EiIndex(static_cast<double>(ex_tie[v]), static_cast<double>(in_tie[v]));
    SchoolGroup& s = out.schools[school_of[v]];
    ++s.teachers;
    if (in_tie[v] + ex_tie[v] == 0) ++s.isolates;
    if (near[v]) ++near_count[school_of[v]];
  }
  for (std::uint32_t k = 0; k < num_schools; ++k) {
    SchoolGroup& s = out.schools[k];
    const double size = s.teachers;
    const double pairs = directed ? size * (size - 1) : size * (size - 1) / 2;
    s.density = pairs > 0 ? static_cast<double>(s.internal_ties) / pairs : kNaN;
    s.reciprocity = s.internal_ties > 0
                        ? static_cast<double>(internal_mutual[k]) /
                              static_cast<double>(s.internal_ties)
                        : kNaN;
    s.ei_index = EiIndex(static_cast<double>(s.external_ties),
                         static_cast<double>(s.internal_ties));
    s.near_leader_share = leaders.empty() || s.teachers == 0
                              ? kNaN
                              : static_cast<double>(near_count[k]) / size;
  }
  return out;
}

}  // namespace collabnet
