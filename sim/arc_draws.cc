#include "sim/arc_draws.h"

namespace collabnet {
namespace {

// Plans one vertex's arcs [begin, end): certain arcs first (their order
// otherwise kept), then the uncertain ones with their values.
// `uncertain_p` is scratch.
ArcPlan PlanVertex(const DistrictGraph& g, const std::vector<double>& p,
                   ArcIndex begin, ArcIndex end, ArcDraws& d,
                   std::vector<double>& uncertain_p) {
  ArcPlan plan;
  plan.begin = begin;
  plan.end = end;
  const bool reorder = !d.arcs.empty();
  ArcIndex out = begin;
  for (ArcIndex a = begin; a < end; ++a) {
    if (p[a] < 1) continue;
    if (reorder) d.arcs[out] = a;
    d.targets[out] = g.arc_target(a);
    d.values[out++] = 1;
  }
  plan.uncertain = out;
  uncertain_p.clear();
  double q = 0;
  double hazard = 0;
  for (ArcIndex a = begin; a < end; ++a) {
    if (p[a] >= 1) continue;
    if (reorder) d.arcs[out] = a;
    d.targets[out++] = g.arc_target(a);
    uncertain_p.push_back(p[a]);
    q = std::max(q, p[a]);
    hazard -= std::log1p(-p[a]);
  }
  float* const value = d.values.data() + plan.uncertain;
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
    plan.draw = kDrawDirect;
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

}  // namespace

ArcDraws PrepareArcDraws(const DistrictGraph& graph,
                         const std::vector<double>& p) {
  ArcDraws d;
  const VertexId n = graph.num_vertices();
  d.plans.resize(n);
  d.targets.resize(graph.num_arcs());
  d.values.assign(graph.num_arcs() + kValuePadding, 0);
  // Certain arcs go first, so slots differ from arcs only if there are some.
  if (std::any_of(p.begin(), p.end(), [](double x) { return x >= 1; })) {
    d.arcs.resize(graph.num_arcs());
  }
  std::vector<double> uncertain_p;
  for (VertexId u = 0; u < n; ++u) {
    d.plans[u] = PlanVertex(graph, p, graph.arc_begin(u), graph.arc_end(u), d,
                            uncertain_p);
  }
  return d;
}

}  // namespace collabnet
