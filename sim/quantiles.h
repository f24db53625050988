// Quantiles of per-replicate values, for the headline estimates and the
// weekly curves.
#ifndef COLLABNET_SIM_QUANTILES_H_
#define COLLABNET_SIM_QUANTILES_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "proto/result.pb.h"

namespace collabnet {

// Adds the 5th, 25th, 50th, 75th and 95th percentiles of `values` to
// `estimate`, interpolating as R's default (type 7) does. Sorts `values`.
void AddQuantiles(std::vector<std::int32_t>& values, Estimate& estimate);

// The same for values given as (value, how many times) pairs sorted by
// value with positive counts: identical to expanding them and calling the
// function above.
void AddQuantiles(
    const std::vector<std::pair<std::int32_t, std::int64_t>>& counts,
    Estimate& estimate);

}  // namespace collabnet

#endif  // COLLABNET_SIM_QUANTILES_H_
