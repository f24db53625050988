// Results as canonical protobuf JSON, which R (jsonlite), Python (json,
// google.protobuf.json_format) and any JSON tool read.
#ifndef COLLABNET_REPORT_JSON_H_
#define COLLABNET_REPORT_JSON_H_

#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace collabnet {

// Prints `message` as protobuf JSON (lowerCamelCase names, enums by name),
// including fields that hold their default value so every record has the
// same keys; ends with a newline.
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_JSON_H_
