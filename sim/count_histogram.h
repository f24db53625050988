// Per-replicate counts kept as how many replicates gave each value: the
// exact moments and quantiles of a quantity measured every week, without
// keeping every replicate's value. Merging adds counts, so the result does
// not depend on how replicates were split over threads.
//
// Small values (most weekly counts, and every count of a small district)
// are counted in an array, larger ones in a hash table, so an Add costs a
// few nanoseconds either way.
#ifndef COLLABNET_SIM_COUNT_HISTOGRAM_H_
#define COLLABNET_SIM_COUNT_HISTOGRAM_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "proto/result.pb.h"

namespace collabnet {

class CountHistogram {
 public:
  // Values from 0 up to this are counted in the array.
  static constexpr std::int32_t kDense = 4096;

  void Add(std::int32_t value, std::int64_t times = 1) {
    if (value >= 0 && value < kDense) {
      if (static_cast<std::size_t>(value) >= dense_.size()) {
        dense_.resize(static_cast<std::size_t>(value) + 1, 0);
      }
      dense_[static_cast<std::size_t>(value)] += times;
    } else {
      sparse_[value] += times;
    }
    n_ += times;
  }
  void Merge(const CountHistogram& other);
  std::int64_t n() const { return n_; }

  // Mean, standard deviation and 95% interval as MakeEstimate gives for
  // the values one by one, with their quantiles as AddQuantiles gives.
  Estimate ToEstimate() const;

 private:
  std::vector<std::int64_t> dense_;
  absl::flat_hash_map<std::int32_t, std::int64_t> sparse_;
  std::int64_t n_ = 0;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_COUNT_HISTOGRAM_H_
