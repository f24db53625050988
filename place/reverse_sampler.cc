#include "place/reverse_sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "sim/independent_cascade.h"
#include "sim/linear_threshold.h"
#include "sim/multi_channel_cascade.h"
#include "sim/probability_threshold.h"

namespace collabnet {
namespace {

// Geometric jumps are cheaper than a draw per tie below this probability.
constexpr double kJumpBelow = 0.3;
// How far ahead in the queue a reverse search fetches a teacher's tie
// offsets, and their ties.
constexpr std::size_t kFetchOffsets = 16;
constexpr std::size_t kFetchTies = 8;
// A practising spell that outlasts any run.
constexpr std::int32_t kForever = std::numeric_limits<std::int32_t>::max();

// 1 + floor(ln(u) * scale) for u on (0, 1] and scale < 0: a geometric count
// on {1, 2, ...}, capped at `cap`.
std::int32_t GeometricAtLeastOne(double u, double scale, std::int32_t cap) {
  const double x = 1 + std::floor(std::log(u) * scale);
  return x >= cap ? cap : static_cast<std::int32_t>(x);
}

absl::Status NotCoverage(absl::string_view feature) {
  return absl::FailedPreconditionError(absl::StrCat(
      feature,
      " makes reach depend on the order teachers are reached in, so it is "
      "not a coverage function and reverse samples do not apply"));
}

}  // namespace

ReverseSampler::Workspace::Workspace(const ReverseSampler& sampler)
    : member_(sampler.n_, 0),
      settled_(sampler.n_, 0),
      drawn_(sampler.n_, 0),
      spell_(sampler.n_, 0) {
  queue_.reserve(64);
  if (sampler.horizon_ > 0) {
    buckets_.resize(static_cast<std::size_t>(sampler.horizon_) + 1);
  }
}

absl::StatusOr<ReverseSampler> ReverseSampler::Prepare(
    const DistrictGraph& graph, const Scenario& scenario,
    PlacementObjective objective, PlacementTargets targets) {
  ReverseSampler s;
  s.graph_ = &graph;
  s.n_ = graph.num_vertices();
  s.seed_ = scenario.seed();
  s.horizon_ = scenario.horizon();
  s.objective_ = objective;
  if (s.n_ == 0) {
    return absl::InvalidArgumentError("placement needs at least one teacher");
  }
  if (targets == PlacementTargets::kTitleI) {
    for (VertexId v = 0; v < s.n_; ++v) {
      if (graph.school_title_i(graph.school_of(v))) s.targets_.push_back(v);
    }
    if (s.targets_.empty()) {
      return absl::InvalidArgumentError(
          "the objective counts Title I schools' teachers, and no school is "
          "Title I (schools.csv column title_i)");
    }
  }

  switch (scenario.model_case()) {
    case Scenario::kMultiChannel: {
      const MultiChannelParams& m = scenario.multi_channel();
      if (m.leader_capacity().teachers_per_term() > 0) {
        return NotCoverage("leader capacity (leader_capacity)");
      }
      absl::StatusOr<SchoolCalendar> calendar =
          SchoolCalendar::Make(m.calendar());
      if (!calendar.ok()) return calendar.status();
      const bool meetings = !m.calendar().pd_weeks().empty() ||
                            m.calendar().plc_every_weeks() > 1;
      if (m.lapse_probability() > 0 && meetings) {
        return NotCoverage("lapse together with a school calendar");
      }
      s.kind_ = Kind::kMultiChannel;
      s.calendar_ = *std::move(calendar);
      break;
    }
    case Scenario::kIndependentCascade:
      s.kind_ = Kind::kCascade;
      break;
    case Scenario::kLinearThreshold:
      if (!scenario.linear_threshold().thresholds().empty()) {
        return NotCoverage("given linear-threshold thresholds");
      }
      s.kind_ = Kind::kThreshold;
      break;
    case Scenario::kComplexContagion:
      return NotCoverage("complex contagion (several exposures to adopt)");
    default:
      return absl::InvalidArgumentError("scenario: no model");
  }

  // In-ties, grouped by head.
  if (graph.has_reverse()) {
    s.in_offsets_ = graph.in_offsets();
    s.in_sources_ = graph.in_sources();
    s.in_arcs_ = graph.in_arc_ids();
  } else {
    const ArcIndex m = graph.num_arcs();
    s.own_offsets_.assign(static_cast<std::size_t>(s.n_) + 1, 0);
    for (VertexId t : graph.targets()) ++s.own_offsets_[t + 1];
    for (VertexId v = 0; v < s.n_; ++v) {
      s.own_offsets_[v + 1] += s.own_offsets_[v];
    }
    s.own_sources_.resize(m);
    s.own_arcs_.resize(m);
    std::vector<ArcIndex> next(s.own_offsets_.begin(),
                               s.own_offsets_.end() - 1);
    for (VertexId u = 0; u < s.n_; ++u) {
      for (ArcIndex a = graph.arc_begin(u); a < graph.arc_end(u); ++a) {
        const ArcIndex at = next[graph.arc_target(a)]++;
        s.own_sources_[at] = u;
        s.own_arcs_[at] = a;
      }
    }
    s.in_offsets_ = s.own_offsets_;
    s.in_sources_ = s.own_sources_;
    s.in_arcs_ = s.own_arcs_;
  }
  const std::size_t in_count = s.in_arcs_.size();

  if (s.kind_ == Kind::kThreshold) {
    absl::StatusOr<LinearThreshold> lt =
        LinearThreshold::Prepare(graph, scenario);
    if (!lt.ok()) return lt.status();
    const std::vector<double>& w = lt->arc_weights();
    s.in_cumulative_.resize(in_count);
    for (VertexId v = 0; v < s.n_; ++v) {
      double sum = 0;
      for (ArcIndex i = s.in_offsets_[v]; i < s.in_offsets_[v + 1]; ++i) {
        sum += w[s.in_arcs_[i]];
        s.in_cumulative_[i] = sum;
      }
    }
    return s;
  }

  const std::vector<double> p =
      s.kind_ == Kind::kCascade ? IcArcProbabilities(graph, scenario)
                                : MultiChannelArcProbabilities(graph, scenario);
  s.in_threshold_.resize(in_count);
  for (std::size_t i = 0; i < in_count; ++i) {
    s.in_threshold_[i] = ProbabilityThreshold(p[s.in_arcs_[i]]);
  }
  s.in_rule_.assign(s.n_, InRule::kEach);
  s.jump_scale_.assign(s.n_, 0);
  for (VertexId v = 0; v < s.n_; ++v) {
    const ArcIndex b = s.in_offsets_[v];
    const ArcIndex e = s.in_offsets_[v + 1];
    const bool same =
        std::all_of(s.in_arcs_.begin() + b, s.in_arcs_.begin() + e,
                    [&](ArcIndex a) { return p[a] == p[s.in_arcs_[b]]; });
    if (b == e || (same && p[s.in_arcs_[b]] == 0)) {
      s.in_rule_[v] = InRule::kNone;
    } else if (same && s.in_threshold_[b] == kAlways) {
      s.in_rule_[v] = InRule::kAll;
    } else if (same && p[s.in_arcs_[b]] < kJumpBelow &&
               s.kind_ == Kind::kCascade) {
      s.in_rule_[v] = InRule::kJump;
      s.jump_scale_[v] =
          static_cast<float>(1.0 / std::log1p(-p[s.in_arcs_[b]]));
    }
  }
  if (s.kind_ == Kind::kCascade) return s;

  // The multi-channel model's draws beyond the ties'.
  const MultiChannelParams& m = scenario.multi_channel();
  s.in_channel_.resize(in_count);
  for (std::size_t i = 0; i < in_count; ++i) {
    s.in_channel_[i] =
        static_cast<std::uint8_t>(graph.arc_channel(s.in_arcs_[i]));
  }
  const std::vector<double> adopt = AdoptionProbabilities(graph, scenario);
  s.adopt_threshold_.resize(s.n_);
  for (VertexId v = 0; v < s.n_; ++v) {
    s.adopt_threshold_[v] = ProbabilityThreshold(adopt[v]);
  }
  s.delay_scale_.assign(kNumChannels, 0);
  for (const ChannelParams& c : scenario.channels()) {
    const double mean = c.has_mean_delay_weeks() ? c.mean_delay_weeks() : 1;
    s.delay_scale_[static_cast<std::size_t>(c.channel())] =
        mean == 1 ? 0 : 1.0 / std::log1p(-1.0 / mean);
  }
  const double lapse = m.lapse_probability();
  s.lapse_always_ = lapse == 1;
  s.lapse_scale_ = lapse > 0 && lapse < 1 ? 1.0 / std::log1p(-lapse) : 0;
  const double q = m.broadcast().probability();
  if (q > 0) {
    s.broadcast_weeks_ = BroadcastWeeks(scenario, s.calendar_);
    s.broadcast_always_ = q >= 1;
    s.broadcast_scale_ = q < 1 ? 1.0 / std::log1p(-q) : 0;
  }
  return s;
}

void ReverseSampler::Sample(std::uint64_t index, Workspace& ws,
                            ReverseSample& out) const {
  if (++ws.epoch_ == 0) {  // the stamps wrapped: clear them once
    std::fill(ws.member_.begin(), ws.member_.end(), 0);
    std::fill(ws.settled_.begin(), ws.settled_.end(), 0);
    std::fill(ws.drawn_.begin(), ws.drawn_.end(), 0);
    ws.epoch_ = 1;
  }
  PhiloxStream rng(seed_, index, kPurposeReverseSample);
  const VertexId v = targets_.empty() ? rng.NextBelow(n_)
                                      : targets_[rng.NextBelow(num_targets())];
  out.members.clear();
  out.reached_anyway = false;
  out.members.push_back(v);
  ws.member_[v] = ws.epoch_;
  switch (kind_) {
    case Kind::kCascade:
      SampleCascade(v, rng, ws, out);
      return;
    case Kind::kThreshold:
      SampleThreshold(v, rng, ws, out);
      return;
    case Kind::kMultiChannel:
      SampleMultiChannel(v, rng, ws, out);
      return;
  }
}

void ReverseSampler::SampleCascade(VertexId /*v*/, PhiloxStream& rng,
                                   Workspace& ws, ReverseSample& out) const {
  const std::uint32_t epoch = ws.epoch_;
  std::uint32_t* const member = ws.member_.data();
  std::vector<VertexId>& found = out.members;
  auto visit = [&](VertexId u) {
    if (member[u] != epoch) {
      member[u] = epoch;
      found.push_back(u);
    }
  };
  // `found` is the queue: level by level, so that a horizon of H rounds
  // keeps the teachers within H ties of v.
  std::size_t head = 0;
  for (int depth = 0; head < found.size(); ++depth) {
    if (horizon_ > 0 && depth >= horizon_) return;
    for (const std::size_t end = found.size(); head < end; ++head) {
      // The in-ties of a teacher queued a few places on are fetched while
      // this one's are drawn: their offsets further ahead, then the ties
      // themselves, so the expansion rarely waits on memory.
      if (head + kFetchOffsets < found.size()) {
        __builtin_prefetch(&in_offsets_[found[head + kFetchOffsets]]);
      }
      if (head + kFetchTies < found.size()) {
        const VertexId ahead = found[head + kFetchTies];
        __builtin_prefetch(&in_sources_[in_offsets_[ahead]]);
        __builtin_prefetch(&in_rule_[ahead]);
      }
      const VertexId x = found[head];
      const ArcIndex b = in_offsets_[x];
      const ArcIndex e = in_offsets_[x + 1];
      switch (in_rule_[x]) {
        case InRule::kNone:
          break;
        case InRule::kAll:
          for (ArcIndex i = b; i < e; ++i) visit(in_sources_[i]);
          break;
        case InRule::kJump: {
          const float scale = jump_scale_[x];
          // The next success is J ties on, J geometric on {0, 1, ...}.
          for (ArcIndex i = b;;) {
            const float jump =
                std::floor(std::log(rng.NextOpenFloat()) * scale);
            if (jump >= static_cast<float>(e - i)) break;
            i += static_cast<ArcIndex>(jump);
            visit(in_sources_[i]);
            if (++i >= e) break;
          }
          break;
        }
        case InRule::kEach:
          for (ArcIndex i = b; i < e; ++i) {
            if (Below(rng.NextU32(), in_threshold_[i])) visit(in_sources_[i]);
          }
          break;
      }
    }
  }
}

void ReverseSampler::SampleThreshold(VertexId v, PhiloxStream& rng,
                                     Workspace& ws, ReverseSample& out) const {
  // Each teacher keeps at most one in-tie, so the teachers reaching v are
  // the chain of kept ties back from v, until it ends or closes a loop.
  VertexId x = v;
  for (int steps = 0; horizon_ == 0 || steps < horizon_; ++steps) {
    const ArcIndex b = in_offsets_[x];
    const ArcIndex e = in_offsets_[x + 1];
    if (b == e) return;
    const double u = rng.NextDouble();
    const auto kept = std::upper_bound(in_cumulative_.begin() + b,
                                       in_cumulative_.begin() + e, u);
    if (kept == in_cumulative_.begin() + e) return;  // no tie kept
    const VertexId from =
        in_sources_[static_cast<std::size_t>(kept - in_cumulative_.begin())];
    if (ws.member_[from] == ws.epoch_) return;
    ws.member_[from] = ws.epoch_;
    out.members.push_back(from);
    x = from;
  }
}

void ReverseSampler::SampleMultiChannel(VertexId v, PhiloxStream& rng,
                                        Workspace& ws,
                                        ReverseSample& out) const {
  const std::uint32_t epoch = ws.epoch_;
  const bool bounded = horizon_ > 0;
  const std::int32_t cap = bounded ? horizon_ + 1 : kForever;
  // Whether x adopts once reached, and for how many weeks it practises
  // (-1: it does not adopt), drawn once per sample.
  auto spell = [&](VertexId x) {
    if (ws.drawn_[x] != epoch) {
      ws.drawn_[x] = epoch;
      std::int32_t weeks = -1;
      if (Below(rng.NextU32(), adopt_threshold_[x])) {
        weeks = lapse_always_ ? 1
                : lapse_scale_ == 0
                    ? kForever
                    : GeometricAtLeastOne(rng.NextOpenDouble(), lapse_scale_,
                                          kForever);
      }
      ws.spell_[x] = weeks;
    }
    return ws.spell_[x];
  };
  // The week the broadcast reaches x, or kForever when it never does.
  auto broadcast = [&]() -> std::int32_t {
    if (broadcast_weeks_.empty()) return kForever;
    std::size_t k = 0;
    if (!broadcast_always_) {
      const double jump =
          std::floor(std::log(rng.NextOpenDouble32()) * broadcast_scale_);
      if (jump >= static_cast<double>(broadcast_weeks_.size())) return kForever;
      k = static_cast<std::size_t>(jump);
    }
    return broadcast_weeks_[k];
  };
  auto delay = [&](int channel) -> std::int32_t {
    const double scale = delay_scale_[static_cast<std::size_t>(channel)];
    if (scale == 0) return 1;
    return GeometricAtLeastOne(rng.NextOpenDouble32(), scale, cap);
  };

  if (objective_ == PlacementObjective::kAdopting && spell(v) < 0) {
    return;  // v counts only as a leader
  }
  if (broadcast() != kForever) {  // broadcast weeks lie within the horizon
    out.reached_anyway = true;
    return;
  }
  std::vector<VertexId>& found = out.members;
  // Expands x, which adopting by week `latest` still reaches v in time;
  // `push(u, week)` offers u as an adopter by `week`.
  auto expand = [&](VertexId x, std::int32_t latest, auto push) {
    for (ArcIndex i = in_offsets_[x]; i < in_offsets_[x + 1]; ++i) {
      if (!Below(rng.NextU32(), in_threshold_[i])) continue;
      const int ch = in_channel_[i];
      const std::int32_t d = delay(ch);
      const std::int32_t send =
          bounded ? calendar_.LastMeeting(ch, latest) - d : kForever;
      if (send < 0) continue;
      const VertexId u = in_sources_[i];
      if (ws.member_[u] != epoch) {  // as a leader, u reaches v
        ws.member_[u] = epoch;
        found.push_back(u);
      }
      if (ws.settled_[u] == epoch) continue;
      const std::int32_t weeks = spell(u);
      if (weeks < 0 || d > weeks) continue;  // as an adopter, u does not
      push(u, send);
    }
  };

  ws.settled_[v] = epoch;
  if (!bounded) {
    std::vector<VertexId>& queue = ws.queue_;
    queue.assign(1, v);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      if (head > 0 && broadcast() != kForever) {
        out.reached_anyway = true;  // and queue[head] passes it on to v
        return;
      }
      expand(queue[head], kForever, [&](VertexId u, std::int32_t) {
        ws.settled_[u] = epoch;
        queue.push_back(u);
      });
    }
    return;
  }
  // Latest weeks fall along a path: a bucket queue from the horizon down
  // settles each teacher at the latest week it can adopt by.
  auto& buckets = ws.buckets_;
  for (auto& b : buckets) b.clear();
  auto push = [&](VertexId u, std::int32_t week) {
    buckets[static_cast<std::size_t>(week)].push_back(u);
  };
  expand(v, horizon_, push);
  for (std::int32_t week = horizon_ - 1; week >= 0; --week) {
    // Pushes go to earlier weeks only (delays are at least one week).
    for (const VertexId x : buckets[static_cast<std::size_t>(week)]) {
      if (ws.settled_[x] == epoch) continue;
      ws.settled_[x] = epoch;
      if (broadcast() <= week) {
        out.reached_anyway = true;
        return;
      }
      expand(x, week, push);
    }
  }
}

}  // namespace collabnet
