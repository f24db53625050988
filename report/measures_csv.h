// Network measures (AnalysisResult) as CSV tables for R, Python or a
// spreadsheet: one row per teacher or per school, numbers that read back
// to the same value, NA where a measure is undefined (R's read.csv and
// pandas read it as missing).
//
// Teachers: teacher, school, then every TeacherMeasures field from
// in_degree to community, the brokerage roles (brokerage_coordinator, ...,
// brokerage_total), then four columns per channel with a tie
// (CHANNEL_in_degree, CHANNEL_out_degree, CHANNEL_in_strength,
// CHANNEL_out_strength).
// Schools: school, name, then every SchoolMeasures field.
#ifndef COLLABNET_REPORT_MEASURES_CSV_H_
#define COLLABNET_REPORT_MEASURES_CSV_H_

#include <string>

#include "proto/measures.pb.h"

namespace collabnet {

std::string FormatTeacherMeasuresCsv(const AnalysisResult& result);
std::string FormatSchoolMeasuresCsv(const AnalysisResult& result);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_MEASURES_CSV_H_
