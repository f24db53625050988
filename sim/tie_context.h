// The case study's context on a tie, shared by every model: "teaching
// expertise is likely to spread faster by utilizing teacher leaders who
// teach in a similar context", and from sources with pedagogical
// credibility. A tie (u, v) is weighed by
//   (u is a teacher leader or coach ? leader_credibility : 1)
//   * (same school ? same_school_multiplier : 1)
//   * (a shared grade ? same_grade_multiplier : 1)
//   * (a shared subject ? same_subject_multiplier : 1).
// The cascades multiply tie probabilities by it (capped at 1); the linear
// threshold multiplies in-weights by it before normalising them.
#ifndef COLLABNET_SIM_TIE_CONTEXT_H_
#define COLLABNET_SIM_TIE_CONTEXT_H_

#include <vector>

#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet {

struct TieContext {
  double credibility = 1;
  double same_school = 1;
  double same_grade = 1;
  double same_subject = 1;
  bool neutral() const {
    return credibility == 1 && same_school == 1 && same_grade == 1 &&
           same_subject == 1;
  }
};

// The scenario's factors, unset read as 1. The scenario must be valid
// (ValidateScenario checks that the factors given are positive).
TieContext TieContextOf(const Scenario& scenario);

// The factor of every arc of `graph`; empty when `context` is neutral.
std::vector<double> TieContextFactors(const DistrictGraph& graph,
                                      const TieContext& context);

}  // namespace collabnet

#endif  // COLLABNET_SIM_TIE_CONTEXT_H_
