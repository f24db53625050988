#include "cli/leader_costs.h"

#include <iostream>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "io/csv_table.h"
#include "records/pseudonymize.h"
#include "scenario/teacher_numbers_csv.h"

namespace collabnet::cli {
namespace {

// The costs placed by vertex; every teacher must be in the graph.
absl::StatusOr<LeaderCosts> ByVertex(const std::vector<TeacherNumber>& costs,
                                     const std::string& file,
                                     const DistrictGraph& graph,
                                     const std::string& key) {
  LeaderCosts out;
  out.file = file;
  out.cost.assign(graph.num_vertices(), 0);
  out.given.assign(graph.num_vertices(), 0);
  for (const TeacherNumber& t : costs) {
    const std::string id = key.empty() ? t.teacher : Pseudonym(key, t.teacher);
    const std::optional<VertexId> v = graph.FindTeacher(id);
    if (!v) {
      return absl::InvalidArgumentError(
          absl::StrCat(file, ":", t.line, ": field 'teacher': found '",
                       t.teacher, "'; expected a teacher of the district"));
    }
    out.cost[*v] = t.value;
    out.given[*v] = 1;
  }
  return out;
}

}  // namespace

absl::StatusOr<LeaderCosts> CostsFromFile(const std::string& path,
                                          const DistrictGraph& graph,
                                          const std::string& key) {
  absl::StatusOr<std::vector<TeacherNumber>> costs =
      ReadTeacherNumberCsv(path, kCostColumn);
  if (!costs.ok()) return costs.status();
  return ByVertex(*costs, path, graph, key);
}

absl::StatusOr<LeaderCosts> CostsFromRoster(const RunSetup& setup,
                                            const std::string& key,
                                            absl::string_view command) {
  const RosterColumn& roster = setup.roster_column;
  if (roster.file.empty()) {
    return UsageError(absl::StrCat(
        "--cost-column ", roster.name,
        ": reads a column of a district folder's teachers.csv, and ",
        setup.district_path.empty()
            ? std::string("the embedded district and plain networks have none")
            : absl::StrCat(setup.district_path, " is not a CSV folder"),
        "; give --costs FILE (teacher,cost) instead"));
  }
  FileErrors errors(roster.file);
  std::vector<TeacherNumber> costs;
  std::int64_t empty = 0;
  for (const CsvReadReport::Cell& cell : roster.cells) {
    if (absl::StripAsciiWhitespace(cell.text).empty()) {
      ++empty;
      continue;
    }
    absl::StatusOr<double> cost = ParseTeacherNumber(cell.text, kCostColumn);
    if (!cost.ok()) {
      errors.Add(cell.line, roster.name, cost.status().message());
      continue;
    }
    costs.push_back({cell.teacher, *cost, cell.line});
  }
  if (!errors.empty()) return ErrorsToStatus({&errors});
  if (empty > 0) {
    std::cerr << "collabnet " << command << ": note: " << empty << " of "
              << roster.cells.size() << " teachers have no " << roster.name
              << " in " << roster.file << " and cannot be chosen\n";
  }
  return ByVertex(costs, roster.file, setup.graph, key);
}

}  // namespace collabnet::cli
