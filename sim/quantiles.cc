#include "sim/quantiles.h"

#include <algorithm>
#include <cmath>

namespace collabnet {

void AddQuantiles(std::vector<std::int32_t>& values, Estimate& estimate) {
  if (values.empty()) return;
  std::sort(values.begin(), values.end());
  const double last = static_cast<double>(values.size() - 1);
  for (double p : {0.05, 0.25, 0.5, 0.75, 0.95}) {
    const double h = last * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    const double value =
        values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
    Quantile* q = estimate.add_quantiles();
    q->set_probability(p);
    q->set_value(value);
  }
}

}  // namespace collabnet
