// Each leader's own reach (RunResult.leader_reach), for people and for R,
// Python or a spreadsheet.
//
// Text: a table of the leaders reaching most, each with teachers reached
// and adopting with 95% intervals and the channels that carried it.
// CSV, one row per leader and channel (channel "all" for the leader's
// total):
//   leader,school,channel,reached_mean,reached_ci_low,reached_ci_high,
//   adopting_mean,adopting_ci_low,adopting_ci_high
// (the adopting columns are empty on channel rows).
#ifndef COLLABNET_REPORT_LEADER_REACH_H_
#define COLLABNET_REPORT_LEADER_REACH_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

// Appends the table to `out`, at most `listed` leaders (those reaching
// most first; a line says how many more the JSON has). Nothing without
// per-leader figures.
void AppendLeaderReach(const RunResult& result, int listed, std::string& out);

std::string FormatLeaderReachCsv(const RunResult& result);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_LEADER_REACH_H_
