// Complex contagion (Centola and Macy, "Complex contagions and the weakness
// of long ties", American Journal of Sociology 113(3), 2007): a teacher
// adopts only after enough distinct colleagues have exposed them. When a
// vertex u activates, each out-neighbour v is exposed by u with probability p
// (once per tie); v activates once its exposures reach its threshold: k
// distinct exposures, or, with k = 0, a fraction phi of its in-degree
// (rounded up, at least 1). With p = 1 and k = 2 this is Centola and Macy's
// threshold model; with k = 1 it is the independent cascade.
//
// A replicate draws only from PhiloxStream(seed, replicate, kPurposeCascade).
#ifndef COLLABNET_SIM_COMPLEX_CONTAGION_H_
#define COLLABNET_SIM_COMPLEX_CONTAGION_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "sim/independent_cascade.h"

namespace collabnet {

struct ContagionParams {
  double probability = 1.0;  // p: chance one exposure lands
  int threshold = 2;         // k; 0: use fraction
  double fraction = 0.0;     // phi, used when threshold is 0
  // Empty, or per arc: multiplies p for that tie (capped at 1), as the
  // tie's context (sim/tie_context.h) says.
  std::vector<double> arc_factor = {};
};

struct ContagionModel {
  const DistrictGraph* graph = nullptr;
  std::vector<VertexId> seeds;
  std::uint32_t exposure_threshold = 0;  // ProbabilityThreshold(p)
  // Per arc when ties differ (ContagionParams::arc_factor), else empty.
  std::vector<std::uint32_t> arc_exposure_threshold;
  std::vector<std::uint32_t> needed;  // exposures each vertex needs
};

struct ContagionWorkspace {
  explicit ContagionWorkspace(std::size_t n)
      : plain(n), touched(n), exposures(n) {}
  PlainWorkspace plain;
  ListedVisitBits touched;  // vertices exposed at least once
  std::vector<std::uint32_t> exposures;
};

// InvalidArgument for p outside [0, 1], k < 0, k = 0 with phi outside
// (0, 1], or an out-of-range or repeated seed.
absl::StatusOr<ContagionModel> PrepareComplexContagion(
    const DistrictGraph& graph, const ContagionParams& params,
    const std::vector<VertexId>& seeds);

// Runs one replicate; returns the number of vertices activated, seeds not
// included; ws.plain.queue then holds the seeds and the activated vertices.
std::int64_t RunContagionReplicate(const ContagionModel& model,
                                   std::uint64_t seed, std::uint64_t replicate,
                                   ContagionWorkspace& ws);

}  // namespace collabnet

#endif  // COLLABNET_SIM_COMPLEX_CONTAGION_H_
