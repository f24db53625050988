#include "sim/cascade_model.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "proto/channel_names.h"
#include "sim/tie_context.h"

namespace collabnet {

std::uint32_t ProbabilityThreshold(double p) {
  if (!(p > 0)) return 0;
  if (p >= 1) return kAlways;
  const double scaled = std::floor(p * 4294967296.0);
  return scaled >= 4294967295.0 ? kAlways : static_cast<std::uint32_t>(scaled);
}

absl::StatusOr<CascadeModel> PrepareCascade(const DistrictGraph& graph,
                                            const Scenario& scenario) {
  CascadeModel model;
  model.graph = &graph;

  std::array<double, kNumChannels> probability{};
  std::array<bool, kNumChannels> listed{};
  for (int i = 0; i < scenario.channels_size(); ++i) {
    const ChannelParams& c = scenario.channels(i);
    const int ch = static_cast<int>(c.channel());
    const std::string where = absl::StrCat("scenario channels[", i, "] (",
                                           ChannelFileName(c.channel()), ")");
    if (ch <= 0 || ch >= kNumChannels) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": field 'channel' is unspecified"));
    }
    if (listed[ch]) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": the channel is listed twice"));
    }
    listed[ch] = true;
    if (!(c.probability() >= 0 && c.probability() <= 1)) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": field 'probability' must be in [0, 1], got ",
                       c.probability()));
    }
    probability[ch] = c.probability();
    const double mean = c.mean_delay_weeks() == 0 ? 1 : c.mean_delay_weeks();
    if (!(mean >= 1 && std::isfinite(mean))) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": field 'mean_delay_weeks' must be at least 1, got ",
          c.mean_delay_weeks()));
    }
    model.delay_scale[ch] = mean == 1 ? 0 : 1.0 / std::log1p(-1.0 / mean);
  }

  for (double a : {scenario.adoption_at_zero_readiness(),
                   scenario.adoption_at_full_readiness()}) {
    if (!(a >= 0 && a <= 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "scenario: adoption probabilities must be in [0, 1], got ", a));
    }
  }
  if (scenario.horizon_weeks() < 0) {
    return absl::InvalidArgumentError(
        "scenario: field 'horizon_weeks' must be >= 0 (0 means no horizon)");
  }
  model.horizon_weeks = scenario.horizon_weeks();
  const double lapse = scenario.lapse_probability();
  if (!(lapse >= 0 && lapse <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario: field 'lapse_probability' must be in [0, 1], got ", lapse));
  }
  model.lapse_always = lapse == 1;
  const Broadcast& broadcast = scenario.broadcast();
  if (!(broadcast.probability() >= 0 && broadcast.probability() <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario broadcast: field 'probability' must be in [0, 1], got ",
        broadcast.probability()));
  }
  absl::StatusOr<SchoolCalendar> calendar =
      SchoolCalendar::Make(scenario.calendar());
  if (!calendar.ok()) return calendar.status();
  model.calendar = *std::move(calendar);
  const LeaderCapacity& capacity = scenario.leader_capacity();
  if (capacity.teachers_per_term() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "scenario leader_capacity: field 'teachers_per_term' must be >= 0 "
        "(0 means no limit), got ",
        capacity.teachers_per_term()));
  }
  model.capacity = capacity.teachers_per_term();
  if (capacity.channels().empty()) {
    model.capacity_channel[JOB_EMBEDDED_COACHING] = true;
    model.capacity_channel[CO_TEACHING] = true;
  }
  for (int i = 0; i < capacity.channels_size(); ++i) {
    const int ch = capacity.channels(i);
    if (ch <= 0 || ch >= kNumChannels || model.capacity_channel[ch]) {
      return absl::InvalidArgumentError(
          absl::StrCat("scenario leader_capacity: channels[", i,
                       "] is unspecified or listed twice"));
    }
    model.capacity_channel[ch] = true;
  }

  for (int week : broadcast.weeks()) {
    if (week < 1 || (model.horizon_weeks > 0 && week > model.horizon_weeks)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "scenario broadcast: week ", week, " must be from 1 to the horizon"));
    }
    model.broadcast_weeks.push_back(week);
  }
  if (broadcast.weeks().empty() && broadcast.probability() > 0) {
    model.broadcast_weeks = model.calendar.PdWeeks(model.horizon_weeks);
  }
  std::sort(model.broadcast_weeks.begin(), model.broadcast_weeks.end());
  model.broadcast_weeks.erase(
      std::unique(model.broadcast_weeks.begin(), model.broadcast_weeks.end()),
      model.broadcast_weeks.end());
  const double q = broadcast.probability();
  model.broadcast_scale = q >= 1  ? CascadeModel::kBroadcastAll
                          : q > 0 ? 1.0 / std::log1p(-q)
                                  : 0;
  model.lapse_scale = lapse > 0 && lapse < 1 ? 1.0 / std::log1p(-lapse) : 0;

  const absl::StatusOr<TieContext> context = TieContextOf(scenario);
  if (!context.ok()) return context.status();
  const std::vector<double> factor = TieContextFactors(graph, *context);

  const VertexId n = graph.num_vertices();
  model.arc_threshold.resize(graph.num_arcs());
  for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
    const double p = probability[graph.arc_channel(a)] * graph.arc_weight(a) *
                     (factor.empty() ? 1.0 : factor[a]);
    model.arc_threshold[a] = ProbabilityThreshold(std::min(1.0, p));
  }

  model.adopt_threshold.resize(n);
  const double a0 = scenario.adoption_at_zero_readiness();
  const double a1 = scenario.adoption_at_full_readiness();
  for (VertexId v = 0; v < n; ++v) {
    const double r = graph.school_readiness(graph.school_of(v));
    model.adopt_threshold[v] = ProbabilityThreshold(a0 + (a1 - a0) * r);
  }

  absl::flat_hash_set<VertexId> seen;
  for (int i = 0; i < scenario.leaders_size(); ++i) {
    const std::string& id = scenario.leaders(i);
    const std::optional<VertexId> v = graph.FindTeacher(id);
    if (!v) {
      return absl::InvalidArgumentError(
          absl::StrCat("scenario leaders[", i, "]: teacher '", id,
                       "' is not in the district"));
    }
    if (!seen.insert(*v).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "scenario leaders[", i, "]: teacher '", id, "' is listed twice"));
    }
    model.leaders.push_back(*v);
  }
  return model;
}

}  // namespace collabnet
