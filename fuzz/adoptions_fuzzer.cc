// Adoption records (convert --adoptions FILE): teacher,date rows checked
// against a district.
#include <sstream>

#include "formats/rsiena.h"
#include "fuzz/fuzz_input.h"
#include "io/text_proto.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static const collabnet::District* district = [] {
    auto* d = new collabnet::District;
    if (!collabnet::ParseTextProto(collabnet::fuzz::kSmallDistrictText, "d",
                                   *d)
             .ok()) {
      __builtin_trap();
    }
    return d;
  }();
  std::istringstream in(collabnet::fuzz::Text(data, size));
  (void)collabnet::ReadAdoptions(in, "fuzz.csv", *district);
  return 0;
}
