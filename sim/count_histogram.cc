#include "sim/count_histogram.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "sim/moments.h"
#include "sim/quantiles.h"

namespace collabnet {

void CountHistogram::Merge(const CountHistogram& other) {
  if (dense_.size() < other.dense_.size()) {
    dense_.resize(other.dense_.size(), 0);
  }
  for (std::size_t v = 0; v < other.dense_.size(); ++v) {
    dense_[v] += other.dense_[v];
  }
  for (const auto& [value, times] : other.sparse_) sparse_[value] += times;
  n_ += other.n_;
}

Estimate CountHistogram::ToEstimate() const {
  std::vector<std::pair<std::int32_t, std::int64_t>> sorted(sparse_.begin(),
                                                            sparse_.end());
  for (std::size_t v = 0; v < dense_.size(); ++v) {
    if (dense_[v] > 0)
      sorted.emplace_back(static_cast<std::int32_t>(v), dense_[v]);
  }
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
