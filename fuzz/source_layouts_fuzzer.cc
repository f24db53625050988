// The first byte picks the source layout; the rest is the file.
#include <sstream>

#include "fuzz/fuzz_input.h"
#include "records/source_layouts.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const auto kind = static_cast<collabnet::SourceKind>(data[0] % 7);
  std::istringstream in(collabnet::fuzz::Text(data + 1, size - 1));
  collabnet::FileErrors errors("fuzz.csv");
  collabnet::SourceOptions options;
  options.coaching_weight = (data[0] & 0x80) != 0
                                ? collabnet::CoachingWeight::kHours
                                : collabnet::CoachingWeight::kSessions;
  std::size_t records = 0;
  collabnet::ReadSourceRecords(kind, in, options, errors,
                               [&](collabnet::SourceRecord&) { ++records; });
  return 0;
}
