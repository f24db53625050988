// Gould and Fernandez's brokerage roles ("Structures of mediation", 1989),
// with schools as the groups, as R's sna::brokerage counts them: teacher v
// brokers for a and b when a -> v -> b, a != b and a has no tie to b; the
// two-path's role follows the schools of a, v and b (Brokerage in
// proto/measures.proto). An undirected network's ties count both ways, so
// each of its open pairs is counted from both ends, as sna counts a
// symmetric network.
//
// Cost: for each teacher, in-ties times out-ties checks of a tie (a binary
// search): on a network whose teachers have a few dozen ties, about a
// second per million ties.
#ifndef COLLABNET_MEASURES_BROKERAGE_H_
#define COLLABNET_MEASURES_BROKERAGE_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "measures/measure_network.h"

namespace collabnet {

enum BrokerageRole {
  kCoordinator = 0,
  kItinerant,
  kRepresentative,
  kGatekeeper,
  kLiaison,
  kBrokerageRoles
};

using BrokerageCounts = std::array<std::int64_t, kBrokerageRoles>;

// Each teacher's counts; `threads` 0: every core (the counts are integers,
// the same on any number).
std::vector<BrokerageCounts> ComputeBrokerage(
    const MeasureNetwork& net, std::span<const std::uint32_t> school_of,
    int threads = 0);

}  // namespace collabnet

#endif  // COLLABNET_MEASURES_BROKERAGE_H_
