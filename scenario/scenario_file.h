// Reading scenarios: text-format protobuf (proto/scenario.proto), written
// by hand. A scenario in the older flat form, with model parameters at the
// top (model: ..., probability: ..., lapse_probability: ...), is refused
// with a message that says where each field is written now.
#ifndef COLLABNET_SCENARIO_SCENARIO_FILE_H_
#define COLLABNET_SCENARIO_SCENARIO_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/scenario.pb.h"

namespace collabnet {

// Parses a scenario's text; errors name `file_name`, line and column.
absl::StatusOr<Scenario> ParseScenario(absl::string_view text,
                                       const std::string& file_name);

// Reads and parses the scenario file at `path`.
absl::StatusOr<Scenario> ReadScenario(const std::string& path);

}  // namespace collabnet

#endif  // COLLABNET_SCENARIO_SCENARIO_FILE_H_
