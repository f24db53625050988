// What simulate, sweep and fit share: the flags that say where the scenario
// and the network come from and which scenario fields they replace, and
// turning them into a checked scenario and a frozen graph.
//
// A flag that sets a model's parameter applies to that model only: given
// to a scenario of another model it is a usage error that says so, never
// silently ignored. --model switches the scenario's model; the parameters
// of the model it had, which the new one cannot use, are left out with a
// note.
#ifndef COLLABNET_CLI_RUN_SETUP_H_
#define COLLABNET_CLI_RUN_SETUP_H_

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cli/command.h"
#include "formats/district_csv.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet::cli {

// Adds the flags that say which network to read and who leads on it:
// --scenario (its district and leaders), --district, --graph, --nodes,
// --directed, --leaders, --seeds, --duplicates and --pseudonymize. For
// commands that read a network without running a model (analyze).
void AddNetworkFlags(boost::program_options::options_description& options);

// Adds the network flags, then --observed, --model and the model
// parameters (--p, --k, --fraction, --use-weights,
// --channel-probabilities, --thresholds, --lapse, --broadcast, --pd-weeks,
// --plc-every, --teaching-weeks, --term-weeks, --leader-capacity),
// --replicates, --seed, --horizon and the tie context (--credibility,
// --same-school, --same-grade, --same-subject).
void AddRunFlags(boost::program_options::options_description& options);

// A column of the district's teachers.csv beyond its own (place's
// --cost-column, or the scenario's placement.cost_column, which every
// command lets the roster hold): the file and each teacher row's cell.
struct RosterColumn {
  std::string name;  // "" when none was asked for
  std::string file;  // "" unless the district is a CSV folder
  std::vector<CsvReadReport::Cell> cells;
};

struct RunSetup {
  Scenario scenario;  // passes ValidateScenario on `graph`
  DistrictGraph graph;
  // The district file or folder the graph came from, as the user named
  // it; "" for the embedded district and for plain networks (--graph).
  std::string district_path;
  // The folder of the scenario file, what its relative paths start from;
  // "" for the embedded scenario and plain networks' own.
  std::string scenario_dir;
  // What the user should know about how the inputs were read: self-loops
  // dropped, a model's parameters left out. For stderr.
  std::vector<std::string> notes;
  RosterColumn roster_column;
};

// A command's own change to the scenario (sweep: its grid's first point,
// so a model's parameter given only by the grid counts as given), made
// after the flags' and before the checks.
using ScenarioEdit =
    std::function<absl::Status(const DistrictGraph& graph, Scenario& scenario)>;

// Loads the scenario and graph the flags name, applies the overrides and
// `edit`, and validates the result. UsageError for flags that do not fit
// together; InvalidArgument (or NotFound) for bad input, naming file, line
// and field.
absl::StatusOr<RunSetup> PrepareRun(const Flags& flags,
                                    const ScenarioEdit& edit = {});

struct NetworkSetup {
  DistrictGraph graph;
  // The leaders: --leaders or --seeds, else a scenario file's, else (on
  // the embedded district) the embedded scenario's; none on a network of
  // the user's without a scenario file. Checked against the graph.
  std::vector<VertexId> leaders;
  std::string district_path;  // as in RunSetup
  std::vector<std::string> notes;
};

// Loads the network the network flags name (AddNetworkFlags). UsageError
// for flags that do not fit together; InvalidArgument (or NotFound) for
// bad input, naming file, line and field, and for a leader not in the
// network.
absl::StatusOr<NetworkSetup> PrepareNetwork(const Flags& flags);

// An error unless every id is a teacher of `graph`; it names `from` (the
// flag that gave the ids) and the ids nearest the one that is not.
absl::Status CheckLeaderIds(const std::vector<std::string>& ids,
                            const DistrictGraph& graph, absl::string_view from);

// Prints the setup's notes on stderr as "collabnet COMMAND: note: ...".
void PrintNotes(absl::string_view command, const RunSetup& setup);
void PrintNotes(absl::string_view command,
                const std::vector<std::string>& notes);

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_RUN_SETUP_H_
