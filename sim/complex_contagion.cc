#include "sim/complex_contagion.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "random/philox_stream.h"
#include "sim/cascade_model.h"

namespace collabnet {

absl::StatusOr<ContagionModel> PrepareComplexContagion(
    const DistrictGraph& graph, const ContagionParams& params,
    const std::vector<VertexId>& seeds) {
  if (!(params.probability >= 0 && params.probability <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the exposure probability must be in [0, 1], got ",
                     params.probability));
  }
  if (params.threshold < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the contagion threshold must be >= 0, got ", params.threshold));
  }
  if (params.threshold == 0 && !(params.fraction > 0 && params.fraction <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "with threshold 0 the contagion fraction must be in (0, 1], got ",
        params.fraction));
  }
  ContagionModel model;
  model.graph = &graph;
  if (absl::Status s = CheckSeeds(graph, seeds); !s.ok()) return s;
  model.seeds = seeds;
  model.exposure_threshold = ProbabilityThreshold(params.probability);
  if (!params.arc_factor.empty()) {
    if (params.arc_factor.size() != graph.num_arcs()) {
      return absl::InvalidArgumentError("one tie factor per arc expected");
    }
    model.arc_exposure_threshold.resize(graph.num_arcs());
    for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
      model.arc_exposure_threshold[a] = ProbabilityThreshold(
          std::min(1.0, params.probability * params.arc_factor[a]));
    }
  }
  model.needed.assign(graph.num_vertices(),
                      static_cast<std::uint32_t>(params.threshold));
  if (params.threshold == 0) {
    std::vector<std::uint32_t> in_degree(graph.num_vertices(), 0);
    for (VertexId v : graph.targets()) ++in_degree[v];
    for (VertexId v = 0; v < graph.num_vertices(); ++v) {
      model.needed[v] = std::max<std::uint32_t>(
          1, static_cast<std::uint32_t>(
                 std::ceil(params.fraction * in_degree[v] - 1e-9)));
    }
  }
  return model;
}

std::int64_t RunContagionReplicate(const ContagionModel& model,
                                   std::uint64_t seed, std::uint64_t replicate,
                                   ContagionWorkspace& ws) {
  const DistrictGraph& g = *model.graph;
  const ArcIndex* const offsets = g.offsets().data();
  const VertexId* const targets = g.targets().data();
  VisitBits& active = ws.plain.visited;
  std::vector<VertexId>& queue = ws.plain.queue;
  std::uint32_t* const exposures = ws.exposures.data();

  ws.plain.Start(model.seeds);
  ws.touched.Clear();
  PhiloxStream rng(seed, replicate, kPurposeCascade);
  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const VertexId u = queue[head];
    arcs += offsets[u + 1] - offsets[u];
    for (ArcIndex a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
      const VertexId v = targets[a];
      if (active.Visited(v)) continue;
      const std::uint32_t threshold = model.arc_exposure_threshold.empty()
                                          ? model.exposure_threshold
                                          : model.arc_exposure_threshold[a];
      if (std::min(rng.NextU32(), kMaxDraw) >= threshold) continue;
      if (ws.touched.Visit(v)) {
        exposures[v] = 0;
      }
      if (++exposures[v] >= model.needed[v]) {
        active.Visit(v);
        queue.push_back(v);
      }
    }
  }
  ws.plain.arcs_examined = arcs;
  return static_cast<std::int64_t>(queue.size() - model.seeds.size());
}

}  // namespace collabnet
