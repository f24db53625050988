// Parameter sweeps: one run per point of a grid over scenario parameters,
// with common random numbers: every point reuses the scenario's seed, and
// draws are coupled (sim/coupled_draws.h), so replicate i sees the same
// world at every point wherever the points agree, and differences between
// points are not sampling noise.
//
//   SweepAxis p{"lapse_probability", {"0", "0.02", "0.05"}};
//   SweepAxis k{"channel.pd_workshop.probability", {"0.2", "0.3"}};
//   absl::StatusOr<std::vector<SweepPoint>> points =
//       RunSweep(graph, scenario, {p, k}, options);
//
// Parameters: any singular number, boolean or enum field by its path of
// field names, from the scenario (replicates, horizon, leader_credibility,
// multi_channel.calendar.plc_every_weeks) or from the block of the model the
// scenario runs (probability, lapse_probability, adoption_at_full_readiness,
// calendar.plc_every_weeks, leader_capacity.teachers_per_term, threshold);
// and channel.NAME.probability or channel.NAME.mean_delay_weeks for a
// channel listed in the scenario (NAME as in files: pd_workshop, plc, ...).
// A field of another model's block is refused: setting it would change the
// model. The names of simulate's flags for a plain model's parameters stand
// for their fields (p for probability, k for threshold). `leaders` sweeps
// leader sets: each value is a set of teacher ids joined by '+'
// ("T0001+T0005"), which replaces the scenario's leaders at that point.
#ifndef COLLABNET_SIM_SWEEP_H_
#define COLLABNET_SIM_SWEEP_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/district_graph.h"
#include "proto/result.pb.h"
#include "proto/scenario.pb.h"
#include "sim/runner.h"

namespace collabnet {

struct SweepAxis {
  std::string parameter;
  std::vector<std::string> values;  // as written by the user
};

struct SweepPoint {
  std::vector<std::string> values;  // one per axis, in axis order
  RunResult result;
};

// Joins the ids of one leader set in a `leaders` value.
inline constexpr char kLeaderSetSeparator = '+';

// The ids of a `leaders` value, trimmed; empty unless every id between
// the separators is non-empty ("T0001+" and "T0001++T0002" are no sets).
std::vector<std::string> LeaderSet(absl::string_view value);

// Parses "NAME=V1,V2,...". InvalidArgument for a missing name, an empty
// value anywhere in the list ("0.1,,0.2", "0.1,") and a leader set that
// LeaderSet refuses: a value the user typed is never dropped.
absl::StatusOr<SweepAxis> ParseSweepAxis(absl::string_view spec);

// InvalidArgument when an axis has no values or two axes set one field (a
// flag's name and its field's, p and probability, count as one), since
// the later would silently override the earlier.
absl::Status CheckSweepAxes(const Scenario& scenario,
                            const std::vector<SweepAxis>& axes);

// Sets one parameter of `scenario` from text. InvalidArgument names the
// parameter and the value when either does not fit.
absl::Status SetScenarioParameter(Scenario& scenario,
                                  const std::string& parameter,
                                  const std::string& value);

// Runs every point of the grid (the last axis varies fastest), after
// CheckSweepAxes. Fails on the first point that does not run, naming it.
absl::StatusOr<std::vector<SweepPoint>> RunSweep(
    const DistrictGraph& graph, const Scenario& scenario,
    const std::vector<SweepAxis>& axes, const RunOptions& options = {});

}  // namespace collabnet

#endif  // COLLABNET_SIM_SWEEP_H_
