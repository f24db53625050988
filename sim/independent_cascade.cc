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

// Plans one vertex's arcs [begin, end) with probabilities p: certain arcs
// first (their order otherwise kept), then the uncertain ones with their
// values. `uncertain_p` is scratch.
IcVertexPlan PlanVertex(const DistrictGraph& g, const std::vector<double>& p,
                        ArcIndex begin, ArcIndex end, IcModel& model,
                        std::vector<double>& uncertain_p) {
  IcVertexPlan plan;
  plan.begin = begin;
  plan.end = end;
  ArcIndex out = begin;
  for (ArcIndex a = begin; a < end; ++a) {
    if (p[a] < 1) continue;
    model.targets[out] = g.arc_target(a);
    model.values[out++] = 1;
  }
  plan.uncertain = out;
  uncertain_p.clear();
  double q = 0;
  double hazard = 0;
  for (ArcIndex a = begin; a < end; ++a) {
    if (p[a] >= 1) continue;
    model.targets[out++] = g.arc_target(a);
    uncertain_p.push_back(p[a]);
    q = std::max(q, p[a]);
    hazard -= std::log1p(-p[a]);
  }
  float* const value = model.values.data() + plan.uncertain;
  const std::size_t count = uncertain_p.size();
  if (!(q > 0)) {
    plan.draw = 1;  // survival 1 throughout: nothing succeeds
    std::fill_n(value, count, 1.0f);
  } else if (hazard <= kMaxSurvivalHazard) {
    double survival = 1;
    for (std::size_t i = 0; i < count; ++i) {
      survival *= 1 - uncertain_p[i];
      value[i] = static_cast<float>(survival);
    }
    plan.draw = value[count - 1];
  } else if (q > kDirectDrawAbove) {
    plan.draw = kIcDrawDirect;
    for (std::size_t i = 0; i < count; ++i) {
      value[i] = static_cast<float>(uncertain_p[i]);
    }
  } else {
    plan.draw = static_cast<float>(1.0 / std::log1p(-q));
    for (std::size_t i = 0; i < count; ++i) {
      value[i] = static_cast<float>(uncertain_p[i] / q);
    }
  }
  return plan;
}

// Counts the survivals in [a, a + n), n <= kIcValuePadding, that are at
// least t: four lanes at a time and without branches, since where a run of
// survivals drops below U * S is as unpredictable as the draw.
inline ArcIndex CountAtLeast(const float* values, ArcIndex a, ArcIndex n,
                             float t) {
  using Floats = float __attribute__((vector_size(16)));
  using Ints = std::int32_t __attribute__((vector_size(16)));
  const Floats threshold = {t, t, t, t};
  const auto limit = static_cast<std::int32_t>(n);
  Ints lane = {0, 1, 2, 3};
  Ints count = {0, 0, 0, 0};
  for (std::size_t block = 0; block < kIcValuePadding; block += 4) {
    Floats x;
    std::memcpy(&x, values + a + block, sizeof x);
    count -= (x >= threshold) & (lane < limit);
    lane += 4;
  }
  return static_cast<ArcIndex>(count[0] + count[1] + count[2] + count[3]);
}

// Geometric jumps over arcs [a, end) at the probability whose jump scale
// is `scale`; calls land(a) for each arc landed on. log(U) * scale >= 0, so
// truncation is the floor once the range is checked. A single-precision
// log of a 32-bit uniform moves each jump boundary by at most 2^-25 in
// probability (see the header).
template <typename Land>
void Jump(ArcIndex a, ArcIndex end, float scale, PhiloxStream& rng, Land land) {
  for (;;) {
    const float jump = std::log(rng.NextOpenFloat()) * scale;
    if (jump >= static_cast<float>(end - a)) return;
    a += static_cast<ArcIndex>(jump);
    land(a);
    ++a;
  }
}

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

// A uniform draw in [0, 1) compared against a float probability.
bool Accept(PhiloxStream& rng, float p) {
  return static_cast<float>(rng.NextU32() >> 8) * 0x1p-24f < p;
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
      p[a] = params.probability * g.arc_weight(a);
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
  if (params.weighting == IcWeighting::kUniform && params.arc_factor.empty()) {
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
  const std::vector<double> p = IcArcProbabilities(graph, params);
  const VertexId n = graph.num_vertices();
  model.plans.resize(n);
  model.targets.resize(graph.num_arcs());
  model.values.assign(graph.num_arcs() + kIcValuePadding, 0);
  std::vector<double> uncertain_p;
  for (VertexId u = 0; u < n; ++u) {
    model.plans[u] = PlanVertex(graph, p, graph.arc_begin(u), graph.arc_end(u),
                                model, uncertain_p);
  }
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
  const IcVertexPlan* const plans = model.plans.data();
  const VertexId* const targets = model.targets.data();
  const float* const values = model.values.data();
  VisitBits& visited = ws.visited;
  std::vector<VertexId>& queue = ws.queue;
  const auto visit = [&](ArcIndex a) {
    const VertexId v = targets[a];
    if (visited.Visit(v)) queue.push_back(v);
  };

  std::int64_t arcs = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const IcVertexPlan plan = plans[queue[head]];
    const ArcIndex end = plan.end;
    arcs += end - plan.begin;
    ArcIndex a = plan.begin;
    for (; a < plan.uncertain; ++a) visit(a);
    if (plan.draw > 1) {
      for (; a < end; ++a) {
        // A draw for a vertex already active cannot change anything.
        if (!visited.Visited(targets[a]) && Accept(rng, values[a])) visit(a);
      }
    } else if (plan.draw < 0) {
      Jump(a, end, plan.draw, rng, [&](ArcIndex b) {
        if (Accept(rng, values[b])) visit(b);
      });
    } else {
      // The next success is the first arc whose survival falls below U
      // times the survival at the last success (see the header).
      const float last = plan.draw;
      float base = 1;
      while (a < end) {
        const auto t = static_cast<float>(base * rng.NextOpenDouble32());
        if (last >= t) break;
        // Whole blocks of survivals at least t are skipped; the block
        // where they drop holds the success.
        for (;;) {
          const ArcIndex n = std::min<ArcIndex>(
              end - a, static_cast<ArcIndex>(kIcValuePadding));
          const ArcIndex skip = CountAtLeast(values, a, n, t);
          a += skip;
          if (skip < n) break;
        }
        visit(a);
        base = values[a];
        ++a;
      }
    }
  }
  ws.arcs_examined = arcs;
  return static_cast<std::int64_t>(queue.size() - model.seeds.size());
}

}  // namespace collabnet
