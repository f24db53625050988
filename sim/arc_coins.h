// ArcCoins: which out-ties of a teacher succeed in a replicate, for every
// model that gives each tie one chance (the cascades' contacts, complex
// contagion's exposures). Arc a succeeds when the coupled uniform
// U(seed, replicate, a) is below its threshold (sim/coupled_draws.h): the
// same U whatever the probabilities, the leaders or the order the cascade
// reaches the arc's source in.
//
// A teacher's out-arcs are drawn together: up to 8, 16 or 32 (by the
// teacher's degree) in one bit-sliced compare, longer runs 32 at a time;
// arc a's U is the lane of its position within its source's arcs.
// Probabilities are one for every arc (Uniform) or one per arc (PerArc,
// 4 bytes an arc, plus 36 a run: the first planes of its thresholds,
// transposed); arcs of probability 1 succeed without a draw.
//
//   ArcCoins coins = ArcCoins::PerArc(graph, p);
//   coins.ForEachSuccess(draws, replicate, u, [&](ArcIndex a) { ... });
#ifndef COLLABNET_SIM_ARC_COINS_H_
#define COLLABNET_SIM_ARC_COINS_H_

#include <cstdint>
#include <vector>

#include "graph/district_graph.h"
#include "random/philox_stream.h"
#include "sim/coupled_draws.h"

namespace collabnet {

class ArcCoins {
 public:
  ArcCoins() = default;
  // Probability p for every arc of `graph`.
  static ArcCoins Uniform(const DistrictGraph& graph, double p);
  // Probability p[a] for arc a, each in [0, 1].
  static ArcCoins PerArc(const DistrictGraph& graph,
                         const std::vector<double>& p);

  // Calls success(a) for every out-arc a of u that succeeds in
  // `replicate`, in arc order.
  template <typename Success>
  void ForEachSuccess(const CoupledDraws& draws, std::uint32_t replicate,
                      VertexId u, Success success) const;

  // The threshold of arc a (success when U < threshold, or always when it
  // is kAlways).
  std::uint32_t threshold(ArcIndex a) const {
    return per_arc_.empty() ? uniform_ : per_arc_[a];
  }

  // Arc a's uniform U in `replicate`, one bit plane at a time: the
  // definition BitSlicedLess computes many lanes of at once, written out
  // for one arc, for tests and reference estimators.
  static std::uint32_t Uniform32(const DistrictGraph& graph,
                                 const CoupledDraws& draws,
                                 std::uint32_t replicate, ArcIndex a);

 private:
  // A run of up to 32 arcs of one vertex, drawn together: the lanes that
  // always succeed, and the first planes of the lanes' thresholds.
  struct Run {
    std::uint32_t certain = 0;
    std::uint32_t planes[LaneThresholds::kStoredPlanes] = {};
  };

  template <int W, typename Success>
  void DrawRun(const CoupledDraws& draws, std::uint32_t replicate, VertexId u,
               std::uint32_t run, ArcIndex base, std::uint32_t count,
               Success& success) const;

  const DistrictGraph* graph_ = nullptr;
  std::uint32_t uniform_ = 0;
  UniformThreshold uniform_planes_{0};
  std::vector<std::uint32_t> per_arc_;    // empty for Uniform
  std::vector<std::uint32_t> first_run_;  // per vertex, PerArc only
  std::vector<Run> runs_;
};

template <int W, typename Success>
void ArcCoins::DrawRun(const CoupledDraws& draws, std::uint32_t replicate,
                       VertexId u, std::uint32_t run, ArcIndex base,
                       std::uint32_t count, Success& success) const {
  const std::uint32_t lanes = count == 32 ? ~0u : (1u << count) - 1;
  std::uint32_t hits;
  const std::uint32_t sub = run * 4;  // up to 4 plane blocks a run
  if (per_arc_.empty()) {
    hits = BitSlicedLess<W>(draws, kPurposeArcSuccess, replicate, u, sub, lanes,
                            uniform_planes_);
  } else {
    const Run& r = runs_[first_run_[u] + run];
    hits = r.certain;
    if (const std::uint32_t drawn = lanes & ~r.certain; drawn != 0) {
      hits |=
          BitSlicedLess<W>(draws, kPurposeArcSuccess, replicate, u, sub, drawn,
                           LaneThresholds{per_arc_.data() + base, r.planes});
    }
  }
  for (; hits != 0; hits &= hits - 1) {
    success(base + static_cast<ArcIndex>(__builtin_ctz(hits)));
  }
}

template <typename Success>
void ArcCoins::ForEachSuccess(const CoupledDraws& draws,
                              std::uint32_t replicate, VertexId u,
                              Success success) const {
  const ArcIndex begin = graph_->arc_begin(u);
  const ArcIndex end = graph_->arc_end(u);
  const std::uint32_t degree = end - begin;
  if (degree == 0) return;
  if (per_arc_.empty()) {
    if (uniform_ == 0) return;
    if (uniform_ == kAlways) {
      for (ArcIndex a = begin; a < end; ++a) success(a);
      return;
    }
  }
  if (degree <= 8) {
    DrawRun<8>(draws, replicate, u, 0, begin, degree, success);
  } else if (degree <= 16) {
    DrawRun<16>(draws, replicate, u, 0, begin, degree, success);
  } else {
    std::uint32_t run = 0;
    for (ArcIndex base = begin; base < end; base += 32, ++run) {
      DrawRun<32>(draws, replicate, u, run, base,
                  std::min<std::uint32_t>(32, end - base), success);
    }
  }
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_ARC_COINS_H_
