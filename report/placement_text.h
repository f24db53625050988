// A placement (PlacementResult) as text for people at a terminal: the
// chosen leaders with school, role and gain, what the whole set reaches by
// an independent simulation with each leader's own reach, and what the
// strategy guarantees.
#ifndef COLLABNET_REPORT_PLACEMENT_TEXT_H_
#define COLLABNET_REPORT_PLACEMENT_TEXT_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

std::string FormatPlacement(const PlacementResult& placement);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_PLACEMENT_TEXT_H_
