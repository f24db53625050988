#include "measures/pagerank.h"

#include <omp.h>

#include <cmath>
#include <cstdint>

namespace collabnet {

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
  std::vector<double> rank(n, 1.0 / n), next(n, 0), share(n, 0);
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    // What each teacher passes along a tie of weight 1, and what everyone
    // gets alike: the dangling teachers' rank and the jump.
    double dangling = 0;
    for (VertexId u = 0; u < n; ++u) {
      share[u] = d * rank[u] * inverse_strength[u];
      if (inverse_strength[u] == 0) dangling += rank[u];
    }
    const double base = (d * dangling + (1 - d)) / n;
#pragma omp parallel for num_threads(threads) schedule(static, 1024)
    for (VertexId v = 0; v < n; ++v) {
      double sum = base;
      for (std::uint32_t i = net.in_begin(v); i < net.in_end(v); ++i) {
        sum += share[net.in_source(i)] * net.in_weight(i);
      }
      next[v] = sum;
    }
    double total = 0, change = 0;
    for (VertexId v = 0; v < n; ++v) total += next[v];
    for (VertexId v = 0; v < n; ++v) {
      next[v] /= total;  // against rounding drift
      change += std::fabs(next[v] - rank[v]);
    }
    rank.swap(next);
    if (change < options.tolerance) break;
  }
  return rank;
}

}  // namespace collabnet
