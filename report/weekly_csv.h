// The curves over time as CSV, for R, Python or a spreadsheet: one row per
// week (or round, for the plain models: the first column says which), and
// for each curve (reached, adopting, practising: cumulative
// counts of teachers other than the leaders) its mean, the mean's 95%
// interval, and the 5th, 25th, 50th, 75th and 95th percentiles over
// replicates (the band a single school year falls in):
//   week,reached_mean,reached_ci_low,reached_ci_high,reached_p05,...
#ifndef COLLABNET_REPORT_WEEKLY_CSV_H_
#define COLLABNET_REPORT_WEEKLY_CSV_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

// One row per RunResult.weekly entry, in order.
std::string FormatWeeklyCsv(const RunResult& result);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_WEEKLY_CSV_H_
