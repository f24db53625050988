#include "measures/measure_network.h"

#include <algorithm>
#include <array>
#include <utility>

namespace collabnet {

double MeasureNetwork::TieWeight(VertexId u, VertexId v) const {
  const auto begin = out_targets_.begin() + out_offsets_[u];
  const auto end = out_targets_.begin() + out_offsets_[u + 1];
  const auto it = std::lower_bound(begin, end, v);
  if (it == end || *it != v) return 0;
  return out_weights_[static_cast<std::size_t>(it - out_targets_.begin())];
}

MeasureNetwork BuildMeasureNetwork(const DistrictGraph& graph,
                                   std::span<const Channel> channels) {
  std::array<bool, kNumChannels> chosen{};
  chosen.fill(channels.empty());
  for (Channel c : channels) chosen[static_cast<int>(c)] = true;

  MeasureNetwork net;
  for (int c = 0; c < kNumChannels; ++c) {
    if (chosen[c]) net.directed_ |= graph.channel_directed(Channel(c));
  }
  const VertexId n = graph.num_vertices();
  net.out_offsets_.reserve(std::size_t{n} + 1);
  std::vector<std::pair<VertexId, double>> ties;
  for (VertexId v = 0; v < n; ++v) {
    ties.clear();
    for (ArcIndex a = graph.arc_begin(v); a < graph.arc_end(v); ++a) {
      if (!chosen[static_cast<int>(graph.arc_channel(a))]) continue;
      ties.emplace_back(graph.arc_target(a), graph.arc_weight(a));
    }
    // A vertex's arcs are sorted by channel first: bring each target's
    // together, in id order, and add their weights up.
    std::sort(ties.begin(), ties.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i < ties.size();) {
      const VertexId target = ties[i].first;
      double weight = 0;
      for (; i < ties.size() && ties[i].first == target; ++i) {
        weight += ties[i].second;
      }
      net.out_targets_.push_back(target);
      net.out_weights_.push_back(weight);
      net.weighted_ |= weight != 1.0;
    }
    net.out_offsets_.push_back(
        static_cast<std::uint32_t>(net.out_targets_.size()));
  }
  const std::size_t arcs = net.out_targets_.size();
  net.num_ties_ = static_cast<std::int64_t>(net.directed_ ? arcs : arcs / 2);

  // In-lists by a counting sort over targets; sources come out in id order
  // because the out-lists are walked in source order.
  net.in_offsets_.assign(std::size_t{n} + 1, 0);
  for (VertexId t : net.out_targets_) ++net.in_offsets_[t + 1];
  for (VertexId v = 0; v < n; ++v) net.in_offsets_[v + 1] += net.in_offsets_[v];
  net.in_sources_.resize(arcs);
  net.in_weights_.resize(arcs);
  std::vector<std::uint32_t> next(net.in_offsets_.begin(),
                                  net.in_offsets_.end() - 1);
  for (VertexId u = 0; u < n; ++u) {
    for (std::uint32_t i = net.out_offsets_[u]; i < net.out_offsets_[u + 1];
         ++i) {
      const std::uint32_t slot = next[net.out_targets_[i]]++;
      net.in_sources_[slot] = u;
      net.in_weights_[slot] = net.out_weights_[i];
    }
  }
  return net;
}

}  // namespace collabnet
