#include "io/text_proto.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace collabnet {
namespace {

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors.push_back({line + 1, column + 1, message});
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    AddError(line, column, message);
  }
  std::vector<TextProtoError> errors;
};

}  // namespace

absl::Status ParseTextProto(absl::string_view text,
                            const std::string& file_name,
                            google::protobuf::Message& message,
                            std::vector<TextProtoError>* errors) {
  google::protobuf::TextFormat::Parser parser;
  CollectErrors collected;
  parser.RecordErrorsTo(&collected);
  if (parser.ParseFromString(std::string(text), &message)) {
    return absl::OkStatus();
  }
  std::vector<std::string> lines;
  for (const TextProtoError& e : collected.errors) {
    lines.push_back(
        absl::StrCat(file_name, ":", e.line, ":", e.column, ": ", e.message));
  }
  if (errors != nullptr) *errors = std::move(collected.errors);
  return absl::InvalidArgumentError(absl::StrJoin(lines, "\n"));
}

}  // namespace collabnet
