#include "sim/independent_cascade.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "random/philox_stream.h"
#include "sim/cascade_model.h"

namespace collabnet {
namespace {

// The uniform-probability kernel: no per-vertex or per-arc loads beyond
// the graph's own arrays.
std::int64_t RunUniform(const IcModel& model, PhiloxStream& rng,
                        PlainWorkspace& ws) {
  const DistrictGraph& g = *model.graph;
  const ArcIndex* const offsets = g.offsets().data();
  const VertexId* const targets = g.targets().data();
  VisitBits& visited = ws.visited;
  std::vector<VertexId>& queue = ws.queue;
  const auto scale = static_cast<float>(model.uniform_jump_scale);
  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const VertexId u = queue[head];
    const ArcIndex begin = offsets[u];
    const ArcIndex end = offsets[u + 1];
    arcs += end - begin;
    if (model.uniform_direct) {
      for (ArcIndex a = begin; a < end; ++a) {
        const VertexId v = targets[a];
        // A draw for a vertex already active cannot change anything.
        if (visited.Visited(v)) continue;
        if (std::min(rng.NextU32(), kMaxDraw) < model.uniform_threshold) {
          visited.Visit(v);
          queue.push_back(v);
        }
      }
    } else if (scale != 0) {
      Jump(begin, end, scale, rng, [&](ArcIndex a) {
        const VertexId v = targets[a];
        if (visited.Visit(v)) queue.push_back(v);
      });
    }
  }
  return arcs;
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
  if (!params.channel_probability.empty()) {
    for (ArcIndex a = 0; a < m; ++a) {
      p[a] = params.channel_probability[g.arc_channel(a)];
    }
  }
  if (params.weighting == IcWeighting::kWeightedCascade) {
    std::vector<std::uint32_t> in_degree(g.num_vertices(), 0);
    for (VertexId v : g.targets()) ++in_degree[v];
    for (ArcIndex a = 0; a < m; ++a) {
      p[a] = 1.0 / in_degree[g.arc_target(a)];
    }
  } else if (params.weighting == IcWeighting::kTieWeight) {
    for (ArcIndex a = 0; a < m; ++a) {
      p[a] *= g.arc_weight(a);
    }
  }
  for (ArcIndex a = 0; a < m; ++a) {
    if (!params.arc_factor.empty()) p[a] *= params.arc_factor[a];
    p[a] = std::min(1.0, p[a]);
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
  if (!params.arc_factor.empty() &&
      params.arc_factor.size() != graph.num_arcs()) {
    return absl::InvalidArgumentError("one tie factor per arc expected");
  }
  if (!params.channel_probability.empty()) {
    if (params.channel_probability.size() != kNumChannels) {
      return absl::InvalidArgumentError("one probability per channel expected");
    }
    for (double q : params.channel_probability) {
      if (!(q >= 0 && q <= 1)) {
        return absl::InvalidArgumentError(
            absl::StrCat("channel probabilities must be in [0, 1], got ", q));
      }
    }
    for (std::uint8_t ch : graph.channels()) {
      if (ch == CHANNEL_UNSPECIFIED) {
        return absl::InvalidArgumentError(
            "per-channel probabilities need a district whose ties name "
            "their channel; this network's do not");
      }
    }
  }
  if (params.weighting == IcWeighting::kUniform && params.arc_factor.empty() &&
      params.channel_probability.empty()) {
    const double p = params.probability;
    model.uniform = true;
    if (p > kDirectDrawAbove) {
      model.uniform_direct = true;
      model.uniform_threshold = ProbabilityThreshold(p);
    } else if (p > 0) {
      model.uniform_jump_scale = 1.0 / std::log1p(-p);
    }
    return model;
  }
  model.draws = PrepareArcDraws(graph, IcArcProbabilities(graph, params));
  return model;
}

std::int64_t RunIcReplicate(const IcModel& model, std::uint64_t seed,
                            std::uint64_t replicate, PlainWorkspace& ws) {
  ws.Start(model.seeds);
  PhiloxStream rng(seed, replicate, kPurposeCascade);
  if (model.uniform) {
    ws.arcs_examined = RunUniform(model, rng, ws);
    return static_cast<std::int64_t>(ws.queue.size() - model.seeds.size());
  }
  const ArcDraws& draws = model.draws;
  const ArcPlan* const plans = draws.plans.data();
  const VertexId* const targets = draws.targets.data();
  VisitBits& visited = ws.visited;
  std::vector<VertexId>& queue = ws.queue;
  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const ArcPlan& plan = plans[queue[head]];
    arcs += plan.end - plan.begin;
    DrawArcs(
        draws, plan, rng,
        // A draw for a vertex already active cannot change anything.
        [&](ArcIndex a) { return visited.Visited(targets[a]); },
        [&](ArcIndex a) {
          const VertexId v = targets[a];
          if (visited.Visit(v)) queue.push_back(v);
        });
  }
  ws.arcs_examined = arcs;
  return static_cast<std::int64_t>(queue.size() - model.seeds.size());
}

}  // namespace collabnet
