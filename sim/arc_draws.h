// Which of a vertex's out-arcs succeed, each independently with its own
// probability p(a): the draw at the heart of every cascade model, done with
// as few random numbers as the distribution allows.
//
// Arcs that always succeed (p = 1) come first and take no draw. For the
// rest, the plan stores each arc's survival S(a) = prod (1 - p(b)) over the
// vertex's uncertain arcs b up to and including a. With U uniform on
// (0, 1], the first arc with S(a) < U * S(last success) is the next success:
// the chance that none of the arcs between succeeds is exactly their
// survival ratio. So a vertex takes one draw per success plus one, and no
// logarithm; the position is found 16 survivals at a time without
// branches. Survivals and the product U * S are single-precision floats
// (relative error 2^-24 each), which moves each event's probability by at
// most 2^-23 (1.2e-7). A vertex whose total survival would leave the float
// range (hazard sum above kMaxSurvivalHazard: only hubs of thousands of
// arcs) uses geometric jumps at its largest probability q with thinning by
// p(a) / q instead, or a draw per arc when q is above kDirectDrawAbove.
//
//   ArcDraws d = PrepareArcDraws(graph, p);
//   DrawArcs(d, d.plans[u], rng, skip, [&](ArcIndex slot) {
//     Reach(d.targets[slot], graph.arc_channel(d.ArcOf(slot)));
//   });
#ifndef COLLABNET_SIM_ARC_DRAWS_H_
#define COLLABNET_SIM_ARC_DRAWS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "graph/district_graph.h"
#include "random/philox_stream.h"

namespace collabnet {

inline constexpr double kDirectDrawAbove = 0.3;
// exp(-80) = 1.8e-35 stays a normal float.
inline constexpr double kMaxSurvivalHazard = 80;

// A vertex's arcs, as slots of ArcDraws: [begin, uncertain) always succeed;
// [uncertain, end) are drawn as `draw` says: above 1 (kDrawDirect), one
// draw per arc (value = p); below 0, geometric jumps with this scale
// (1 / log(1 - q); value = p / q); otherwise by survival (value = S(a)), and
// `draw` is the vertex's last survival, 1 when no arc can succeed. Packed
// so a vertex that spreads nowhere costs one load.
struct ArcPlan {
  ArcIndex begin = 0;
  ArcIndex uncertain = 0;
  ArcIndex end = 0;
  float draw = 1;
};
inline constexpr float kDrawDirect = 2;
inline constexpr std::size_t kValuePadding = 16;

struct ArcDraws {
  // The graph's arc of a slot: the same index unless some vertex has
  // certain arcs to move first.
  ArcIndex ArcOf(ArcIndex slot) const {
    return arcs.empty() ? slot : arcs[slot];
  }
  std::vector<ArcPlan> plans;     // per vertex
  std::vector<VertexId> targets;  // per slot
  std::vector<ArcIndex> arcs;     // per slot, or empty (identity)
  // Per slot, then kValuePadding more, so short runs of survivals are
  // compared a block at a time without reading out of bounds.
  std::vector<float> values;
};

// Plans the arcs of every vertex of `graph` for probabilities p, one per
// arc in [0, 1].
ArcDraws PrepareArcDraws(const DistrictGraph& graph,
                         const std::vector<double>& p);

namespace arc_draws_internal {

// Counts the survivals in [a, a + n), n <= kValuePadding, that are at
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
  for (std::size_t block = 0; block < kValuePadding; block += 4) {
    Floats x;
    std::memcpy(&x, values + a + block, sizeof x);
    count -= (x >= threshold) & (lane < limit);
    lane += 4;
  }
  return static_cast<ArcIndex>(count[0] + count[1] + count[2] + count[3]);
}

// A uniform draw in [0, 1) compared against a float probability.
inline bool Accept(PhiloxStream& rng, float p) {
  return static_cast<float>(rng.NextU32() >> 8) * 0x1p-24f < p;
}

}  // namespace arc_draws_internal

// Geometric jumps over slots [a, end) at the probability whose jump scale
// is `scale` (1 / log(1 - q)); calls land(slot) for each slot landed on.
// log(U) * scale >= 0, so truncation is the floor once the range is
// checked. A single-precision log of a 32-bit uniform moves each jump
// boundary by at most 2^-25 in probability.
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

// Calls success(slot) for each arc of `plan` that succeeds, in slot order.
// skip(slot) says an arc's outcome cannot matter (its target is already
// taken); only the per-arc path uses it, to save the draw.
template <typename Skip, typename Success>
void DrawArcs(const ArcDraws& d, const ArcPlan& plan, PhiloxStream& rng,
              Skip skip, Success success) {
  using arc_draws_internal::Accept;
  const float* const values = d.values.data();
  const ArcIndex end = plan.end;
  ArcIndex a = plan.begin;
  for (; a < plan.uncertain; ++a) success(a);
  if (plan.draw > 1) {
    for (; a < end; ++a) {
      if (!skip(a) && Accept(rng, values[a])) success(a);
    }
  } else if (plan.draw < 0) {
    Jump(a, end, plan.draw, rng, [&](ArcIndex b) {
      if (Accept(rng, values[b])) success(b);
    });
  } else {
    // The next success is the first arc whose survival falls below U
    // times the survival at the last success.
    const float last = plan.draw;
    float base = 1;
    while (a < end) {
      const auto t = static_cast<float>(base * rng.NextOpenDouble32());
      if (last >= t) break;
      // Whole blocks of survivals at least t are skipped; the block where
      // they drop holds the success.
      for (;;) {
        const ArcIndex n =
            std::min<ArcIndex>(end - a, static_cast<ArcIndex>(kValuePadding));
        const ArcIndex skipped =
            arc_draws_internal::CountAtLeast(values, a, n, t);
        a += skipped;
        if (skipped < n) break;
      }
      success(a);
      base = values[a];
      ++a;
    }
  }
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_ARC_DRAWS_H_
