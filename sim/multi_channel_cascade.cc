#include "sim/multi_channel_cascade.h"

#include <algorithm>
#include <cmath>

#include "random/philox_stream.h"
#include "sim/probability_threshold.h"

namespace collabnet {
namespace {

// Weeks an adopter practises before lapsing; effectively forever without
// lapse.
constexpr int kForever = 1 << 30;

// D, geometric on {1, 2, ...}: the inverse transform in single precision of
// a 32-bit uniform u on (0, 1], exact to within 2^-25 for each
// probability, at a fraction of a double log's cost.
int GeometricWeeks(float u, double scale) {
  return 1 +
         static_cast<int>(std::floor(std::log(u) * static_cast<float>(scale)));
}

// Weeks of practice from a uniform on (0, 1], given the lapse.
int SpellWeeks(double u, double lapse_scale) {
  const double spell = 1 + std::floor(std::log(u) * lapse_scale);
  return spell >= kForever ? kForever : static_cast<int>(spell);
}

}  // namespace

// Each kind of draw the cascade makes, keyed by what it is about.
struct CoupledCascadeDraws {
  const MultiChannelCascade& m;
  std::uint32_t replicate;

  template <typename Skip, typename Success>
  void Successes(VertexId u, Skip /*skip*/, Success success) {
    m.coins_.ForEachSuccess(m.draws_, replicate, u, success);
  }
  int DelayWeeks(ArcIndex a, int channel) {
    const double scale = m.delay_scale_[static_cast<std::size_t>(channel)];
    if (scale == 0) return 1;
    const ItemBlock b = m.draws_.Item(kPurposeContactDelay, replicate, a, 0);
    return GeometricWeeks(
        static_cast<float>(
            (static_cast<double>(CoupledDraws::High32(b[0])) + 1.0) *
            0x1.0p-32),
        scale);
  }
  // Whether v adopts, and if so for how many weeks it practises.
  bool Adopts(VertexId v, int& spell) {
    const std::uint32_t threshold = m.adopt_threshold_[v];
    if (threshold == 0) return false;
    ItemBlock b{};
    if (threshold != kAlways || m.lapse_scale_ != 0) {
      b = m.draws_.Item(kPurposeAdoption, replicate, v, 0);
    }
    if (!Below(CoupledDraws::High32(b[0]), threshold)) return false;
    spell = m.lapse_always_ ? 1
            : m.lapse_scale_ == 0
                ? kForever
                : SpellWeeks(CoupledDraws::OpenUnit(b[1]), m.lapse_scale_);
    return true;
  }
  // Calls reach(v) for each teacher the broadcast of `week` reaches, 32
  // teachers to a draw of planes.
  template <typename Reach>
  void Broadcast(std::size_t week, Reach reach) {
    const VertexId n = m.graph_->num_vertices();
    const auto sub = static_cast<std::uint32_t>(week) * 4;
    for (VertexId base = 0, run = 0; base < n; base += 32, ++run) {
      const std::uint32_t count = std::min<VertexId>(32, n - base);
      const std::uint32_t lanes = count == 32 ? ~0u : (1u << count) - 1;
      for (std::uint32_t hits =
               BitSlicedLess<32>(m.draws_, kPurposeBroadcast, replicate, run,
                                 sub, lanes, m.broadcast_planes_);
           hits != 0; hits &= hits - 1) {
        reach(base + static_cast<VertexId>(__builtin_ctz(hits)));
      }
    }
  }
};

// The same draws from one stream, in the order the cascade asks for them.
struct StreamCascadeDraws {
  const MultiChannelCascade& m;
  PhiloxStream rng;

