// Per-replicate counts kept as how many replicates gave each value: the
// exact moments and quantiles of a quantity measured every week, without
// keeping every replicate's value. Counts take few distinct values (a
// week's cumulative reach), so the table stays small; merging adds counts,
// so the result does not depend on how replicates were split over threads.
#ifndef COLLABNET_SIM_COUNT_HISTOGRAM_H_
#define COLLABNET_SIM_COUNT_HISTOGRAM_H_

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "proto/result.pb.h"

namespace collabnet {

class CountHistogram {
 public:
  void Add(std::int32_t value, std::int64_t times = 1) {
    counts_[value] += times;
    n_ += times;
  }
  void Merge(const CountHistogram& other);
  std::int64_t n() const { return n_; }

  // Mean, standard deviation and 95% interval as MakeEstimate gives for
  // the values one by one, with their quantiles as AddQuantiles gives.
  Estimate ToEstimate() const;

 private:
  absl::flat_hash_map<std::int32_t, std::int64_t> counts_;
  std::int64_t n_ = 0;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_COUNT_HISTOGRAM_H_
