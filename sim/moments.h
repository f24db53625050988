// Integer moments of per-replicate counts, and the estimates made from them.
//
// Counts are integers, so their sums and sums of squares are exact and do not
// depend on the order replicates are added in: merging per-thread moments
// gives identical results on any number of threads.
#ifndef COLLABNET_SIM_MOMENTS_H_
#define COLLABNET_SIM_MOMENTS_H_

#include <cstdint>

#include "absl/numeric/int128.h"
#include "proto/result.pb.h"

namespace collabnet {

// Sums of squares are 128-bit: a reach of 10^7 squared over 10^6 replicates
// would overflow 64 bits.
struct Moments {
  std::int64_t sum = 0;
  absl::int128 sum_squares = 0;

  void Add(std::int64_t x) {
    sum += x;
    sum_squares += absl::int128(x) * x;
  }
  void Merge(const Moments& other) {
    sum += other.sum;
    sum_squares += other.sum_squares;
  }
};

// The mean over n replicates with its sample standard deviation and a 95%
// normal confidence interval, mean +- 1.96 sd / sqrt(n). With n = 1 the sd
// and interval width are 0.
Estimate MakeEstimate(const Moments& m, std::int64_t n);

}  // namespace collabnet

#endif  // COLLABNET_SIM_MOMENTS_H_
