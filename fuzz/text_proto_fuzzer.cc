#include "fuzz/fuzz_input.h"
#include "graph/district_graph.h"
#include "io/text_proto.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  collabnet::District district;
  if (!collabnet::ParseTextProto(collabnet::fuzz::Text(data, size), "fuzz",
                                 district)
           .ok()) {
    return 0;
  }
  collabnet::FreezeOptions options;
  options.require_channels = false;
  (void)collabnet::FreezeDistrict(district, options);
  return 0;
}
