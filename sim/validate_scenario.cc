#include "sim/validate_scenario.h"

#include <array>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "proto/channel_names.h"
#include "sim/school_calendar.h"

namespace collabnet {
namespace {

absl::Status Bad(absl::string_view where, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("scenario", where, ": ", what));
}

bool IsProbability(double p) { return p >= 0 && p <= 1; }

absl::Status CheckProbability(absl::string_view where, absl::string_view field,
                              double p) {
  if (IsProbability(p)) return absl::OkStatus();
  return Bad(where,
             absl::StrCat("field '", field, "' must be in [0, 1], got ", p));
}

bool ValidChannel(int ch) { return ch > 0 && ch < kNumChannels; }

// The model a CLI user and a scenario writer knows the scenario by.
absl::string_view Runs(const Scenario& s) { return ScenarioModelName(s); }

absl::Status CheckChannels(const Scenario& s) {
  if (s.channels().empty()) return absl::OkStatus();
  if (!ScenarioUsesChannels(s)) {
    return Bad(" channels",
               absl::StrCat("channel parameters apply to multi_channel and to "
                            "independent_cascade with probabilities: CHANNELS; "
                            "this scenario runs ",
                            Runs(s)));
  }
  std::array<bool, kNumChannels> listed{};
  for (int i = 0; i < s.channels_size(); ++i) {
    const ChannelParams& c = s.channels(i);
    const int ch = static_cast<int>(c.channel());
    const std::string where =
        absl::StrCat(" channels[", i, "] (", ChannelFileName(c.channel()), ")");
    if (!ValidChannel(ch)) {
      return Bad(where, "field 'channel' is unspecified");
    }
    if (listed[ch]) return Bad(where, "the channel is listed twice");
    listed[ch] = true;
    if (absl::Status st =
            CheckProbability(where, "probability", c.probability());
        !st.ok()) {
      return st;
    }
    if (c.has_mean_delay_weeks()) {
      if (!s.has_multi_channel()) {
        return Bad(where,
                   absl::StrCat("field 'mean_delay_weeks' applies to the "
                                "multi-channel model only; this "
                                "scenario runs ",
                                Runs(s)));
      }
      const double mean = c.mean_delay_weeks();
      if (!(mean >= 1 && mean <= kMaxMeanDelayWeeks)) {
        return Bad(where, absl::StrCat("field 'mean_delay_weeks' must be "
                                       "from 1 (a week) to ",
                                       kMaxMeanDelayWeeks, ", got ", mean));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status CheckTieContext(const Scenario& s) {
  const std::tuple<const char*, bool, double> factors[] = {
      {"leader_credibility", s.has_leader_credibility(),
       s.leader_credibility()},
      {"same_school_multiplier", s.has_same_school_multiplier(),
       s.same_school_multiplier()},
      {"same_grade_multiplier", s.has_same_grade_multiplier(),
       s.same_grade_multiplier()},
      {"same_subject_multiplier", s.has_same_subject_multiplier(),
       s.same_subject_multiplier()},
  };
  for (const auto& [field, set, value] : factors) {
    if (set && !(value > 0 && std::isfinite(value))) {
      return Bad("", absl::StrCat("field '", field,
                                  "' must be a positive number (1: no "
                                  "effect), got ",
                                  value));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckObserved(const DistrictGraph& graph, const Scenario& s,
                           bool& needs_channels) {
  const Observed& observed = s.observed();
  if (observed.categories_size() > kNumChannels) {
    return Bad(" observed",
               absl::StrCat("at most ", kNumChannels, " categories, got ",
                            observed.categories_size()));
  }
  std::array<bool, kNumChannels> taken{};
  for (int k = 0; k < observed.categories_size(); ++k) {
    const ObservedCategory& c = observed.categories(k);
    const std::string where = absl::StrCat(" observed.categories[", k, "]");
    if (!(c.direct_reach() >= 0 && std::isfinite(c.direct_reach()))) {
      return Bad(where, absl::StrCat("field 'direct_reach' must be a count of "
                                     "teachers, got ",
                                     c.direct_reach()));
    }
    for (int ch : c.channels()) {
      if (!ValidChannel(ch)) return Bad(where, "unspecified channel");
      if (taken[ch]) {
        return Bad(where, absl::StrCat("channel ",
                                       Channel_Name(static_cast<Channel>(ch)),
                                       " is already in another category"));
      }
      taken[ch] = true;
    }
    needs_channels = true;
  }
  (void)graph;
  return absl::OkStatus();
}

absl::Status CheckMultiChannel(const Scenario& s) {
  const MultiChannelParams& m = s.multi_channel();
  const std::string where = " multi_channel";
  for (const auto& [field, set, value] :
       {std::tuple{"adoption_at_zero_readiness",
                   m.has_adoption_at_zero_readiness(),
                   m.adoption_at_zero_readiness()},
        std::tuple{"adoption_at_full_readiness",
                   m.has_adoption_at_full_readiness(),
                   m.adoption_at_full_readiness()}}) {
    if (set && !IsProbability(value)) {
      return CheckProbability(where, field, value);
    }
  }
  if (absl::Status st =
          CheckProbability(where, "lapse_probability", m.lapse_probability());
      !st.ok()) {
    return st;
  }
  const Broadcast& b = m.broadcast();
  if (absl::Status st = CheckProbability(where + ".broadcast", "probability",
                                         b.probability());
      !st.ok()) {
    return st;
  }
  for (int week : b.weeks()) {
    if (week < 1 || (s.horizon() > 0 && week > s.horizon())) {
      return Bad(where + ".broadcast",
                 absl::StrCat("week ", week, " must be from 1 to the horizon (",
                              s.horizon() > 0 ? absl::StrCat(s.horizon())
                                              : std::string("none"),
                              ")"));
    }
  }
  if (absl::StatusOr<SchoolCalendar> c = SchoolCalendar::Make(m.calendar());
      !c.ok()) {
    return c.status();
  }
  const LeaderCapacity& capacity = m.leader_capacity();
  if (capacity.teachers_per_term() < 0) {
    return Bad(where + ".leader_capacity",
               absl::StrCat("field 'teachers_per_term' must be >= 0 (0 means "
                            "no limit), got ",
                            capacity.teachers_per_term()));
  }
  std::array<bool, kNumChannels> listed{};
  for (int i = 0; i < capacity.channels_size(); ++i) {
    const int ch = capacity.channels(i);
    if (!ValidChannel(ch) || listed[ch]) {
      return Bad(
          where + ".leader_capacity",
          absl::StrCat("channels[", i, "] is unspecified or listed twice"));
    }
    listed[ch] = true;
  }
  return absl::OkStatus();
}

absl::Status CheckIndependentCascade(const Scenario& s) {
  const IndependentCascadeParams& ic = s.independent_cascade();
  const std::string where = " independent_cascade";
  switch (ic.probabilities()) {
    case IndependentCascadeParams::UNIFORM:
      if (!ic.has_probability()) {
        return Bad(where,
                   "field 'probability' is required with probabilities: "
                   "UNIFORM (the chance each tie carries the practice); or "
                   "set probabilities: WEIGHTED_CASCADE or CHANNELS");
      }
      return CheckProbability(where, "probability", ic.probability());
    case IndependentCascadeParams::WEIGHTED_CASCADE:
    case IndependentCascadeParams::CHANNELS: {
      const char* name =
          ic.probabilities() == IndependentCascadeParams::CHANNELS
              ? "CHANNELS (each tie's channel's probability)"
              : "WEIGHTED_CASCADE (1 / in-degree)";
      if (ic.has_probability()) {
        return Bad(where,
                   absl::StrCat("field 'probability' applies to probabilities: "
                                "UNIFORM; this scenario sets probabilities: ",
                                name));
      }
      if (ic.probabilities() == IndependentCascadeParams::WEIGHTED_CASCADE &&
          ic.use_tie_weights()) {
        return Bad(where,
                   "field 'use_tie_weights' applies to probabilities: UNIFORM "
                   "and CHANNELS; the weighted cascade's probabilities are "
                   "1 / in-degree");
      }
      if (ic.probabilities() == IndependentCascadeParams::CHANNELS &&
          s.channels().empty()) {
        return Bad(where,
                   "probabilities: CHANNELS needs the scenario's channels { "
                   "channel: ... probability: ... }");
      }
      return absl::OkStatus();
    }
    default:
      return Bad(where, "field 'probabilities' has an unknown value");
  }
}

absl::Status CheckLinearThreshold(const DistrictGraph& graph,
                                  const Scenario& s) {
  for (const auto& [id, threshold] : s.linear_threshold().thresholds()) {
    if (!graph.FindTeacher(id)) {
      return Bad(" linear_threshold.thresholds",
                 absl::StrCat("teacher '", id, "' is not in the network"));
    }
    if (!IsProbability(threshold)) {
      return Bad(
          " linear_threshold.thresholds",
          absl::StrCat("teacher '", id,
                       "': the threshold must be in [0, 1], got ", threshold));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckComplexContagion(const Scenario& s) {
  const ComplexContagionParams& cc = s.complex_contagion();
  const std::string where = " complex_contagion";
  if (cc.has_probability()) {
    if (absl::Status st =
            CheckProbability(where, "probability", cc.probability());
        !st.ok()) {
      return st;
    }
  }
  switch (cc.rule_case()) {
    case ComplexContagionParams::kThreshold:
      if (cc.threshold() < 1) {
        return Bad(where, absl::StrCat("field 'threshold' (distinct colleagues "
                                       "needed) must be at least 1, got ",
                                       cc.threshold()));
      }
      return absl::OkStatus();
    case ComplexContagionParams::kFraction:
      if (!(cc.fraction() > 0 && cc.fraction() <= 1)) {
        return Bad(where,
                   absl::StrCat("field 'fraction' must be in (0, 1], got ",
                                cc.fraction()));
      }
      return absl::OkStatus();
    default:
      return Bad(where,
                 "set threshold (distinct colleagues needed to adopt) or "
                 "fraction (the share of a teacher's colleagues)");
  }
}

}  // namespace

absl::string_view ScenarioModelName(const Scenario& s) {
  switch (s.model_case()) {
    case Scenario::kMultiChannel:
      return "multi_channel_cascade";
    case Scenario::kIndependentCascade:
      return s.independent_cascade().probabilities() ==
                     IndependentCascadeParams::WEIGHTED_CASCADE
                 ? "weighted_cascade"
                 : "independent_cascade";
    case Scenario::kLinearThreshold:
      return "linear_threshold";
    case Scenario::kComplexContagion:
      return "complex_contagion";
    default:
      return "none";
  }
}

bool ScenarioUsesChannels(const Scenario& s) {
  return s.has_multi_channel() || (s.has_independent_cascade() &&
                                   s.independent_cascade().probabilities() ==
                                       IndependentCascadeParams::CHANNELS);
}

bool TiesNameChannels(const DistrictGraph& graph) {
  for (std::uint8_t ch : graph.channels()) {
    if (ch == CHANNEL_UNSPECIFIED) return false;
  }
  return true;
}

std::vector<VertexId> ScenarioLeaders(const DistrictGraph& graph,
                                      const Scenario& scenario) {
  std::vector<VertexId> leaders;
  leaders.reserve(static_cast<std::size_t>(scenario.leaders_size()));
  for (const std::string& id : scenario.leaders()) {
    leaders.push_back(*graph.FindTeacher(id));
  }
  return leaders;
}

absl::Status ValidateScenario(const DistrictGraph& graph, const Scenario& s) {
  if (s.model_case() == Scenario::MODEL_NOT_SET) {
    return Bad("",
               "no model; add one of multi_channel { ... }, "
               "independent_cascade { ... }, linear_threshold { ... } or "
               "complex_contagion { ... }");
  }
  if (s.replicates() < 1) {
    return Bad("", absl::StrCat("field 'replicates' must be at least 1, got ",
                                s.replicates()));
  }
  if (s.horizon() < 0 || s.horizon() > kMaxHorizon) {
    return Bad("", absl::StrCat("field 'horizon' must be from 0 (none) to ",
                                kMaxHorizon, ", got ", s.horizon()));
  }
  absl::flat_hash_set<VertexId> seen;
  for (int i = 0; i < s.leaders_size(); ++i) {
    const std::string& id = s.leaders(i);
    const std::optional<VertexId> v = graph.FindTeacher(id);
    const std::string where = absl::StrCat(" leaders[", i, "]");
    if (!v) {
      return Bad(where,
                 absl::StrCat("teacher '", id, "' is not in the network"));
    }
    if (!seen.insert(*v).second) {
      return Bad(where, absl::StrCat("teacher '", id, "' is listed twice"));
    }
  }
  const bool broadcasts =
      s.has_multi_channel() && s.multi_channel().broadcast().probability() > 0;
  if (s.leaders().empty() && !broadcasts) {
    return Bad("",
               "no leaders; list the teachers the practice starts from "
               "(leaders: \"T0001\")");
  }
  if (absl::Status st = CheckChannels(s); !st.ok()) return st;
  if (absl::Status st = CheckTieContext(s); !st.ok()) return st;
  bool needs_channels = ScenarioUsesChannels(s);
  if (absl::Status st = CheckObserved(graph, s, needs_channels); !st.ok()) {
    return st;
  }
  if (needs_channels && !TiesNameChannels(graph)) {
    return Bad(
        "", absl::StrCat(s.has_multi_channel() ? "the multi-channel model needs"
                         : ScenarioUsesChannels(s)
                             ? "per-channel probabilities need"
                             : "observed categories of channels need",
                         " a district whose ties name their channel; "
                         "this network's do not"));
  }
  absl::Status model;
  switch (s.model_case()) {
    case Scenario::kMultiChannel:
      model = CheckMultiChannel(s);
      break;
    case Scenario::kIndependentCascade:
      model = CheckIndependentCascade(s);
      break;
    case Scenario::kLinearThreshold:
      model = CheckLinearThreshold(graph, s);
      break;
    case Scenario::kComplexContagion:
      model = CheckComplexContagion(s);
      break;
    default:
      break;
  }
  if (!model.ok()) return model;
  return absl::OkStatus();
}

}  // namespace collabnet
