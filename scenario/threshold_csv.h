// Given linear-threshold thresholds, one teacher a row:
//   teacher,threshold
//   T0001,0.25
// A threshold is a number in [0, 1]: the share of a teacher's (weighted)
// colleagues who must have adopted before they do. Teachers left out draw
// theirs at random in each replicate.
#ifndef COLLABNET_SCENARIO_THRESHOLD_CSV_H_
#define COLLABNET_SCENARIO_THRESHOLD_CSV_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace collabnet {

struct GivenThreshold {
  std::string teacher;
  double threshold = 0;
  std::int64_t line = 0;  // in the file, for messages about the teacher
};

// Every row of the file at `path`. InvalidArgument lists each bad row as
// "file:line: field 'threshold': found ...; expected ..." (a number outside
// [0, 1], an empty teacher, a teacher listed twice); NotFound if the file
// cannot be opened.
absl::StatusOr<std::vector<GivenThreshold>> ReadThresholdCsv(
    const std::string& path);

}  // namespace collabnet

#endif  // COLLABNET_SCENARIO_THRESHOLD_CSV_H_
