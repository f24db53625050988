#include "sim/quantiles.h"

#include <algorithm>
#include <cmath>

namespace collabnet {
namespace {

// R's type 7: with h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1]
// - x[floor h]), where at(i) is the i-th smallest of the n values.
template <typename At>
void AddQuantilesOf(std::size_t n, At at, Estimate& estimate) {
  if (n == 0) return;
  const double last = static_cast<double>(n - 1);
  for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) {
    const double h = last * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, n - 1);
    const std::int32_t x_lo = at(lo);
    const std::int32_t x_hi = at(hi);
    const double value = x_lo + (h - static_cast<double>(lo)) * (x_hi - x_lo);
    Quantile* q = estimate.add_quantiles();
    q->set_probability(p);
    q->set_value(value);
  }
}

}  // namespace

void AddQuantiles(std::vector<std::int32_t>& values, Estimate& estimate) {
  std::sort(values.begin(), values.end());
  AddQuantilesOf(
      values.size(), [&](std::size_t i) { return values[i]; }, estimate);
}

void AddQuantiles(
    const std::vector<std::pair<std::int32_t, std::int64_t>>& counts,
    Estimate& estimate) {
  // below[k]: how many values come before counts[k].
  std::vector<std::int64_t> below(counts.size() + 1, 0);
  for (std::size_t k = 0; k < counts.size(); ++k) {
    below[k + 1] = below[k] + counts[k].second;
  }
  AddQuantilesOf(
      static_cast<std::size_t>(below.back()),
      [&](std::size_t i) {
        const auto k = std::upper_bound(below.begin(), below.end(),
                                        static_cast<std::int64_t>(i)) -
                       below.begin() - 1;
        return counts[static_cast<std::size_t>(k)].first;
      },
      estimate);
}

}  // namespace collabnet
