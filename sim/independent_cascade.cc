#include "sim/independent_cascade.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/status/status.h"
#include "random/philox_stream.h"
#include "sim/probability_threshold.h"
#include "sim/tie_context.h"
#include "sim/validate_scenario.h"

namespace collabnet {

std::vector<double> IcArcProbabilities(const DistrictGraph& g,
                                       const Scenario& scenario) {
  const IndependentCascadeParams& ic = scenario.independent_cascade();
  const ArcIndex m = g.num_arcs();
  std::vector<double> p(m, ic.probability());
  if (ic.probabilities() == IndependentCascadeParams::CHANNELS) {
    std::array<double, kNumChannels> by_channel{};
    for (const ChannelParams& c : scenario.channels()) {
      by_channel[c.channel()] = c.probability();
    }
    for (ArcIndex a = 0; a < m; ++a) p[a] = by_channel[g.arc_channel(a)];
  }
  if (ic.probabilities() == IndependentCascadeParams::WEIGHTED_CASCADE) {
    std::vector<std::uint32_t> in_degree(g.num_vertices(), 0);
    for (VertexId v : g.targets()) ++in_degree[v];
    for (ArcIndex a = 0; a < m; ++a) p[a] = 1.0 / in_degree[g.arc_target(a)];
  } else if (ic.use_tie_weights()) {
    for (ArcIndex a = 0; a < m; ++a) p[a] *= g.arc_weight(a);
  }
  const std::vector<double> factor =
      TieContextFactors(g, TieContextOf(scenario));
  for (ArcIndex a = 0; a < m; ++a) {
    if (!factor.empty()) p[a] *= factor[a];
    p[a] = std::min(1.0, p[a]);
  }
  return p;
}

absl::StatusOr<IndependentCascade> IndependentCascade::Prepare(
    const DistrictGraph& graph, const Scenario& scenario, DrawMode mode) {
  IndependentCascade model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kIndependentCascade);
      !s.ok()) {
    return s;
  }
  model.mode_ = mode;
  model.name_ = ScenarioModelName(scenario);
  const IndependentCascadeParams& ic = scenario.independent_cascade();
  model.uniform_ = ic.probabilities() == IndependentCascadeParams::UNIFORM &&
                   !ic.use_tie_weights() && TieContextOf(scenario).neutral();
  const double p = ic.probability();
  if (mode == DrawMode::kCoupled) {
    model.coins_ =
        model.uniform_
            ? ArcCoins::Uniform(graph, p)
            : ArcCoins::PerArc(graph, IcArcProbabilities(graph, scenario));
  } else if (model.uniform_) {
    model.uniform_direct_ = p > kDirectDrawAbove;
    model.uniform_threshold_ = ProbabilityThreshold(p);
    if (p > 0) model.jump_scale_ = static_cast<float>(1.0 / std::log1p(-p));
  } else {
    model.arc_draws_ =
        PrepareArcDraws(graph, IcArcProbabilities(graph, scenario));
  }
  return model;
}

namespace {

// A replicate's draws of which out-arcs of u succeed, as success(arc) for
// each: coupled, or from the replicate's stream.
struct CoupledIcDraws {
  const ArcCoins& coins;
  const CoupledDraws& draws;
  std::uint32_t replicate;
  template <typename Visited, typename Success>
  void ForEachSuccess(VertexId u, Visited /*visited*/, Success success) {
    coins.ForEachSuccess(draws, replicate, u, success);
  }
};

struct UniformStreamDraws {
  const DistrictGraph& graph;
  PhiloxStream rng;
  bool direct;
  float scale;
  std::uint32_t threshold;
  template <typename Visited, typename Success>
  void ForEachSuccess(VertexId u, Visited visited, Success success) {
    const ArcIndex begin = graph.arc_begin(u);
    const ArcIndex end = graph.arc_end(u);
    if (direct) {
      for (ArcIndex a = begin; a < end; ++a) {
        // A draw for a vertex already active cannot change anything.
        if (!visited(a) && Below(rng.NextU32(), threshold)) success(a);
      }
    } else if (scale != 0) {
      Jump(begin, end, scale, rng, success);
    }
  }
};

struct PerArcStreamDraws {
  const ArcDraws& arcs;
  PhiloxStream rng;
  template <typename Visited, typename Success>
  void ForEachSuccess(VertexId u, Visited visited, Success success) {
    DrawArcs(
        arcs, arcs.plans[u], rng,
        [&](ArcIndex slot) { return visited(arcs.ArcOf(slot)); },
        [&](ArcIndex slot) { success(arcs.ArcOf(slot)); });
  }
};

}  // namespace

template <typename Draws>
void IndependentCascade::Spread(Draws& draws, Workspace& ws,
                                ReplicateCounts& counts) const {
  const VertexId* const targets = graph_->targets().data();
  const std::uint8_t* const channels = graph_->channels().data();
  PlainWorkspace& plain = ws.plain;
  plain.Start(leaders_);
  std::int64_t arcs = 0;
  SpreadByRounds(plain, horizon_, [&](VertexId u, int round) {
    arcs += graph_->arc_end(u) - graph_->arc_begin(u);
    draws.ForEachSuccess(
        u, [&](ArcIndex a) { return plain.visited.Visited(targets[a]); },
        [&](ArcIndex a) {
          const VertexId v = targets[a];
          if (plain.visited.Visit(v)) {
            plain.queue.push_back(v);
            RecordActivation(counts, u, v, round, channels[a]);
          }
        });
  });
  counts.Examine(arcs);
}

void IndependentCascade::Run(std::uint32_t replicate, Workspace& ws,
                             ReplicateCounts& counts) const {
  if (mode_ == DrawMode::kCoupled) {
    CoupledIcDraws draws{coins_, draws_, replicate};
    Spread(draws, ws, counts);
  } else if (uniform_) {
    UniformStreamDraws draws{*graph_,
                             PhiloxStream(seed_, replicate, kPurposeCascade),
                             uniform_direct_, jump_scale_, uniform_threshold_};
    Spread(draws, ws, counts);
  } else {
    PerArcStreamDraws draws{arc_draws_,
                            PhiloxStream(seed_, replicate, kPurposeCascade)};
    Spread(draws, ws, counts);
  }
}

}  // namespace collabnet
