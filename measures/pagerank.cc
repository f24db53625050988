#include "measures/pagerank.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace collabnet {
namespace {

// Teachers a block: the unit whose sums are added in order, whatever
// thread ran it, so the bits do not depend on the threads.
constexpr VertexId kBlock = 4096;

struct BlockSums {
  double dangling = 0;  // rank of the block's teachers with no out-tie
  double change = 0;    // L1 change of the block's ranks
};

}  // namespace

std::vector<double> ComputePageRank(const MeasureNetwork& net,
                                    const PageRankOptions& options) {
  const VertexId n = net.num_vertices();
  if (n == 0) return {};
  const double d = options.damping;
  const int threads =
      options.threads > 0 ? options.threads : omp_get_max_threads();
  std::vector<double> inverse_strength(n, 0);
  for (VertexId u = 0; u < n; ++u) {
    double s = 0;
    for (std::uint32_t i = net.out_begin(u); i < net.out_end(u); ++i) {
      s += net.out_weight(i);
    }
    inverse_strength[u] = s > 0 ? 1.0 / s : 0.0;
  }
  // share[u]: what u passes along a tie of weight 1; the dangling
  // teachers' rank goes to everyone alike, with the jump.
  std::vector<double> rank(n, 1.0 / n), next(n, 0), share(n, 0),
      next_share(n, 0);
  double dangling = 0;
  for (VertexId u = 0; u < n; ++u) {
    share[u] = d * rank[u] * inverse_strength[u];
    if (inverse_strength[u] == 0) dangling += rank[u];
  }
  const auto blocks =
      static_cast<VertexId>((std::uint64_t{n} + kBlock - 1) / kBlock);
  std::vector<BlockSums> sums(blocks);
  const bool weighted = net.weighted();
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double base = (d * dangling + (1 - d)) / n;
    // One pass: each teacher pulls their rank along their in-ties, and
    // what the next step needs of them is made at once.
#pragma omp parallel for num_threads(threads) schedule(static, 1)
    for (VertexId b = 0; b < blocks; ++b) {
      BlockSums s;
      const auto end = static_cast<VertexId>(
          std::min<std::uint64_t>(n, (std::uint64_t{b} + 1) * kBlock));
      for (VertexId v = b * kBlock; v < end; ++v) {
        double sum = base;
        if (weighted) {
          for (std::uint32_t i = net.in_begin(v); i < net.in_end(v); ++i) {
            sum += share[net.in_source(i)] * net.in_weight(i);
          }
        } else {
          for (std::uint32_t i = net.in_begin(v); i < net.in_end(v); ++i) {
            sum += share[net.in_source(i)];
          }
        }
        next[v] = sum;
        next_share[v] = d * sum * inverse_strength[v];
        if (inverse_strength[v] == 0) s.dangling += sum;
        s.change += std::fabs(sum - rank[v]);
      }
      sums[b] = s;
    }
    double change = 0;
    dangling = 0;
    for (const BlockSums& s : sums) {
      change += s.change;
      dangling += s.dangling;
    }
    rank.swap(next);
    share.swap(next_share);
    if (change < options.tolerance) break;
  }
  // The ranks sum to 1 but for rounding: make it so exactly.
  double total = 0;
  for (double r : rank) total += r;
  for (double& r : rank) r /= total;
  return rank;
}

}  // namespace collabnet