  template <typename Skip, typename Success>
  void Successes(VertexId u, Skip skip, Success success) {
    const std::uint32_t* const threshold = m.arc_threshold_.data();
    for (ArcIndex a = m.graph_->arc_begin(u), end = m.graph_->arc_end(u);
         a < end; ++a) {
      // A draw for a teacher reached already cannot change anything.
      if (!skip(a) && Below(rng.NextU32(), threshold[a])) success(a);
    }
  }
  int DelayWeeks(ArcIndex /*a*/, int channel) {
    const double scale = m.delay_scale_[static_cast<std::size_t>(channel)];
    return scale == 0 ? 1 : GeometricWeeks(rng.NextOpenFloat(), scale);
  }
  bool Adopts(VertexId v, int& spell) {
    if (!Below(rng.NextU32(), m.adopt_threshold_[v])) return false;
    spell = m.lapse_always_ ? 1
            : m.lapse_scale_ == 0
                ? kForever
                : SpellWeeks(rng.NextOpenDouble(), m.lapse_scale_);
    return true;
  }
  // Geometric jumps over the teachers at q.
  template <typename Reach>
  void Broadcast(std::size_t /*week*/, Reach reach) {
    const VertexId n = m.graph_->num_vertices();
    if (m.broadcast_threshold_ == kAlways) {
      for (VertexId v = 0; v < n; ++v) reach(v);
      return;
    }
    if (m.broadcast_scale_ == 0) return;
    for (double v = 0;;) {
      v += std::floor(std::log(rng.NextOpenDouble()) * m.broadcast_scale_);
      if (v >= n) break;
      reach(static_cast<VertexId>(v));
      v += 1;
    }
  }
};

MultiChannelCascade::Workspace::Workspace(const MultiChannelCascade& model)
    : stamp_(model.graph_->num_vertices(), 0) {
  buckets_.resize(
      model.horizon_ > 0 ? static_cast<std::size_t>(model.horizon_) + 1 : 64);
}

void MultiChannelCascade::Run(std::uint32_t replicate, Workspace& ws,
                              ReplicateCounts& counts) const {
  if (mode_ == DrawMode::kCoupled) {
    CoupledCascadeDraws draws{*this, replicate};
    RunWith(draws, ws, counts);
  } else {
    StreamCascadeDraws draws{*this,
                             PhiloxStream(seed_, replicate, kPurposeCascade)};
    RunWith(draws, ws, counts);
  }
}

template <typename Draws>
void MultiChannelCascade::RunWith(Draws& draws, Workspace& ws,
                                  ReplicateCounts& counts) const {
  const DistrictGraph& g = *graph_;
  const VertexId* const targets = g.targets().data();
  const std::uint8_t* const channels = g.channels().data();
  const int horizon = horizon_;

  if (++ws.epoch_ == 0) {  // the stamp wrapped: clear it once
    std::fill(ws.stamp_.begin(), ws.stamp_.end(), 0);
    ws.epoch_ = 1;
  }
  const std::uint32_t epoch = ws.epoch_;
  std::uint32_t* const stamp = ws.stamp_.data();
  auto& buckets = ws.buckets_;
  using Event = Workspace::Event;
  if (capacity_ > 0) ws.leader_load_.assign(leaders_.size(), {-1, 0});

  auto grow = [&](std::size_t week) {
    if (week >= buckets.size()) buckets.resize(week * 2);
  };

  // Schedules the contacts of an adopter u that adopted in `week` and
  // practises for `spell` weeks.
  auto spread = [&](VertexId u, int week, int hop, int spell,
                    std::uint8_t from_broadcast) {
    const auto next_hop = static_cast<std::uint8_t>(std::min(hop + 1, kMaxHop));
    counts.Examine(g.arc_end(u) - g.arc_begin(u));
    draws.Successes(
        u, [&](ArcIndex a) { return stamp[targets[a]] == epoch; },
        [&](ArcIndex a) {
          const VertexId v = targets[a];
          // Reached already: nothing this contact does can change.
          if (stamp[v] == epoch) return;
          const std::uint8_t ch = channels[a];
          const int when =
              calendar_.NextMeeting(ch, week + draws.DelayWeeks(a, ch));
          if (horizon > 0 && when > horizon) return;
          if (when - week > spell) return;  // lapsed before it lands
          grow(static_cast<std::size_t>(when));
          buckets[static_cast<std::size_t>(when)].push_back(
              {v, u, ch, next_hop, from_broadcast});
        });
  };

  for (VertexId leader : leaders_) stamp[leader] = epoch;
  for (VertexId leader : leaders_) spread(leader, 0, 0, kForever, 0);
  if (!broadcast_weeks_.empty()) {
    grow(static_cast<std::size_t>(broadcast_weeks_.back()));
  }
  auto next_broadcast = broadcast_weeks_.begin();

  for (std::size_t week = 1; week < buckets.size(); ++week) {
    if (next_broadcast != broadcast_weeks_.end() &&
        static_cast<std::size_t>(*next_broadcast) == week) {
      ++next_broadcast;
      // Each teacher not yet reached is reached with probability q (hop 0
      // marks the broadcast).
      if (broadcast_threshold_ != 0) {
        draws.Broadcast(week, [&](VertexId v) {
          if (stamp[v] != epoch) {
            buckets[week].push_back({v, kFromBroadcast, 0, 0, 1});
          }
        });
      }
    }
    // Index access: spreading may grow `buckets` (never this week's bucket,
    // as delays are at least one week), which moves the inner vectors.
    for (std::size_t i = 0; i < buckets[week].size(); ++i) {
      const Event e = buckets[week][i];
      const VertexId v = e.vertex;
      if (stamp[v] == epoch) continue;
      // A leader's own contact: first-hand, not the broadcast's.
      if (capacity_ > 0 && e.hop == 1 && e.from_broadcast == 0 &&
          capacity_channel_[e.channel]) {
        Workspace::Load& load = ws.leader_load_[leader_index_[e.source]];
        const int term = calendar_.TermOf(static_cast<int>(week));
        if (load.term != term) load = {term, 0};
        if (load.used == capacity_) {
          // The leader's time this term is spoken for: try again at the
          // first meeting of the next term.
          counts.Defer();
          const int later = calendar_.NextMeeting(
              e.channel, calendar_.NextTermStart(static_cast<int>(week)));
          if (horizon == 0 || later <= horizon) {
            grow(static_cast<std::size_t>(later));
            buckets[static_cast<std::size_t>(later)].push_back(e);
          }
          continue;
        }
        ++load.used;
      }
      stamp[v] = epoch;
      ReachRecord& record =
          counts.Reach(v, e.source, static_cast<int>(week), e.hop, e.channel,
                       e.from_broadcast != 0);
      int spell = 0;
      if (draws.Adopts(v, spell)) {
        const std::int64_t stops = static_cast<std::int64_t>(week) + spell;
        const bool lapses =
            spell != kForever && (horizon == 0 || stops <= horizon);
        counts.Adopt(record, lapses ? static_cast<std::int32_t>(stops)
                                    : kStillPractising);
        spread(v, static_cast<int>(week), e.hop, spell, e.from_broadcast);
      }
    }
    buckets[week].clear();
  }
}

}  // namespace collabnet
