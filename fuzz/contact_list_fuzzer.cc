#include "formats/contact_list.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string path = collabnet::fuzz::AsFile(data, size, ".contacts");
  collabnet::NetworkReadOptions options;
  options.directed = size > 0 && (data[0] & 1) != 0;
  (void)collabnet::ReadContactList(path, options);
  return 0;
}
