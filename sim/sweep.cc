#include "sim/sweep.h"

#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "proto/channel_names.h"
#include "sim/run_memory.h"
#include "sim/validate_scenario.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

using google::protobuf::FieldDescriptor;

// simulate's flags for a plain model's parameters name them too: the path
// a parameter's name stands for.
absl::string_view FieldPath(absl::string_view parameter) {
  if (parameter == "p") return "probability";
  if (parameter == "k") return "threshold";
  return parameter;
}

absl::Status BadValue(const std::string& parameter, const std::string& value,
                      absl::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat(
      "parameter '", parameter, "': found '", value, "'; expected ", expected));
}

absl::Status SetField(google::protobuf::Message& message,
                      const FieldDescriptor* field,
                      const std::string& parameter, const std::string& value) {
  const google::protobuf::Reflection* r = message.GetReflection();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      double v = 0;
      if (!ParseNumber(value, &v))
        return BadValue(parameter, value, "a number");
      r->SetDouble(&message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT32: {
      int v = 0;
      if (!absl::SimpleAtoi(value, &v)) {
        return BadValue(parameter, value, "a whole number");
      }
      r->SetInt32(&message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      std::uint64_t v = 0;
      if (!absl::SimpleAtoi(value, &v)) {
        return BadValue(parameter, value, "a whole number");
      }
      r->SetUInt64(&message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      bool v = false;
      if (!absl::SimpleAtob(value, &v)) {
        return BadValue(parameter, value, "true or false");
      }
      r->SetBool(&message, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* e = field->enum_type()->FindValueByName(value);
      if (e == nullptr) return BadValue(parameter, value, "an enum value name");
      r->SetEnum(&message, field, e);
      return absl::OkStatus();
    }
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter '", parameter, "' cannot be swept (not a number)"));
  }
}

}  // namespace

std::vector<std::string> LeaderSet(absl::string_view value) {
  std::vector<std::string> ids;
  for (absl::string_view id : absl::StrSplit(value, kLeaderSetSeparator)) {
    id = absl::StripAsciiWhitespace(id);
    if (id.empty()) return {};
    ids.emplace_back(id);
  }
  return ids;
}

absl::StatusOr<SweepAxis> ParseSweepAxis(absl::string_view spec) {
  const std::pair<absl::string_view, absl::string_view> parts =
      absl::StrSplit(spec, absl::MaxSplits('=', 1));
  const absl::string_view name = absl::StripAsciiWhitespace(parts.first);
  if (name.empty() || parts.second.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", spec, "': expected NAME=V1,V2,..."));
  }
  SweepAxis axis{std::string(name), {}};
  for (absl::string_view value : absl::StrSplit(parts.second, ',')) {
    value = absl::StripAsciiWhitespace(value);
    if (value.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "'", spec, "': an empty value in the list; expected NAME=V1,V2,..."));
    }
    if (axis.parameter == "leaders" && LeaderSet(value).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("'", spec, "': found leader set '", value,
                       "'; expected teacher ids joined by '+' (T0001+T0005)"));
    }
    axis.values.emplace_back(value);
  }
  return axis;
}

namespace {

// The field a parameter sets, whichever of its names it was given by:
// a flag's (p), a path from the model's block (probability) or one from
// the scenario (independent_cascade.probability).
std::string ParameterField(const Scenario& scenario,
                           absl::string_view parameter) {
  parameter = FieldPath(parameter);
  // A channel by any of the names ParseChannel takes is one channel.
  const std::vector<absl::string_view> parts = absl::StrSplit(parameter, '.');
  if (parts.size() == 3 && parts[0] == "channel") {
    if (const std::optional<Channel> c = ParseChannel(parts[1])) {
      return absl::StrCat("channel.", ChannelFileName(*c), ".", parts[2]);
    }
  }
  if (scenario.model_case() != Scenario::MODEL_NOT_SET &&
      Scenario::descriptor()->FindFieldByName(
          std::string(parameter.substr(0, parameter.find('.')))) == nullptr) {
    const FieldDescriptor* model =
        Scenario::descriptor()->FindFieldByNumber(scenario.model_case());
    return absl::StrCat(model->name(), ".", parameter);
  }
  return std::string(parameter);
}

}  // namespace

