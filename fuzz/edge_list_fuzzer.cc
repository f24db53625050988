#include "formats/edge_list.h"
#include "fuzz/fuzz_input.h"
#include "graph/district_graph.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string path = collabnet::fuzz::AsFile(data, size, ".edges");
  collabnet::EdgeListOptions options;
  options.directed = size > 0 && (data[0] & 1) != 0;
  (void)collabnet::ReadEdgeListGraph(path, options);
  collabnet::NetworkReadOptions network;
  network.directed = options.directed;
  absl::StatusOr<collabnet::District> d =
      collabnet::ReadEdgeListDistrict(path, network);
  if (d.ok()) (void)collabnet::FormatEdgeList(*d);
  return 0;
}
