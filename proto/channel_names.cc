#include "proto/channel_names.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

struct ChannelNames {
  Channel channel;
  absl::string_view file;
  absl::string_view label;
};

constexpr std::array<ChannelNames, 7> kChannels = {{
    {CO_TEACHING, "co_teaching", "co-teaching"},
    {PLC, "plc", "PLC"},
    {OBSERVATION, "observation", "peer observation"},
    {JOB_EMBEDDED_COACHING, "coaching", "job-embedded coaching"},
    {PD_WORKSHOP, "pd_workshop", "PD workshop"},
    {SOCIAL_MEDIA, "social_media", "social media"},
    {ADVICE, "advice", "advice"},
}};

constexpr std::array<std::pair<Role, absl::string_view>, 5> kRoles = {{
    {TEACHER, "teacher"},
    {TEACHER_LEADER, "teacher_leader"},
    {COACH, "coach"},
    {SPECIALIST, "specialist"},
    {ADMINISTRATOR, "administrator"},
}};

}  // namespace

absl::string_view ChannelFileName(Channel channel) {
  for (const auto& c : kChannels) {
    if (c.channel == channel) return c.file;
  }
  return "unspecified";
}

absl::string_view ChannelLabel(Channel channel) {
  for (const auto& c : kChannels) {
    if (c.channel == channel) return c.label;
  }
  return "unspecified";
}

std::optional<Channel> ParseChannel(absl::string_view text) {
  // Called once a tie: the file names first, as written, without the
  // descriptor lookup the enum names cost.
  for (const auto& c : kChannels) {
    if (text == c.file) return c.channel;
  }
  for (const auto& c : kChannels) {
    if (absl::EqualsIgnoreCase(text, c.file) ||
        absl::EqualsIgnoreCase(text, Channel_Name(c.channel))) {
      return c.channel;
    }
  }
  return std::nullopt;
}

std::string ChannelFileNames() {
  std::string out;
  for (const auto& c : kChannels) {
    if (!out.empty()) out += ", ";
    absl::StrAppend(&out, c.file);
  }
  return out;
}

absl::string_view RoleFileName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

std::optional<Role> ParseRole(absl::string_view text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower.empty()) return TEACHER;
  for (const auto& [r, name] : kRoles) {
    if (lower == name) return r;
  }
  return std::nullopt;
}

std::string RoleFileNames() {
  std::string out;
  for (const auto& [r, name] : kRoles) {
    if (!out.empty()) out += ", ";
    absl::StrAppend(&out, name);
  }
  return out;
}

}  // namespace collabnet
