// Leaders' costs (release days, a stipend) as `place` and `compare` take
// them: a CSV of teacher,cost (--costs FILE), or a column of the district
// folder's teachers.csv read with the district (--cost-column NAME, or the
// scenario's placement.cost_column: RunSetup::roster_column). Both go by
// the costs file's rule (scenario/teacher_numbers_csv.h): a number, 0 or
// more.
#ifndef COLLABNET_CLI_LEADER_COSTS_H_
#define COLLABNET_CLI_LEADER_COSTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cli/run_setup.h"
#include "graph/district_graph.h"

namespace collabnet::cli {

// Each teacher given a cost, by vertex; where the costs came from.
struct LeaderCosts {
  std::string file;
  std::vector<double> cost;         // by vertex; 0 where not given
  std::vector<std::uint8_t> given;  // by vertex
};

// From the file at `path`. InvalidArgument naming file, line and field for
// a bad row or a teacher not in `graph` (its ids pseudonymised with `key`
// when one is given).
absl::StatusOr<LeaderCosts> CostsFromFile(const std::string& path,
                                          const DistrictGraph& graph,
                                          const std::string& key);

// From the roster column the run read with its district. An empty cell is
// no cost, and how many teachers have none is a note on stderr ("collabnet
// COMMAND: note: ..."); a cell that is not a cost is InvalidArgument
// naming teachers.csv, its line and the column. UsageError when the
// district is not a CSV folder (the embedded one, a file, a plain network).
absl::StatusOr<LeaderCosts> CostsFromRoster(const RunSetup& setup,
                                            const std::string& key,
                                            absl::string_view command);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_LEADER_COSTS_H_
