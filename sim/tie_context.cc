#include "sim/tie_context.h"

namespace collabnet {

TieContext TieContextOf(const Scenario& scenario) {
  TieContext c;
  if (scenario.has_leader_credibility()) {
    c.credibility = scenario.leader_credibility();
  }
  if (scenario.has_same_school_multiplier()) {
    c.same_school = scenario.same_school_multiplier();
  }
  if (scenario.has_same_grade_multiplier()) {
    c.same_grade = scenario.same_grade_multiplier();
  }
  if (scenario.has_same_subject_multiplier()) {
    c.same_subject = scenario.same_subject_multiplier();
  }
  return c;
}

std::vector<double> TieContextFactors(const DistrictGraph& graph,
                                      const TieContext& context) {
  std::vector<double> factor;
  if (context.neutral()) return factor;
  factor.resize(graph.num_arcs());
  for (VertexId u = 0; u < graph.num_vertices(); ++u) {
    const Role role = graph.role(u);
    const double source =
        (role == TEACHER_LEADER || role == COACH) ? context.credibility : 1.0;
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      const VertexId v = graph.arc_target(a);
      double f = source;
      if (graph.school_of(u) == graph.school_of(v)) f *= context.same_school;
      if ((graph.grade_mask(u) & graph.grade_mask(v)) != 0) {
        f *= context.same_grade;
      }
      if ((graph.subject_mask(u) & graph.subject_mask(v)) != 0) {
        f *= context.same_subject;
      }
      factor[a] = f;
    }
  }
  return factor;
}

}  // namespace collabnet
