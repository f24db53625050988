// Preparing the multi-channel cascade: everything a replicate needs that
// does not change between replicates, computed once from a valid scenario.
#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "sim/multi_channel_cascade.h"
#include "sim/tie_context.h"
#include "sim/validate_scenario.h"

namespace collabnet {

std::vector<double> MultiChannelArcProbabilities(const DistrictGraph& graph,
                                                 const Scenario& scenario) {
  std::array<double, kNumChannels> probability{};
  for (const ChannelParams& c : scenario.channels()) {
    probability[c.channel()] = c.probability();
  }
  const std::vector<double> factor =
      TieContextFactors(graph, TieContextOf(scenario));
  std::vector<double> p(graph.num_arcs());
  for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
    p[a] =
        std::min(1.0, probability[graph.arc_channel(a)] * graph.arc_weight(a) *
                          (factor.empty() ? 1.0 : factor[a]));
  }
  return p;
}

std::vector<double> AdoptionProbabilities(const DistrictGraph& graph,
                                          const Scenario& scenario) {
  const MultiChannelParams& m = scenario.multi_channel();
  const double a0 =
      m.has_adoption_at_zero_readiness() ? m.adoption_at_zero_readiness() : 1.0;
  const double a1 =
      m.has_adoption_at_full_readiness() ? m.adoption_at_full_readiness() : 1.0;
  std::vector<double> adopt(graph.num_vertices());
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    const double r = graph.school_readiness(graph.school_of(v));
    adopt[v] = a0 + (a1 - a0) * r;
  }
  return adopt;
}

std::vector<int> BroadcastWeeks(const Scenario& scenario,
                                const SchoolCalendar& calendar) {
  const Broadcast& broadcast = scenario.multi_channel().broadcast();
  std::vector<int> weeks(broadcast.weeks().begin(), broadcast.weeks().end());
  if (broadcast.weeks().empty() && broadcast.probability() > 0) {
    weeks = calendar.PdWeeks(scenario.horizon());
  }
  std::sort(weeks.begin(), weeks.end());
  weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
  return weeks;
}

absl::StatusOr<MultiChannelCascade> MultiChannelCascade::Prepare(
    const DistrictGraph& graph, const Scenario& scenario, DrawMode mode) {
  MultiChannelCascade model;
  if (absl::Status s =
          model.PrepareBase(graph, scenario, Scenario::kMultiChannel);
      !s.ok()) {
    return s;
  }
  const MultiChannelParams& m = scenario.multi_channel();
  model.mode_ = mode;

  for (const ChannelParams& c : scenario.channels()) {
    const double mean = c.has_mean_delay_weeks() ? c.mean_delay_weeks() : 1;
    model.delay_scale_[c.channel()] =
        mean == 1 ? 0 : 1.0 / std::log1p(-1.0 / mean);
  }
  const std::vector<double> p = MultiChannelArcProbabilities(graph, scenario);
  if (mode == DrawMode::kCoupled) {
    model.coins_ = ArcCoins::PerArc(graph, p);
  } else {
    model.arc_threshold_.resize(graph.num_arcs());
    for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
      model.arc_threshold_[a] = ProbabilityThreshold(p[a]);
    }
  }

  const std::vector<double> adopt = AdoptionProbabilities(graph, scenario);
  model.adopt_threshold_.resize(graph.num_vertices());
  for (VertexId v = 0; v < graph.num_vertices(); ++v) {
    model.adopt_threshold_[v] = ProbabilityThreshold(adopt[v]);
  }

  const double lapse = m.lapse_probability();
  model.lapse_always_ = lapse == 1;
  model.lapse_scale_ = lapse > 0 && lapse < 1 ? 1.0 / std::log1p(-lapse) : 0;

  model.calendar_ = *SchoolCalendar::Make(m.calendar());
  model.broadcast_weeks_ = BroadcastWeeks(scenario, model.calendar_);
  const Broadcast& broadcast = m.broadcast();
  model.broadcast_threshold_ = ProbabilityThreshold(broadcast.probability());
  model.broadcast_planes_ = UniformThreshold(model.broadcast_threshold_);
  const double q = broadcast.probability();
  model.broadcast_scale_ = q > 0 && q < 1 ? 1.0 / std::log1p(-q) : 0;

  const LeaderCapacity& capacity = m.leader_capacity();
  model.capacity_ = capacity.teachers_per_term();
  if (capacity.channels().empty()) {
    model.capacity_channel_[JOB_EMBEDDED_COACHING] = true;
    model.capacity_channel_[CO_TEACHING] = true;
  }
  for (int ch : capacity.channels()) model.capacity_channel_[ch] = true;
  if (model.capacity_ > 0) {
    model.leader_index_.assign(graph.num_vertices(), 0);
    for (std::size_t i = 0; i < model.leaders_.size(); ++i) {
      model.leader_index_[model.leaders_[i]] = static_cast<std::uint32_t>(i);
    }
  }
  return model;
}

}  // namespace collabnet
