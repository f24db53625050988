// A number per teacher, one teacher a row, under a named column:
//   teacher,threshold          teacher,cost
//   T0001,0.25                 T0001,3
// Given linear-threshold thresholds are numbers in [0, 1] (the share of a
// teacher's weighted colleagues who must have adopted before they do;
// teachers left out draw theirs in each replicate); a leader's cost
// (release days, a stipend) is a number, 0 or more.
#ifndef COLLABNET_SCENARIO_TEACHER_NUMBERS_CSV_H_
#define COLLABNET_SCENARIO_TEACHER_NUMBERS_CSV_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace collabnet {

struct TeacherNumber {
  std::string teacher;
  double value = 0;
  std::int64_t line = 0;  // in the file, for messages about the teacher
};

// The column a table holds and the values it takes.
struct TeacherNumberColumn {
  const char* name;  // "threshold", "cost"
  const char* file;  // what the file is, for messages: "the thresholds file"
  double min = 0;
  double max = std::numeric_limits<double>::infinity();
};
inline constexpr TeacherNumberColumn kThresholdColumn{
    "threshold", "the thresholds file", 0, 1};
inline constexpr TeacherNumberColumn kCostColumn{"cost", "the costs file"};

// `text` as a value of `column`; InvalidArgument "found '...'; expected
// ..." when it is not a number or is outside [min, max]. The one rule for
// the column, wherever its values come from (a roster column, say).
absl::StatusOr<double> ParseTeacherNumber(absl::string_view text,
                                          const TeacherNumberColumn& column);

// Every row of the file at `path`. InvalidArgument lists each bad row as
// "file:line: field 'cost': found ...; expected ..." (a value that is not
// a number or is outside [min, max], an empty teacher, a teacher listed
// twice); NotFound if the file cannot be opened.
absl::StatusOr<std::vector<TeacherNumber>> ReadTeacherNumberCsv(
    const std::string& path, const TeacherNumberColumn& column);

}  // namespace collabnet

#endif  // COLLABNET_SCENARIO_TEACHER_NUMBERS_CSV_H_
