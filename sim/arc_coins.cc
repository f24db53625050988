#include "sim/arc_coins.h"

#include <algorithm>

namespace collabnet {

ArcCoins ArcCoins::Uniform(const DistrictGraph& graph, double p) {
  ArcCoins coins;
  coins.graph_ = &graph;
  coins.uniform_ = ProbabilityThreshold(p);
  coins.uniform_planes_ = UniformThreshold(coins.uniform_);
  return coins;
}

ArcCoins ArcCoins::PerArc(const DistrictGraph& graph,
                          const std::vector<double>& p) {
  ArcCoins coins;
  coins.graph_ = &graph;
  coins.per_arc_.resize(graph.num_arcs());
  for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
    coins.per_arc_[a] = ProbabilityThreshold(p[a]);
  }
  coins.first_run_.resize(graph.num_vertices());
  for (VertexId u = 0; u < graph.num_vertices(); ++u) {
    coins.first_run_[u] = static_cast<std::uint32_t>(coins.runs_.size());
    const ArcIndex begin = graph.arc_begin(u);
    const ArcIndex end = graph.arc_end(u);
    const ArcIndex length = end - begin <= 16 ? 16 : 32;
    for (ArcIndex base = begin; base < end; base += length) {
      Run run;
      const ArcIndex stop = std::min(end, base + length);
      for (ArcIndex a = base; a < stop; ++a) {
        const std::uint32_t t = coins.per_arc_[a];
        const std::uint32_t lane = 1u << (a - base);
        if (t == kAlways) run.certain |= lane;
        for (int k = 0; k < LaneThresholds::kStoredPlanes; ++k) {
          if ((t >> (31 - k)) & 1u) run.planes[k] |= lane;
        }
      }
      coins.runs_.push_back(run);
    }
  }
  return coins;
}

std::uint32_t ArcCoins::Uniform32(const DistrictGraph& graph,
                                  const CoupledDraws& draws,
                                  std::uint32_t replicate, ArcIndex a) {
  const auto offsets = graph.offsets();
  const auto u = static_cast<VertexId>(
      std::upper_bound(offsets.begin(), offsets.end(), a) - offsets.begin() -
      1);
  const ArcIndex position = a - offsets[u];
  const int width = LaneWidth(offsets[u + 1] - offsets[u]);
  const std::uint32_t run = width == 32 ? position / 32 : 0;
  const std::uint32_t lane = width == 32 ? position % 32 : position;
  // Runs of 32 take 256-bit blocks, shorter ones 128-bit blocks.
  const int bits_per_block = width == 32 ? 256 : 128;
  const int planes_per_block = bits_per_block / width;
  const int planes_per_word = 64 / width;
  std::uint32_t value = 0;
  for (int k = 0; k < 32; ++k) {
    const std::uint32_t sub =
        run * 4 + static_cast<std::uint32_t>(k / planes_per_block);
    const int plane = k % planes_per_block;
    const auto w = static_cast<std::size_t>(plane / planes_per_word);
    const std::uint64_t word =
        width == 32 ? draws.Planes(kPurposeArcSuccess, replicate, u, sub)[w]
                    : draws.Item(kPurposeArcSuccess, replicate, u, sub)[w];
    const int shift = width * (plane % planes_per_word);
    value |= static_cast<std::uint32_t>((word >> (shift + lane)) & 1u)
             << (31 - k);
  }
  return value;
}

}  // namespace collabnet
