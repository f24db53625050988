// Reads the input and, when it reads, writes it back and reads that again.
#include <sstream>

#include "formats/gexf.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::istringstream in(collabnet::fuzz::Text(data, size));
  absl::StatusOr<collabnet::District> d = collabnet::ReadGexf(in, "fuzz");
  if (!d.ok()) return 0;
  absl::StatusOr<std::string> text = collabnet::FormatGexf(*d);
  if (!text.ok()) return 0;
  std::istringstream again(*text);
  if (!collabnet::ReadGexf(again, "again").ok()) __builtin_trap();
  return 0;
}
