#include "sim/count_histogram.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "sim/moments.h"
#include "sim/quantiles.h"

namespace collabnet {

void CountHistogram::Merge(const CountHistogram& other) {
  for (const auto& [value, times] : other.counts_) Add(value, times);
}

Estimate CountHistogram::ToEstimate() const {
  std::vector<std::pair<std::int32_t, std::int64_t>> sorted(counts_.begin(),
                                                            counts_.end());
  std::sort(sorted.begin(), sorted.end());
  Moments m;
  for (const auto& [value, times] : sorted) {
    m.sum += std::int64_t{value} * times;
    m.sum_squares += absl::int128(value) * value * times;
  }
  Estimate e = MakeEstimate(m, n_);
  AddQuantiles(sorted, e);
  return e;
}

}  // namespace collabnet
