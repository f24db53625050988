#include "measures/brokerage.h"

#include <omp.h>

namespace collabnet {

std::vector<BrokerageCounts> ComputeBrokerage(
    const MeasureNetwork& net, std::span<const std::uint32_t> school_of,
    int threads) {
  const VertexId n = net.num_vertices();
  std::vector<BrokerageCounts> out(n, BrokerageCounts{});
  if (threads <= 0) threads = omp_get_max_threads();
#pragma omp parallel for num_threads(threads) schedule(dynamic, 64)
  for (VertexId v = 0; v < n; ++v) {
    BrokerageCounts& c = out[v];
    const std::uint32_t sv = school_of[v];
    for (std::uint32_t i = net.in_begin(v); i < net.in_end(v); ++i) {
      const VertexId a = net.in_source(i);
      const std::uint32_t sa = school_of[a];
      for (std::uint32_t j = net.out_begin(v); j < net.out_end(v); ++j) {
        const VertexId b = net.out_target(j);
        if (b == a || net.TieWeight(a, b) > 0) continue;
        const std::uint32_t sb = school_of[b];
        if (sa == sv && sv == sb) {
          ++c[kCoordinator];
        } else if (sa == sb) {
          ++c[kItinerant];
        } else if (sa == sv) {
          ++c[kRepresentative];
        } else if (sv == sb) {
          ++c[kGatekeeper];
        } else {
          ++c[kLiaison];
        }
      }
    }
  }
  return out;
}

}  // namespace collabnet
