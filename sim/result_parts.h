// Pieces of a RunResult that every model's runner fills the same way.
#ifndef COLLABNET_SIM_RESULT_PARTS_H_
#define COLLABNET_SIM_RESULT_PARTS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"
#include "sim/moments.h"
#include "sim/replicate_counts.h"

namespace collabnet {

// Run details from the scenario and graph; wall time is left to the caller.
RunDetails MakeRunDetails(const DistrictGraph& graph, const Scenario& scenario,
                          int threads, absl::string_view model);

// One SchoolReach per school, in school order, from per-school sums of
// teachers other than the leaders, with each school's count of leaders.
void AddSchoolReach(const DistrictGraph& graph,
                    const std::vector<Moments>& reached,
                    const std::vector<Moments>& adopting,
                    std::span<const VertexId> leaders, std::int64_t replicates,
                    RunResult& result);

// One TeacherReach per teacher other than the leaders, from counts of the
// replicates that reached / adopted them.
void AddTeacherReach(const DistrictGraph& graph,
                     const std::vector<std::int64_t>& reached,
                     const std::vector<std::int64_t>& adopting,
                     std::span<const VertexId> leaders, std::int64_t replicates,
                     RunResult& result);

// Replicate `replicate`'s transmission tree (RunResult.transmissions): a
// row per leader, then one per record, in order.
void AddTransmissions(const DistrictGraph& graph,
                      std::span<const VertexId> leaders,
                      std::uint32_t replicate,
                      std::span<const ReachRecord> records, RunResult& result);

}  // namespace collabnet

#endif  // COLLABNET_SIM_RESULT_PARTS_H_
