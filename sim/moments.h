// Integer moments of per-replicate counts, and the estimates made from them.
//
// Counts are integers, so their sums and sums of squares are exact and do not
// depend on the order replicates are added in: merging per-thread moments
// gives identical results on any number of threads.
#ifndef COLLABNET_SIM_MOMENTS_H_
#define COLLABNET_SIM_MOMENTS_H_

#include <cstdint>

#include "proto/result.pb.h"

namespace collabnet {

struct Moments {
  std::int64_t sum = 0;
  std::int64_t sum_squares = 0;

  void Add(std::int64_t x) {
    sum += x;
    sum_squares += x * x;
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
