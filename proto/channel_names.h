// Names of channels and roles as they appear in files and reports.
#ifndef COLLABNET_PROTO_CHANNEL_NAMES_H_
#define COLLABNET_PROTO_CHANNEL_NAMES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/district.pb.h"

namespace collabnet {

// The file name of a channel: "co_teaching", "plc", "observation", "coaching",
// "pd_workshop", "social_media", "advice".
absl::string_view ChannelFileName(Channel channel);
// Words for people: "co-teaching", "PD workshop", ...
absl::string_view ChannelLabel(Channel channel);
// Accepts a file name or the enum name, in any case; nullopt if unknown.
std::optional<Channel> ParseChannel(absl::string_view text);
// "co_teaching, plc, ..." for error messages.
std::string ChannelFileNames();

absl::string_view RoleFileName(Role role);
std::optional<Role> ParseRole(absl::string_view text);
std::string RoleFileNames();

}  // namespace collabnet

#endif  // COLLABNET_PROTO_CHANNEL_NAMES_H_
