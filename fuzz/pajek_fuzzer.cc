// The input is a .net, then optionally a form feed and a .clu. What reads is
// written back and must read again.
#include <sstream>

#include "formats/pajek.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string text = collabnet::fuzz::Text(data, size);
  const std::size_t split = text.find('\f');
  std::istringstream net(text.substr(0, split));
  std::istringstream clu(split == std::string::npos ? ""
                                                    : text.substr(split + 1));
  collabnet::NetworkReadOptions options;
  options.max_nodes = 100000;  // a header's count is allocated
  absl::StatusOr<collabnet::District> d = collabnet::ReadPajek(
      net, "fuzz.net", split == std::string::npos ? nullptr : &clu, "fuzz.clu",
      options);
  if (!d.ok()) return 0;
  absl::StatusOr<collabnet::PajekText> out = collabnet::FormatPajek(*d);
  if (!out.ok()) return 0;
  std::istringstream net2(out->net);
  std::istringstream clu2(out->partition);
  // A plain network is written without a partition, and read without one.
  if (!collabnet::ReadPajek(net2, "again.net",
                            out->partition.empty() ? nullptr : &clu2,
                            "again.clu")
           .ok()) {
    __builtin_trap();
  }
  return 0;
}
