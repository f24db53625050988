#include "ingest/district_io.h"

#include <filesystem>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "ingest/atomic_file.h"

namespace collabnet {
namespace {

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit CollectErrors(std::string file) : file_(std::move(file)) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_.push_back(
        absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    AddError(line, column, message);
  }
  std::string Joined() const { return absl::StrJoin(errors_, "\n"); }

 private:
  std::string file_;
  std::vector<std::string> errors_;
};

}  // namespace

absl::StatusOr<DistrictFormat> DistrictFormatOf(const std::string& path) {
  const std::filesystem::path p(path);
  if (std::filesystem::is_directory(p) || absl::EndsWith(path, "/") ||
      (!p.filename().empty() && !p.has_extension())) {
    return DistrictFormat::kCsvDir;
  }
  if (absl::EndsWith(path, ".pb") || absl::EndsWith(path, ".binpb")) {
    return DistrictFormat::kBinaryProto;
  }
  if (absl::EndsWith(path, ".textproto") || absl::EndsWith(path, ".txtpb") ||
      absl::EndsWith(path, ".pbtxt")) {
    return DistrictFormat::kTextProto;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path,
      ": cannot tell the district format; expected a folder of CSV files, "
      "a binary protobuf (.pb, .binpb) or a text protobuf (.textproto, "
      ".txtpb, .pbtxt)"));
}

absl::Status ParseTextProto(absl::string_view text,
                            const std::string& file_name,
                            google::protobuf::Message& message) {
  google::protobuf::TextFormat::Parser parser;
  CollectErrors errors(file_name);
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(text), &message)) {
    return absl::InvalidArgumentError(errors.Joined());
  }
  return absl::OkStatus();
}

absl::StatusOr<District> ReadDistrict(const std::string& path,
                                      CsvReadReport* report) {
  absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
  if (!format.ok()) return format.status();
  if (*format == DistrictFormat::kCsvDir) {
    return ReadDistrictCsvDir(path, report);
  }
  absl::StatusOr<std::string> bytes = ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  District district;
  if (*format == DistrictFormat::kBinaryProto) {
    if (!district.ParseFromString(*bytes)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": not a valid binary District message"));
    }
  } else if (absl::Status s = ParseTextProto(*bytes, path, district); !s.ok()) {
    return s;
  }
  if (report != nullptr) {
    report->schools = district.schools_size();
    report->teachers = district.teachers_size();
    report->ties = district.ties_size();
  }
  return district;
}

absl::Status WriteDistrict(const District& district, const std::string& path) {
  absl::StatusOr<DistrictFormat> format = DistrictFormatOf(path);
  if (!format.ok()) return format.status();
  switch (*format) {
    case DistrictFormat::kCsvDir:
      return WriteDistrictCsvDir(district, path);
    case DistrictFormat::kBinaryProto:
      return WriteFileAtomically(path, district.SerializeAsString());
    case DistrictFormat::kTextProto: {
      std::string text;
      google::protobuf::TextFormat::PrintToString(district, &text);
      return WriteFileAtomically(path, text);
    }
  }
  return absl::InternalError("unreachable district format");
}

absl::StatusOr<Scenario> ReadScenario(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileToString(path);
  if (!text.ok()) return text.status();
  Scenario scenario;
  if (absl::Status s = ParseTextProto(*text, path, scenario); !s.ok()) {
    return s;
  }
  return scenario;
}

}  // namespace collabnet
