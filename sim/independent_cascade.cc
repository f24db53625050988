#include "sim/independent_cascade.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "random/philox_stream.h"
#include "sim/cascade_model.h"

namespace collabnet {
namespace {

// Jump scale for largest probability q: 0 (nothing succeeds), kDirect, or
// 1 / log(1 - q) (negative).
double JumpScale(double q) {
  if (!(q > 0)) return 0;
  if (q > kDirectDrawAbove) return IcModel::kDirect;
  return 1.0 / std::log1p(-q);
}

}  // namespace

absl::Status CheckSeeds(const DistrictGraph& graph,
                        const std::vector<VertexId>& seeds) {
  absl::flat_hash_set<VertexId> seen;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (seeds[i] >= graph.num_vertices() || !seen.insert(seeds[i]).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("seed ", i, " is out of range or repeated"));
    }
  }
  return absl::OkStatus();
}

std::vector<double> IcArcProbabilities(const DistrictGraph& g,
                                       const IcParams& params) {
  const ArcIndex m = g.num_arcs();
  std::vector<double> p(m, params.probability);
  if (params.weighting == IcWeighting::kWeightedCascade) {
    std::vector<std::uint32_t> in_degree(g.num_vertices(), 0);
    for (VertexId v : g.targets()) ++in_degree[v];
    for (ArcIndex a = 0; a < m; ++a) {
      p[a] = 1.0 / in_degree[g.arc_target(a)];
    }
  } else if (params.weighting == IcWeighting::kTieWeight) {
    for (ArcIndex a = 0; a < m; ++a) {
      p[a] = std::min(1.0, params.probability * g.arc_weight(a));
    }
  }
  return p;
}

absl::StatusOr<IcModel> PrepareIndependentCascade(
    const DistrictGraph& graph, const IcParams& params,
    const std::vector<VertexId>& seeds) {
  if (!(params.probability >= 0 && params.probability <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the cascade probability must be in [0, 1], got ", params.probability));
  }
  IcModel model;
  model.graph = &graph;
  if (absl::Status s = CheckSeeds(graph, seeds); !s.ok()) return s;
  model.seeds = seeds;
  const VertexId n = graph.num_vertices();
  if (params.weighting == IcWeighting::kUniform) {
    const double scale = JumpScale(params.probability);
    if (scale == IcModel::kDirect) {
      model.jump_scale.assign(n, scale);
      model.arc_threshold.assign(graph.num_arcs(),
                                 ProbabilityThreshold(params.probability));
    } else {
      model.uniform = true;
      model.uniform_jump_scale = scale;
    }
    return model;
  }
  model.jump_scale.assign(n, 0);
  const std::vector<double> p = IcArcProbabilities(graph, params);
  model.arc_threshold.resize(graph.num_arcs());
  for (VertexId u = 0; u < n; ++u) {
    double q = 0;
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      q = std::max(q, p[a]);
    }
    const double scale = JumpScale(q);
    model.jump_scale[u] = scale;
    for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
      model.arc_threshold[a] = ProbabilityThreshold(
          scale == IcModel::kDirect ? p[a] : (q > 0 ? p[a] / q : 0));
    }
  }
  return model;
}

std::int64_t RunIcReplicate(const IcModel& model, std::uint64_t seed,
                            std::uint64_t replicate, PlainWorkspace& ws) {
  const DistrictGraph& g = *model.graph;
  const ArcIndex* const offsets = g.offsets().data();
  const VertexId* const targets = g.targets().data();
  const double* const jump_scale = model.jump_scale.data();
  const std::uint32_t* const threshold = model.arc_threshold.data();
  const bool uniform = model.uniform;
  VisitBits& visited = ws.visited;
  std::vector<VertexId>& queue = ws.queue;

  ws.Start(model.seeds);
  PhiloxStream rng(seed, replicate, kPurposeCascade);
  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const VertexId u = queue[head];
    const ArcIndex begin = offsets[u];
    const ArcIndex end = offsets[u + 1];
    arcs += end - begin;
    const double scale = uniform ? model.uniform_jump_scale : jump_scale[u];
    if (scale == 0) continue;
    if (scale == IcModel::kDirect) {
      for (ArcIndex a = begin; a < end; ++a) {
        const VertexId v = targets[a];
        // A draw for a vertex already active cannot change anything.
        if (visited.Visited(v)) continue;
        if (std::min(rng.NextU32(), kMaxDraw) < threshold[a]) {
          visited.Visit(v);
          queue.push_back(v);
        }
      }
      continue;
    }
    // Geometric jumps to the arcs that fire at the largest probability q;
    // each landing arc then succeeds with p(u, v) / q.
    ArcIndex a = begin;
    const auto fscale = static_cast<float>(scale);
    for (;;) {
      // log(U) * scale >= 0, so truncation is the floor once the range is
      // checked. A single-precision log of a 32-bit uniform moves each jump
      // boundary by at most 2^-25 in probability (see the header).
      const float jump = std::log(rng.NextOpenFloat()) * fscale;
      if (jump >= static_cast<float>(end - a)) break;
      a += static_cast<ArcIndex>(jump);
      if (uniform || std::min(rng.NextU32(), kMaxDraw) < threshold[a]) {
        const VertexId v = targets[a];
        if (visited.Visit(v)) queue.push_back(v);
      }
      ++a;
    }
  }
  ws.arcs_examined = arcs;
  return static_cast<std::int64_t>(queue.size() - model.seeds.size());
}

}  // namespace collabnet
