// Reading and writing districts and scenarios in any supported form, chosen
// by the path: a folder, or a path with no extension, is the CSV layout
// (district_csv.h); *.pb or *.binpb is binary protobuf; *.textproto, *.txtpb
// or *.pbtxt is text protobuf.
#ifndef COLLABNET_INGEST_DISTRICT_IO_H_
#define COLLABNET_INGEST_DISTRICT_IO_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "ingest/district_csv.h"
#include "proto/district.pb.h"
#include "proto/scenario.pb.h"

namespace collabnet {

enum class DistrictFormat { kCsvDir, kBinaryProto, kTextProto };

// The format a path names; InvalidArgument lists the accepted forms.
absl::StatusOr<DistrictFormat> DistrictFormatOf(const std::string& path);

absl::StatusOr<District> ReadDistrict(const std::string& path,
                                      CsvReadReport* report = nullptr);
// Writes atomically: on failure nothing at `path` changes.
absl::Status WriteDistrict(const District& district, const std::string& path);

// Parses text-format protobuf into `message`; errors name `file_name`, line
// and column.
absl::Status ParseTextProto(absl::string_view text,
                            const std::string& file_name,
                            google::protobuf::Message& message);

absl::StatusOr<Scenario> ReadScenario(const std::string& path);

}  // namespace collabnet

#endif  // COLLABNET_INGEST_DISTRICT_IO_H_
