// Reads the input and, when it reads, writes it back and reads that again.
#include <sstream>

#include "formats/ucinet_dl.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::istringstream in(collabnet::fuzz::Text(data, size));
  collabnet::NetworkReadOptions options;
  options.max_nodes = 100000;  // a header's count is allocated
  absl::StatusOr<collabnet::District> d =
      collabnet::ReadUcinetDl(in, "fuzz", options);
  if (!d.ok()) return 0;
  absl::StatusOr<std::string> text = collabnet::FormatUcinetDl(*d);
  if (!text.ok()) return 0;
  std::istringstream again(*text);
  if (!collabnet::ReadUcinetDl(again, "again").ok()) __builtin_trap();
  return 0;
}
