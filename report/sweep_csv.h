// A sweep as CSV, one row per grid point, for R, Python or a spreadsheet:
// the parameter values, then mean, sd and 95% interval of the headline
// figures, then each observed category's simulated direct reach.
#ifndef COLLABNET_REPORT_SWEEP_CSV_H_
#define COLLABNET_REPORT_SWEEP_CSV_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

std::string FormatSweepCsv(const SweepResult& sweep);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_SWEEP_CSV_H_
