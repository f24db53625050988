#include "sim/probability_threshold.h"

#include <cmath>

namespace collabnet {

std::uint32_t ProbabilityThreshold(double p) {
  if (!(p > 0)) return 0;
  if (p >= 1) return kAlways;
  const double scaled = std::floor(p * 4294967296.0);
  return scaled >= 4294967295.0 ? kAlways : static_cast<std::uint32_t>(scaled);
}

}  // namespace collabnet
