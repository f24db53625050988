// Small hand-drawn districts and scenarios for tests.
#ifndef COLLABNET_TESTS_TESTING_DISTRICTS_H_
#define COLLABNET_TESTS_TESTING_DISTRICTS_H_

#include <string>
#include <vector>

#include "proto/district.pb.h"
#include "proto/scenario.pb.h"

namespace collabnet::testing {

struct TieSpec {
  int source;
  int target;
  Channel channel = PD_WORKSHOP;
  bool directed = true;
  double weight = 1;  // 1 leaves the weight unset
};

// Teachers "t0".."t{n-1}" in one school "s" of the given readiness.
District MakeDistrict(int n, const std::vector<TieSpec>& ties,
                      double readiness = 1.0);

// A directed star: t0 -> t1..t{leaves}.
District Star(int leaves, Channel channel = PD_WORKSHOP);
// A directed path t0 -> t1 -> ... -> t{length}.
District Path(int length, Channel channel = PD_WORKSHOP);

// The multi-channel model from leaders given by vertex number, every
// channel at probability p with delay 1, adoption certain, no horizon.
Scenario SimpleScenario(const std::vector<int>& leaders, double p,
                        int replicates, std::uint64_t seed = 1);

// A scenario with no model yet: leaders by vertex number ("t3" for 3),
// replicates and seed.
Scenario LeadersScenario(const std::vector<int>& leaders, int replicates,
                         std::uint64_t seed = 1);

// The independent cascade at probability p from leaders by vertex number.
Scenario IcScenario(const std::vector<int>& leaders, double p, int replicates,
                    std::uint64_t seed = 1);

// The source and build trees: the build's, unless the environment variables
// COLLABNET_SOURCE_DIR / COLLABNET_BINARY_DIR say otherwise.
std::string SourceDir();
std::string BinaryDir();

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_TESTING_DISTRICTS_H_
