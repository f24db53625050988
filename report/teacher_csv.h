// Per-teacher probabilities as CSV, for R, Python or a spreadsheet:
//   teacher,school,reached_probability,adopting_probability
#ifndef COLLABNET_REPORT_TEACHER_CSV_H_
#define COLLABNET_REPORT_TEACHER_CSV_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

// One row per RunResult.teachers entry, in order; ids are quoted when they
// hold a comma, quote or line break.
std::string FormatTeacherCsv(const RunResult& result);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_TEACHER_CSV_H_
