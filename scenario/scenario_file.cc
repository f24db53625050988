#include "scenario/scenario_file.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "io/input_file.h"
#include "io/text_proto.h"

namespace collabnet {
namespace {

// A scenario is a page of settings, perhaps with leader lists; a larger
// file is not a scenario.
constexpr std::int64_t kMaxScenarioBytes = std::int64_t{64} << 20;

// Where each field of the flat form went.
struct Moved {
  absl::string_view field;
  absl::string_view now;
};
constexpr Moved kMoved[] = {
    {"model",
     "the model is a block of its own now: multi_channel { ... } (was "
     "MULTI_CHANNEL_CASCADE), independent_cascade { probability: ... } "
     "(INDEPENDENT_CASCADE), independent_cascade { probabilities: "
     "WEIGHTED_CASCADE } (WEIGHTED_CASCADE), linear_threshold { } "
     "(LINEAR_THRESHOLD) or complex_contagion { threshold: ... } "
     "(COMPLEX_CONTAGION)"},
    {"horizon_weeks",
     "write horizon: ... (weeks, or rounds for the plain "
     "models)"},
    {"adoption_at_zero_readiness",
     "write it inside multi_channel { adoption_at_zero_readiness: ... }"},
    {"adoption_at_full_readiness",
     "write it inside multi_channel { adoption_at_full_readiness: ... }"},
    {"lapse_probability",
     "write it inside multi_channel { lapse_probability: ... }"},
    {"broadcast", "write it inside multi_channel { broadcast { ... } }"},
    {"calendar", "write it inside multi_channel { calendar { ... } }"},
    {"leader_capacity",
     "write it inside multi_channel { leader_capacity { ... } }"},
    {"probability",
     "write it inside independent_cascade { probability: ... } or "
     "complex_contagion { probability: ... }"},
    {"use_tie_weights",
     "write it inside independent_cascade { use_tie_weights: true } or "
     "linear_threshold { use_tie_weights: true }"},
    {"contagion_threshold", "write complex_contagion { threshold: ... }"},
    {"contagion_fraction", "write complex_contagion { fraction: ... }"},
    {"thresholds",
     "write it inside linear_threshold { thresholds { key: \"T0001\" value: "
     "0.3 } }"},
    {"channel_probabilities",
     "write independent_cascade { probabilities: CHANNELS }"},
};

// The moved field an "unknown field" error is about, if it is one.
const Moved* MovedField(const TextProtoError& e) {
  constexpr absl::string_view kPrefix =
      "Message type \"collabnet.Scenario\" has no field named \"";
  if (!absl::StartsWith(e.message, kPrefix)) return nullptr;
  const std::string::size_type end = e.message.find('"', kPrefix.size());
  if (end == std::string::npos) return nullptr;
  const absl::string_view name =
      absl::string_view(e.message).substr(kPrefix.size(), end - kPrefix.size());
  for (const Moved& m : kMoved) {
    if (m.field == name) return &m;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<Scenario> ParseScenario(absl::string_view text,
                                       const std::string& file_name) {
  Scenario scenario;
  std::vector<TextProtoError> errors;
  absl::Status s = ParseTextProto(text, file_name, scenario, &errors);
  if (s.ok()) return scenario;
  for (const TextProtoError& e : errors) {
    if (const Moved* m = MovedField(e)) {
      return absl::InvalidArgumentError(absl::StrCat(
          file_name, ":", e.line, ":", e.column, ": field '", m->field,
          "' is from the older flat form of scenarios, which kept every "
          "model's parameters at the top; ",
          m->now,
          ". Each model's parameters now live in its own block (see "
          "docs/models.md and data/default-start.textproto)"));
    }
  }
  return s;
}

absl::StatusOr<Scenario> ReadScenario(const std::string& path) {
  absl::StatusOr<std::string> text = ReadInputToString(
      path, kMaxScenarioBytes, InputFile::Content::kText, "the scenario");
  if (!text.ok()) return text.status();
  return ParseScenario(*text, path);
}

}  // namespace collabnet
