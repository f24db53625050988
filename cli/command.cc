#include "cli/command.h"

#include "absl/strings/cord.h"

namespace collabnet::cli {
namespace {

constexpr absl::string_view kUsagePayload = "collabnet/usage";

}  // namespace

absl::Status UsageError(absl::string_view message) {
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kUsagePayload, absl::Cord("1"));
  return status;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

}  // namespace collabnet::cli
