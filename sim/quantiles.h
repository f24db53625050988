// Quantiles of per-replicate values, for the headline estimates.
#ifndef COLLABNET_SIM_QUANTILES_H_
#define COLLABNET_SIM_QUANTILES_H_

#include <cstdint>
#include <vector>

#include "proto/result.pb.h"

namespace collabnet {

// Adds the 5th, 25th, 50th, 75th and 95th percentiles of `values` to
// `estimate`, interpolating as R's default (type 7) does. Sorts `values`.
void AddQuantiles(std::vector<std::int32_t>& values, Estimate& estimate);

}  // namespace collabnet

#endif  // COLLABNET_SIM_QUANTILES_H_
