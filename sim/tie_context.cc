#include "sim/tie_context.h"

#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

absl::StatusOr<double> Factor(double value, const char* field) {
  if (value == 0) return 1.0;
  if (!(value > 0 && std::isfinite(value))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario: field '", field, "' must be positive, got ", value));
  }
  return value;
}

}  // namespace

absl::StatusOr<TieContext> TieContextOf(const Scenario& scenario) {
  TieContext c;
  for (auto [field, value, out] :
       {std::tuple{"leader_credibility", scenario.leader_credibility(),
                   &c.credibility},
        std::tuple{"same_school_multiplier", scenario.same_school_multiplier(),
                   &c.same_school},
        std::tuple{"same_grade_multiplier", scenario.same_grade_multiplier(),
                   &c.same_grade},
        std::tuple{"same_subject_multiplier",
                   scenario.same_subject_multiplier(), &c.same_subject}}) {
    absl::StatusOr<double> f = Factor(value, field);
    if (!f.ok()) return f.status();
    *out = *f;
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
