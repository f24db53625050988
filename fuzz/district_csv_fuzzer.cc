// The input holds the three files, separated by form feeds.
#include <sstream>

#include "absl/strings/str_split.h"
#include "formats/district_csv.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string text = collabnet::fuzz::Text(data, size);
  std::vector<std::string> parts = absl::StrSplit(text, '\f');
  parts.resize(3);
  std::istringstream schools(parts[0]);
  std::istringstream teachers(parts[1]);
  std::istringstream ties(parts[2]);
  collabnet::DistrictCsvStreams streams{&schools, &teachers, &ties};
  absl::StatusOr<collabnet::District> d = collabnet::ReadDistrictCsv(streams);
  if (d.ok()) (void)collabnet::FormatDistrictCsv(*d);
  return 0;
}
