#include "sim/moments.h"

#include <cmath>

#include "absl/numeric/int128.h"

namespace collabnet {

Estimate MakeEstimate(const Moments& m, std::int64_t n) {
  Estimate e;
  e.set_n(n);
  if (n <= 0) return e;
  const double mean = static_cast<double>(m.sum) / static_cast<double>(n);
  double sd = 0;
  if (n > 1) {
    // n * sum_squares - sum^2 is exact in 128 bits (up to 10^38), so the
    // variance has no cancellation error even when tiny next to the mean.
    const absl::int128 numerator =
        absl::int128(n) * m.sum_squares - absl::int128(m.sum) * m.sum;
    const double variance =
        static_cast<double>(numerator) /
        (static_cast<double>(n) * static_cast<double>(n - 1));
    sd = std::sqrt(variance > 0 ? variance : 0);
  }
  const double half =
      1.959963984540054 * sd / std::sqrt(static_cast<double>(n));
  e.set_mean(mean);
  e.set_sd(sd);
  e.set_ci_low(mean - half);
  e.set_ci_high(mean + half);
  return e;
}

}  // namespace collabnet
