// Leader placement by reverse samples with OPIM-C's online stopping rule
// (Tang, Tang, Xiao and Yuan, "Online processing algorithms for influence
// maximization", SIGMOD 2018).
//
// Two independent collections grow together, by a factor of the square
// root of 2 a round (OPIM-C doubles; see opim.cc): greedy chooses on
// the first (place/max_coverage.h), the second gives a lower confidence
// bound on the chosen set's reach, and the first an upper confidence bound
// on the best feasible set's. Once lower / upper reaches ratio - epsilon
// (ratio the greedy's proven one under the constraints), the set is within
// that of the best with probability at least 1 - delta; the largest
// collection is the worst-case size (IMM's, Tang, Shi and Xiao 2015, with
// the ratio in place of 1 - 1/e), past which the guarantee holds without
// the check. The certified ratio (lower / upper at the end) is reported
// too: usually well above the proven one, and it holds under constraints
// with no proven ratio.
#ifndef COLLABNET_PLACE_OPIM_H_
#define COLLABNET_PLACE_OPIM_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "place/constraints.h"
#include "place/reverse_sampler.h"

namespace collabnet {

struct OpimOptions {
  double epsilon = 0.1;
  double delta = 0;  // 0: 1 / teachers
  int threads = 0;   // 0: every core
  // The check may stop the collections only once the choosing one holds
  // this many sample members (4 bytes each; 2^21 is 8 MB). OPIM-C's own
  // rule stops as soon as 1 - 1/e - epsilon is certified, which on a graph
  // of wide reach or small samples comes after few samples, and greedy on
  // few samples picks noticeably worse sets than on more: 40 leaders on
  // the sample district reach 1,155 teachers chosen on 1,000 samples and
  // 1,192 on 16,000; on the state graph's weighted cascade, OPIM-C's rule
  // gave sets reaching 6,040-6,270 teachers over four seeds, this floor
  // 6,335-6,390. The guarantee is the same (more samples only tighten
  // it); 0 is OPIM-C's rule, the fastest. Up to the worst-case size.
  std::uint64_t min_members = std::uint64_t{1} << 21;
  // Called between rounds with the samples made so far and the most the
  // run can make; from the calling thread.
  std::function<void(std::uint64_t made, std::uint64_t most)> progress;
};

struct OpimResult {
  std::vector<VertexId> chosen;  // new leaders, in the order picked
  // Expected teachers reached (or adopting), leaders in place and new
  // ones counted, with OPIM-C's confidence bounds: `lower` for the chosen
  // set, `upper` for the best feasible set.
  double estimate = 0;
  double lower = 0;
  double upper = 0;
  // Each new leader's gain over those before (in teachers), estimated on
  // the checking collection; gain_in_place is the leaders in place's.
  std::vector<double> gains;
  double gain_in_place = 0;
  double target_ratio = 0;    // the proven ratio minus epsilon (0: none)
  bool certified = false;     // lower / upper reached the target ratio
  std::uint64_t samples = 0;  // in both collections
  std::size_t sample_bytes = 0;
  std::uint64_t sample_members = 0;
  int rounds = 0;
};

// InvalidArgument for an epsilon outside (0, 1) or a delta outside (0, 1),
// or constraints that CheckConstraints refuses.
absl::StatusOr<OpimResult> PlaceByReverseSamples(
    const DistrictGraph& graph, const ReverseSampler& sampler,
    const PlacementConstraints& constraints, const OpimOptions& options);

}  // namespace collabnet

#endif  // COLLABNET_PLACE_OPIM_H_
