// A comparison of scenarios (ComparisonResult) as one table: as text for
// people at a terminal, and as CSV (one row per scenario) for R or Python.
#ifndef COLLABNET_REPORT_COMPARISON_TABLE_H_
#define COLLABNET_REPORT_COMPARISON_TABLE_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

std::string FormatComparison(const ComparisonResult& comparison);

// Columns: scenario, leaders, cost (empty without costs), then mean, sd,
// ci_low, ci_high of reached, adopting, schools_reached, title_i_share and
// the paired differences from the first (empty on the first row), and
// whether each difference is significant.
std::string FormatComparisonCsv(const ComparisonResult& comparison);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_COMPARISON_TABLE_H_
