#include "sim/multi_channel_cascade.h"

#include <algorithm>
#include <cmath>

#include "random/philox_stream.h"

namespace collabnet {

CascadeWorkspace::CascadeWorkspace(const CascadeModel& model)
    : stamp_(model.graph->num_vertices(), 0) {
  const std::size_t weeks =
      model.horizon_weeks > 0
          ? static_cast<std::size_t>(model.horizon_weeks) + 1
          : 64;
  buckets_.resize(weeks);
  counts_.school_reached.assign(model.graph->num_schools(), 0);
  counts_.school_adopting.assign(model.graph->num_schools(), 0);
  counts_.weekly_reached.assign(weeks, 0);
  counts_.weekly_adopting.assign(weeks, 0);
  counts_.weekly_lapsed.assign(weeks, 0);
}

void RunCascadeReplicate(const CascadeModel& model, std::uint64_t seed,
                         std::uint64_t replicate, CascadeWorkspace& ws) {
  const DistrictGraph& g = *model.graph;
  const std::span<const ArcIndex> offsets = g.offsets();
  const std::span<const VertexId> targets = g.targets();
  const std::span<const std::uint8_t> channels = g.channels();
  const std::uint32_t* const threshold = model.arc_threshold.data();
  const int horizon = model.horizon_weeks;

  ReplicateCounts& c = ws.counts_;
  for (std::uint32_t s : c.touched_schools) {
    c.school_reached[s] = 0;
    c.school_adopting[s] = 0;
  }
  c.touched_schools.clear();
  std::fill(c.weekly_reached.begin(), c.weekly_reached.end(), 0);
  std::fill(c.weekly_adopting.begin(), c.weekly_adopting.end(), 0);
  std::fill(c.weekly_lapsed.begin(), c.weekly_lapsed.end(), 0);
  c.sustained = 0;
  c.by_broadcast = 0;
  c.deferred_by_capacity = 0;
  std::fill(c.reached_by_hop.begin(), c.reached_by_hop.begin() + c.max_hop + 1,
            0);
  c.reached = c.adopting = c.direct = c.arcs_examined = 0;
  c.direct_by_channel.fill(0);
  c.reached_by_channel.fill(0);
  c.max_hop = 0;
  c.reached_teachers.clear();
  c.adopting_teachers.clear();

  if (++ws.epoch_ == 0) {  // the stamp wrapped: clear it once
    std::fill(ws.stamp_.begin(), ws.stamp_.end(), 0);
    ws.epoch_ = 1;
  }
  const std::uint32_t epoch = ws.epoch_;
  std::uint32_t* const stamp = ws.stamp_.data();
  auto& buckets = ws.buckets_;

  PhiloxStream rng(seed, replicate, kPurposeCascade);
  const SchoolCalendar& calendar = model.calendar;
  if (model.capacity > 0) ws.leader_load_.assign(model.leaders.size(), {-1, 0});

  // Weeks an adopter practises before lapsing; effectively forever without
  // lapse.
  constexpr int kForever = 1 << 30;
  auto practice_weeks = [&]() -> int {
    if (model.lapse_always) return 1;
    if (model.lapse_scale == 0) return kForever;
    const double spell =
        1 + std::floor(std::log(rng.NextOpenDouble()) * model.lapse_scale);
    return spell >= kForever ? kForever : static_cast<int>(spell);
  };
  auto grow = [&](std::size_t week) {
    if (week >= buckets.size()) {
      buckets.resize(week * 2);
      c.weekly_reached.resize(buckets.size(), 0);
      c.weekly_adopting.resize(buckets.size(), 0);
      c.weekly_lapsed.resize(buckets.size(), 0);
    }
  };

  // Schedules the attempts of an adopter u that adopted in `week` and
  // practises for `spell` weeks.
  auto spread = [&](VertexId u, int week, int hop, int spell,
                    std::uint8_t from_broadcast, std::uint32_t leader) {
    const auto next_hop = static_cast<std::uint8_t>(std::min(hop + 1, kMaxHop));
    c.arcs_examined += offsets[u + 1] - offsets[u];
    for (ArcIndex a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
      const VertexId v = targets[a];
      if (stamp[v] == epoch) continue;
      if (std::min(rng.NextU32(), kMaxDraw) >= threshold[a]) continue;
      const std::uint8_t ch = channels[a];
      int when = week + 1;
      if (model.delay_scale[ch] != 0) {
        // Inverse transform in single precision of one 32-bit uniform: each
        // delay's probability is exact to within 2^-25, as for the
        // independent cascade's jumps, at a fraction of a double log's cost.
        when += static_cast<int>(
            std::floor(std::log(rng.NextOpenFloat()) *
                       static_cast<float>(model.delay_scale[ch])));
      }
      when = calendar.NextMeeting(ch, when);
      if (horizon > 0 && when > horizon) continue;
      if (when - week > spell) continue;  // lapsed before the contact lands
      grow(static_cast<std::size_t>(when));
      buckets[when].push_back({v, ch, next_hop, from_broadcast, leader});
    }
  };

  for (VertexId leader : model.leaders) stamp[leader] = epoch;
  for (std::size_t i = 0; i < model.leaders.size(); ++i) {
    spread(model.leaders[i], 0, 0, kForever, 0,
           model.capacity > 0 ? static_cast<std::uint32_t>(i)
                              : CascadeWorkspace::kNoLeader);
  }
  if (!model.broadcast_weeks.empty()) {
    grow(static_cast<std::size_t>(model.broadcast_weeks.back()));
  }
  auto next_broadcast = model.broadcast_weeks.begin();

  for (std::size_t week = 1; week < buckets.size(); ++week) {
    if (next_broadcast != model.broadcast_weeks.end() &&
        static_cast<std::size_t>(*next_broadcast) == week) {
      ++next_broadcast;
      // Reach each teacher not yet reached with probability q: geometric
      // jumps over the teacher list (hop 0 marks the broadcast).
      const VertexId n = g.num_vertices();
      if (model.broadcast_scale == CascadeModel::kBroadcastAll) {
        for (VertexId v = 0; v < n; ++v) {
          if (stamp[v] != epoch) {
            buckets[week].push_back({v, 0, 0, 1, CascadeWorkspace::kNoLeader});
          }
        }
      } else if (model.broadcast_scale != 0) {
        for (double v = 0;;) {
          v += std::floor(std::log(rng.NextOpenDouble()) *
                          model.broadcast_scale);
          if (v >= n) break;
          const auto u = static_cast<VertexId>(v);
          if (stamp[u] != epoch) {
            buckets[week].push_back({u, 0, 0, 1, CascadeWorkspace::kNoLeader});
          }
          v += 1;
        }
      }
    }
    // Index access: spreading may grow `buckets` (never this week's bucket,
    // as delays are at least one week), which moves the inner vectors.
    for (std::size_t i = 0; i < buckets[week].size(); ++i) {
      const CascadeWorkspace::Event e = buckets[week][i];
      const VertexId v = e.vertex;
      if (stamp[v] == epoch) continue;
      if (e.leader != CascadeWorkspace::kNoLeader &&
          model.capacity_channel[e.channel]) {
        CascadeWorkspace::Load& load = ws.leader_load_[e.leader];
        const int term = calendar.TermOf(static_cast<int>(week));
        if (load.term != term) load = {term, 0};
        if (load.used == model.capacity) {
          // The leader's time this term is spoken for: try again at the
          // first meeting of the next term.
          ++c.deferred_by_capacity;
          const int later = calendar.NextMeeting(
              e.channel, calendar.NextTermStart(static_cast<int>(week)));
          if (horizon == 0 || later <= horizon) {
            grow(static_cast<std::size_t>(later));
            buckets[static_cast<std::size_t>(later)].push_back(e);
          }
          continue;
        }
        ++load.used;
      }
      stamp[v] = epoch;
      ++c.reached;
      c.reached_teachers.push_back(v);
      ++c.reached_by_channel[e.channel];
      // Hops and direct reach describe the leaders' cascade only.
      if (e.from_broadcast == 0) {
        ++c.reached_by_hop[e.hop];
        c.max_hop = std::max<int>(c.max_hop, e.hop);
      }
      ++c.weekly_reached[week];
      const std::uint32_t school = g.school_of(v);
      if (c.school_reached[school]++ == 0) {
        c.touched_schools.push_back(school);
      }
      if (e.from_broadcast != 0) {
        if (e.hop == 0) ++c.by_broadcast;
      } else if (e.hop == 1) {
        ++c.direct;
        ++c.direct_by_channel[e.channel];
      }
      if (std::min(rng.NextU32(), kMaxDraw) < model.adopt_threshold[v]) {
        ++c.adopting;
        c.adopting_teachers.push_back(v);
        ++c.school_adopting[school];
        ++c.weekly_adopting[week];
        const int spell = practice_weeks();
        const std::int64_t stops = static_cast<std::int64_t>(week) + spell;
        if (horizon > 0 ? stops > horizon : spell == kForever) ++c.sustained;
        if (spell != kForever && (horizon == 0 || stops <= horizon)) {
          grow(static_cast<std::size_t>(stops));
          ++c.weekly_lapsed[static_cast<std::size_t>(stops)];
        }
        spread(v, static_cast<int>(week), e.hop, spell, e.from_broadcast,
               CascadeWorkspace::kNoLeader);
      }
    }
    buckets[week].clear();
  }
}

}  // namespace collabnet
