// A probability as the 32-bit threshold a uniform draw is held against, the
// one representation every model's draws use, coupled or not.
#ifndef COLLABNET_SIM_PROBABILITY_THRESHOLD_H_
#define COLLABNET_SIM_PROBABILITY_THRESHOLD_H_

#include <cstdint>

namespace collabnet {

// The threshold that always succeeds.
inline constexpr std::uint32_t kAlways = 0xFFFFFFFFu;

// The threshold for probability p in [0, 1]: floor(p * 2^32), so that a
// uniform 32-bit u is below it with probability exactly threshold / 2^32;
// kAlways for p close enough to 1 that the floor would not fit.
std::uint32_t ProbabilityThreshold(double p);

// Whether a uniform 32-bit draw u succeeds against `threshold`.
inline bool Below(std::uint32_t u, std::uint32_t threshold) {
  return u < threshold || threshold == kAlways;
}

}  // namespace collabnet

#endif  // COLLABNET_SIM_PROBABILITY_THRESHOLD_H_
