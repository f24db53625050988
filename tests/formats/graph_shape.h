// A frozen graph as comparable values, for the format tests: what a
// network read from one format or another must agree on.
#ifndef COLLABNET_TESTS_FORMATS_GRAPH_SHAPE_H_
#define COLLABNET_TESTS_FORMATS_GRAPH_SHAPE_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/district.pb.h"

namespace collabnet::testing {

// A frozen graph as comparable values: each vertex's id and school, and
// every arc as (source id, target id, channel, weight), in the graph's
// order.
struct GraphShape {
  std::vector<std::pair<std::string, std::string>> vertices;
  std::vector<std::tuple<std::string, std::string, int, float>> arcs;
  bool operator==(const GraphShape&) const = default;
};

enum class Schools { kIds, kPartition, kNone };

inline GraphShape Shape(const DistrictGraph& g, bool with_channels = true,
                        Schools schools = Schools::kIds) {
  GraphShape s;
  std::map<std::uint32_t, int> order;  // school -> order of first use
  for (VertexId v = 0; v < g.num_vertices(); ++v) {
    const std::uint32_t school = g.school_of(v);
    order.emplace(school, static_cast<int>(order.size()));
    s.vertices.emplace_back(g.teacher_id(v), schools == Schools::kIds
                                                 ? g.school_id(school)
                                             : schools == Schools::kPartition
                                                 ? std::to_string(order[school])
                                                 : "");
    for (ArcIndex a = g.arc_begin(v); a < g.arc_end(v); ++a) {
      s.arcs.emplace_back(g.teacher_id(v), g.teacher_id(g.arc_target(a)),
                          with_channels ? g.arc_channel(a) : 0,
                          g.arc_weight(a));
    }
  }
  if (!with_channels) std::sort(s.arcs.begin(), s.arcs.end());
  return s;
}

inline void PrintTo(const GraphShape& s, std::ostream* os) {
  for (const auto& [id, school] : s.vertices) *os << id << "@" << school << " ";
  *os << "| ";
  for (const auto& [u, v, c, w] : s.arcs) {
    *os << u << "->" << v << ":" << c << ":" << w << " ";
  }
}

inline absl::StatusOr<DistrictGraph> Freeze(const District& d) {
  FreezeOptions o;
  o.require_channels = false;
  return FreezeDistrict(d, o);
}

// Teacher and school fields as comparable text.
inline std::vector<std::string> People(const District& d) {
  std::vector<std::string> out;
  for (const Teacher& t : d.teachers()) {
    std::ostringstream s;
    s << t.id() << "|" << t.school_id() << "|";
    for (int g : t.grades()) s << g << ";";
    s << "|";
    for (const auto& x : t.subjects()) s << x << ";";
    s << "|" << (t.role() == ROLE_UNSPECIFIED ? TEACHER : t.role()) << "|"
      << t.name();
    out.push_back(s.str());
  }
  for (const School& x : d.schools()) {
    std::ostringstream s;
    s << x.id() << "|" << x.name() << "|" << x.title_i() << x.pbis() << "|"
      << x.readiness();
    out.push_back(s.str());
  }
  return out;
}

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_FORMATS_GRAPH_SHAPE_H_
