// Schools as groups: Krackhardt and Stern's E-I index (1988) at teacher,
// school and network level, and each school's own figures.
//
// E-I = (external - internal) / (external + internal), over ties as the
// network holds them (each ordered pair of a directed network, each pair
// of an undirected one): -1 when every tie stays within schools, +1 when
// every tie crosses. A teacher's counts the ties to and from them (a
// mutual pair of a directed network twice); a school's, the ties with both
// ends in it (internal) or one (external); the network's, every tie. NaN
// with no tie to count.
#ifndef COLLABNET_MEASURES_SCHOOL_GROUPS_H_
#define COLLABNET_MEASURES_SCHOOL_GROUPS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "measures/measure_network.h"

namespace collabnet {

struct SchoolGroup {
  std::int32_t teachers = 0;
  std::int64_t internal_ties = 0;
  std::int64_t external_ties = 0;
  // Internal ties over the school's ordered pairs (directed) or pairs.
  double density = 0;
  // The share of internal ties whose reverse is one too (1 undirected);
  // NaN with no internal tie.
  double reciprocity = 0;
  double ei_index = 0;
  std::int32_t isolates = 0;  // teachers with no tie at all
  // Leaders or within two ties of one, out from the leader, over the
  // school's teachers; NaN when no leader was given.
  double near_leader_share = 0;
};

struct SchoolGroups {
  std::vector<double> teacher_ei;    // per teacher
  std::vector<SchoolGroup> schools;  // per school index
  double network_ei = 0;
};

// `school_of` gives each teacher's school, below `num_schools`.
SchoolGroups ComputeSchoolGroups(const MeasureNetwork& net,
                                 std::span<const std::uint32_t> school_of,
                                 std::uint32_t num_schools,
                                 std::span<const VertexId> leaders);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_SCHOOL_GROUPS_H_