absl::Status CheckSweepAxes(const Scenario& scenario,
                            const std::vector<SweepAxis>& axes) {
  for (std::size_t a = 0; a < axes.size(); ++a) {
    if (axes[a].values.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter '", axes[a].parameter, "' has no values"));
    }
    for (std::size_t b = 0; b < a; ++b) {
      if (ParameterField(scenario, axes[a].parameter) ==
          ParameterField(scenario, axes[b].parameter)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "parameters '", axes[b].parameter, "' and '", axes[a].parameter,
            "' set one field; give its values in one list"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status SetScenarioParameter(Scenario& scenario,
                                  const std::string& parameter,
                                  const std::string& value) {
  if (parameter == "leaders") {
    std::vector<std::string> ids = LeaderSet(value);
    if (ids.empty()) {
      return BadValue(parameter, value,
                      "teacher ids joined by '+' (T0001+T0005)");
    }
    scenario.clear_leaders();
    for (std::string& id : ids) scenario.add_leaders(std::move(id));
    return absl::OkStatus();
  }
  // Messages keep the name as given.
  const std::vector<std::string> parts =
      absl::StrSplit(FieldPath(parameter), '.');
  if (parts.size() == 3 && parts[0] == "channel") {
    const std::optional<Channel> channel = ParseChannel(parts[1]);
    if (!channel) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter '", parameter, "': unknown channel '",
                       parts[1], "'; expected one of ", ChannelFileNames()));
    }
    for (ChannelParams& c : *scenario.mutable_channels()) {
      if (c.channel() != *channel) continue;
      const FieldDescriptor* field =
          ChannelParams::descriptor()->FindFieldByName(parts[2]);
      if (field == nullptr || field->name() == "channel") {
        return absl::InvalidArgumentError(
            absl::StrCat("parameter '", parameter,
                         "': expected channel.NAME.probability or "
                         "channel.NAME.mean_delay_weeks"));
      }
      return SetField(c, field, parameter, value);
    }
    return absl::InvalidArgumentError(
        absl::StrCat("parameter '", parameter, "': channel ", parts[1],
                     " is not listed in the scenario"));
  }
  // A path of field names from the scenario (multi_channel.calendar.
  // plc_every_weeks) or from the block of the model it runs
  // (calendar.plc_every_weeks, lapse_probability).
  google::protobuf::Message* message = &scenario;
  const FieldDescriptor* model = nullptr;
  if (scenario.model_case() != Scenario::MODEL_NOT_SET) {
    model = Scenario::descriptor()->FindFieldByNumber(scenario.model_case());
  }
  if (Scenario::descriptor()->FindFieldByName(parts[0]) == nullptr &&
      model != nullptr &&
      model->message_type()->FindFieldByName(parts[0]) != nullptr) {
    message = scenario.GetReflection()->MutableMessage(&scenario, model);
  }
  const std::string expected =
      "; expected a number field of the scenario (replicates, horizon, "
      "leader_credibility, ...), of its model's block (probability, "
      "lapse_probability, calendar.plc_every_weeks, "
      "leader_capacity.teachers_per_term, ...), or "
      "channel.NAME.probability";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field =
        message->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr || field->is_repeated()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown parameter '", parameter, "'", expected));
    }
    if (i + 1 == parts.size()) {
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
          field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        return absl::InvalidArgumentError(absl::StrCat(
            "parameter '", parameter, "' cannot be swept (not a number)"));
      }
      return SetField(*message, field, parameter, value);
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown parameter '", parameter, "'", expected));
    }
    // Setting a field of another model's block would switch the model.
    if (field->containing_oneof() != nullptr && field != model) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter '", parameter, "': this scenario runs ",
                       ScenarioModelName(scenario), ", not ", field->name()));
    }
    message = message->GetReflection()->MutableMessage(message, field);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown parameter '", parameter, "'", expected));
}

absl::StatusOr<std::vector<SweepPoint>> RunSweep(
    const DistrictGraph& graph, const Scenario& scenario,
    const std::vector<SweepAxis>& axes, const RunOptions& options) {
  if (absl::Status s = CheckSweepAxes(scenario, axes); !s.ok()) return s;
  double points_in_grid = 1;  // a double: a product of sizes can overflow
  for (const SweepAxis& axis : axes) {
    points_in_grid *= static_cast<double>(axis.values.size());
  }
  // Every point's result is kept, so the grid's size is judged first.
  const double per_point =
      static_cast<double>(EstimateResultBytes(graph, scenario, false)) +
      sizeof(SweepPoint);
  if (absl::Status s = CheckMemory(
          points_in_grid * per_point, options.max_memory_bytes,
          absl::StrFormat("a sweep of %.0f points", points_in_grid));
      !s.ok()) {
    return s;
  }
  const auto total = static_cast<std::size_t>(points_in_grid);
  // Points compare with each other: their draws are coupled whatever the
  // caller asked for.
  RunOptions coupled = options;
  coupled.draws = DrawMode::kCoupled;
  std::vector<SweepPoint> points;
  points.reserve(total);
  std::vector<std::size_t> index(axes.size(), 0);
  for (std::size_t p = 0; p < total; ++p) {
    // Mixed-radix counter: the last axis varies fastest.
    std::size_t rest = p;
    for (std::size_t a = axes.size(); a-- > 0;) {
      index[a] = rest % axes[a].values.size();
      rest /= axes[a].values.size();
    }
    Scenario point = scenario;
    SweepPoint out;
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const std::string& value = axes[a].values[index[a]];
      if (absl::Status s =
              SetScenarioParameter(point, axes[a].parameter, value);
          !s.ok()) {
        return s;
      }
      out.values.push_back(value);
    }
    absl::StatusOr<RunResult> result = RunScenario(graph, point, coupled);
    if (!result.ok()) {
      std::vector<std::string> where;
      for (std::size_t a = 0; a < axes.size(); ++a) {
        where.push_back(absl::StrCat(axes[a].parameter, "=", out.values[a]));
      }
      return absl::Status(result.status().code(),
                          absl::StrCat("at ", absl::StrJoin(where, ", "), ": ",
                                       result.status().message()));
    }
    out.result = *std::move(result);
    points.push_back(std::move(out));
  }
  return points;
}

}  // namespace collabnet
