// Seed lists (--seeds FILE): ids separated by blanks, commas or lines.
#include "formats/edge_list.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  (void)collabnet::ReadIdList(collabnet::fuzz::AsFile(data, size, ".txt"));
  return 0;
}
