// Text-format protobuf, the form scenarios and small districts are written
// in by hand, parsed with errors that name the file, line and column.
#ifndef COLLABNET_IO_TEXT_PROTO_H_
#define COLLABNET_IO_TEXT_PROTO_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace collabnet {

// One parse error; line and column count from 1.
struct TextProtoError {
  int line = 0;
  int column = 0;
  std::string message;  // protobuf's own words
};

// Parses `text` into `message`. InvalidArgument lists every error as
// "file_name:line:column: message", one a line; `errors`, if given,
// receives them for callers that explain some errors better.
absl::Status ParseTextProto(absl::string_view text,
                            const std::string& file_name,
                            google::protobuf::Message& message,
                            std::vector<TextProtoError>* errors = nullptr);

}  // namespace collabnet

#endif  // COLLABNET_IO_TEXT_PROTO_H_
