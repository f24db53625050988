// What a run will hold in memory, judged before it allocates, so that a
// horizon of a million weeks or a grid of ten million points is refused
// with the reason instead of filling the machine.
#ifndef COLLABNET_SIM_RUN_MEMORY_H_
#define COLLABNET_SIM_RUN_MEMORY_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet {

// An upper estimate of the bytes one run of `scenario` holds beyond the
// graph: each thread's tally and workspace, the merged tally and the
// result (its weekly curve is as long as the horizon), with per-teacher
// and per-leader figures and `trees` replicates' transmission trees when
// they are asked for.
std::int64_t EstimateRunBytes(const DistrictGraph& graph,
                              const Scenario& scenario, int threads,
                              bool per_teacher, bool per_leader = false,
                              std::size_t trees = 0);

// An upper estimate of the bytes of one run's RunResult, as a sweep keeps
// one a point.
std::int64_t EstimateResultBytes(const DistrictGraph& graph,
                                 const Scenario& scenario, bool per_teacher);

// ResourceExhausted when `bytes` (what `what` needs) passes `limit` (0: no
// limit), naming both in GiB and the --max-memory flag that raises it.
absl::Status CheckMemory(double bytes, std::int64_t limit,
                         const std::string& what);

}  // namespace collabnet

#endif  // COLLABNET_SIM_RUN_MEMORY_H_
