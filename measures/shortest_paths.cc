#include "measures/shortest_paths.h"

#include <omp.h>

#include <algorithm>
#include <cstddef>
#include <limits>

namespace collabnet {
namespace {

// Sources a block: the unit whose sum is added in order.
constexpr VertexId kBlock = 64;

struct Search {
  explicit Search(VertexId n) : dist(n, -1), sigma(n, 0), delta(n, 0) {
    order.reserve(n);
  }
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;  // shortest paths from the source
  std::vector<double> delta;  // the source's dependency on each teacher
  std::vector<VertexId> order;
};

// One source's search: its closeness and harmonic centrality, and its
// dependencies added to `acc`.
void SearchFrom(const MeasureNetwork& net, VertexId s, Search& w,
                std::vector<double>& acc, PathMeasures& out) {
  const auto offsets = net.out_offsets();
  const auto targets = net.out_targets();
  w.order.clear();
  w.order.push_back(s);
  w.dist[s] = 0;
  w.sigma[s] = 1;
  double distance_sum = 0;
  double inverse_sum = 0;
  for (std::size_t head = 0; head < w.order.size(); ++head) {
    const VertexId v = w.order[head];
    const std::int32_t next = w.dist[v] + 1;
    for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) {
      const VertexId t = targets[i];
      if (w.dist[t] < 0) {
        w.dist[t] = next;
        w.order.push_back(t);
        distance_sum += next;
        inverse_sum += 1.0 / next;
      }
      if (w.dist[t] == next) w.sigma[t] += w.sigma[v];
    }
  }
  const std::size_t reached = w.order.size() - 1;
  const VertexId n = net.num_vertices();
  out.closeness[s] = reached == 0 ? std::numeric_limits<double>::quiet_NaN()
                                  : static_cast<double>(reached) / distance_sum;
  out.harmonic[s] = n > 1 ? inverse_sum / (n - 1) : 0.0;
  for (std::size_t k = w.order.size(); k-- > 0;) {
    const VertexId v = w.order[k];
    const std::int32_t next = w.dist[v] + 1;
    double d = 0;
    for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) {
      const VertexId t = targets[i];
      if (w.dist[t] == next) d += w.sigma[v] / w.sigma[t] * (1 + w.delta[t]);
    }
    w.delta[v] = d;
    if (v != s) acc[v] += d;
  }
  for (VertexId v : w.order) {
    w.dist[v] = -1;
    w.sigma[v] = 0;
    w.delta[v] = 0;
  }
}

}  // namespace

PathMeasures ComputePathMeasures(
    const MeasureNetwork& net, int threads,
    const std::function<void(std::int64_t, std::int64_t)>& progress) {
  const VertexId n = net.num_vertices();
  PathMeasures out;
  out.betweenness.assign(n, 0);
  out.closeness.assign(n, 0);
  out.harmonic.assign(n, 0);
  if (threads <= 0) threads = omp_get_max_threads();
  // In 64 bits: n + kBlock - 1 and (b + 1) * kBlock pass 2^32 - 1 near the
  // largest n.
  const VertexId blocks =
      static_cast<VertexId>((std::uint64_t{n} + kBlock - 1) / kBlock);
  threads = static_cast<int>(std::min<VertexId>(static_cast<VertexId>(threads),
                                                std::max<VertexId>(blocks, 1)));
  // A block's sums go to its slot in the wave, and the slots are added to
  // the total in block order, whichever thread ran them.
  std::vector<std::vector<double>> slots(static_cast<std::size_t>(threads),
                                         std::vector<double>(n, 0));
  std::vector<Search> searches(static_cast<std::size_t>(threads), Search(n));
  for (VertexId wave = 0; wave < blocks;
       wave += static_cast<VertexId>(threads)) {
    const VertexId wave_end =
        std::min(blocks, wave + static_cast<VertexId>(threads));
#pragma omp parallel num_threads(threads)
    {
      Search& search = searches[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(static, 1)
      for (VertexId b = wave; b < wave_end; ++b) {
        std::vector<double>& acc = slots[b - wave];
        std::fill(acc.begin(), acc.end(), 0.0);
        const auto end = static_cast<VertexId>(
            std::min<std::uint64_t>(n, (std::uint64_t{b} + 1) * kBlock));
        for (VertexId s = b * kBlock; s < end; ++s) {
          SearchFrom(net, s, search, acc, out);
        }
      }
    }
    for (VertexId b = wave; b < wave_end; ++b) {
      const std::vector<double>& acc = slots[b - wave];
      for (VertexId v = 0; v < n; ++v) out.betweenness[v] += acc[v];
    }
    if (progress) {
      progress(std::min<std::int64_t>(std::int64_t{wave_end} * kBlock, n), n);
    }
  }
  // Each unordered pair was counted from both ends.
  if (!net.directed()) {
    for (double& b : out.betweenness) b /= 2;
  }
  out.betweenness_normalized = out.betweenness;
  if (n > 2) {
    double pairs = (static_cast<double>(n) - 1) * (static_cast<double>(n) - 2);
    if (!net.directed()) pairs /= 2;
    for (double& b : out.betweenness_normalized) b /= pairs;
  }
  return out;
}

}  // namespace collabnet
