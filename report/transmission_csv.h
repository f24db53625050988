// The transmission trees of a run (RunResult.transmissions) as CSV, one row
// per teacher per replicate, the edge list EoN's transmission trees and
// networkx read:
//   replicate,source,target,week,channel,hop,adopted
// ("round" for the plain models' time). A leader's row has no source and
// no channel (hop 0, week 0); a teacher the broadcast reached has no source
// and channel "broadcast"; a tie that names no channel leaves it empty.
// Rows are in the order teachers were reached, each after its source.
#ifndef COLLABNET_REPORT_TRANSMISSION_CSV_H_
#define COLLABNET_REPORT_TRANSMISSION_CSV_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

std::string FormatTransmissionCsv(const RunResult& result);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_TRANSMISSION_CSV_H_
