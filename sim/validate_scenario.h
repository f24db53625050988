// Every check a scenario must pass to run on a graph, in one place: the
// library, the command line, sweeps and fits all go through it, so a value
// is accepted or refused the same way wherever it comes from.
#ifndef COLLABNET_SIM_VALIDATE_SCENARIO_H_
#define COLLABNET_SIM_VALIDATE_SCENARIO_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "proto/scenario.pb.h"

namespace collabnet {

// The most weeks or rounds a run may last (about 19,000 school years).
inline constexpr int kMaxHorizon = 1000000;
// A contact waits on average at most this long (twenty school years), so
// that delays, and the weeks they add up to, stay far inside int.
inline constexpr double kMaxMeanDelayWeeks = 1000;

// OK, or InvalidArgument naming the field by its path in the scenario
// ("scenario multi_channel.broadcast: ...") and what it must be:
//   - a model: one of multi_channel, independent_cascade, linear_threshold,
//     complex_contagion;
//   - at least one replicate; a horizon from 0 to kMaxHorizon;
//   - leaders that are teachers of the graph, none listed twice, and at
//     least one unless a broadcast reaches teachers;
//   - probabilities in [0, 1], mean delays from 1 to kMaxMeanDelayWeeks,
//     tie-context factors positive, calendar weeks within the year (at
//     most 53), capacities >= 0;
//   - observed categories whose channels are real and in one category each;
//   - the fields a model uses given to it only: channel parameters to
//     multi_channel and to independent_cascade with probabilities: CHANNELS,
//     mean delays to multi_channel, an independent cascade's probability to
//     probabilities: UNIFORM, and so on. A field the model would not use is
//     an error that says which model uses it, never silently ignored;
//   - ties that name their channel wherever channels are used.
absl::Status ValidateScenario(const DistrictGraph& graph,
                              const Scenario& scenario);

// The scenario's model as results and messages name it:
// "multi_channel_cascade", "independent_cascade", "weighted_cascade",
// "linear_threshold", "complex_contagion", or "none".
absl::string_view ScenarioModelName(const Scenario& scenario);

// The scenario's leaders as vertices, in order. The scenario must be valid.
std::vector<VertexId> ScenarioLeaders(const DistrictGraph& graph,
                                      const Scenario& scenario);

// Whether the scenario's model reads Scenario.channels: multi_channel, and
// independent_cascade with probabilities: CHANNELS.
bool ScenarioUsesChannels(const Scenario& scenario);

// Whether every tie of the graph names its channel.
bool TiesNameChannels(const DistrictGraph& graph);

}  // namespace collabnet

#endif  // COLLABNET_SIM_VALIDATE_SCENARIO_H_
